"""Percentiles and the output format that every benchmark shares."""

import math
import statistics


def percentile(values, fraction: float) -> float:
    """Return the nearest-rank percentile of `values`, `fraction` in (0, 1]."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def format_pairs(pairs: dict) -> str:
    """Format the last line of a benchmark's output: `name=value` pairs."""
    parts = []
    for name, value in pairs.items():
        if isinstance(value, float):
            value = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
        parts.append(f"{name}={value}")
    return " ".join(parts)


def parse_pairs(line: str) -> dict:
    """Read a line written by `format_pairs` back into a dict of strings."""
    pairs = {}
    for part in line.split():
        name, separator, value = part.partition("=")
        if separator:
            pairs[name] = value
    return pairs


def print_table(headers: list[str], rows: list[list]) -> None:
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[index]) for row in cells) for index in range(len(headers))]
    for row in cells:
        print(
            "  ".join(
                cell.ljust(width) for cell, width in zip(row, widths, strict=True)
            )
        )
