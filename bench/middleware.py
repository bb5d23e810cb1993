import time

from django.db import connection


class QueryCountMiddleware:
    """Report the request's SQL query count and server time in headers.

    `X-Bench-Queries` is the number of statements sent on the default
    database connection, and `Server-Timing: app;dur=<ms>` the time from
    this middleware to the response (a streamed body is not included).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def count_query(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(count_query):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000

        response["X-Bench-Queries"] = str(count)
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}"
        return response
