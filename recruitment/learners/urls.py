app_name = "learners"

urlpatterns = []
