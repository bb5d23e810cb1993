from django.shortcuts import redirect, render

from .models import FloorRow


def floor(request):
    """Show a form with a CSRF token; a POST inserts one row and redirects.

    The benchmark's clients use it exactly as they use the application form
    (GET, then a multipart POST with the same CV), so the difference between
    the two is the cost of the application's own work.
    """
    if request.method == "POST":
        FloorRow.objects.create(email=request.POST.get("email", ""))
        return redirect("bench_floor")
    return render(request, "bench/floor.html")
