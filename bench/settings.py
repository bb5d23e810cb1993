"""Settings for benchmark runs: the product's settings plus the bench app.

The bench app adds the floor view (`/bench/floor/`) and a middleware that
reports each request's SQL query count and time in response headers. Neither
exists in the product's own settings.
"""

from recruitment.settings import *  # noqa: F403
from recruitment.settings import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.floor_urls"
# First, so its time and query count cover every other middleware as well.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
