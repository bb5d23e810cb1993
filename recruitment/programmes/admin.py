from django.contrib import admin

from .models import AccountProgramme


@admin.register(AccountProgramme)
class AccountProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "tenant", "confirmed"]
    list_filter = ["tenant", "confirmed"]
    # The Jobs token (with the system key) is managed by the tenant's admin on
    # the programme screens; it is deliberately absent from the Django admin.
