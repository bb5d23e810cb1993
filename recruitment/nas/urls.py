app_name = "nas"

urlpatterns = []
