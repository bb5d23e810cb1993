from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from .models import Tenant, User, UserGroup


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "ukprn", "nas_enabled", "created_at"]
    list_filter = ["nas_enabled"]
    search_fields = ["name", "slug", "ukprn"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["tenant", "email", "role"]


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ["email"]
    list_display = ["email", "tenant", "role", "is_active"]
    list_filter = ["role", "is_active", "tenant"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["tenant", "email", "password"]}),
        ("Person", {"fields": ["first_name", "last_name"]}),
        ("Access", {"fields": ["role", "is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "fields": [
                    "tenant",
                    "email",
                    "role",
                    "usable_password",
                    "password1",
                    "password2",
                ]
            },
        ),
    ]
    filter_horizontal = []


@admin.register(UserGroup)
class UserGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "tenant", "parent", "created_at"]
    list_filter = ["tenant"]
    readonly_fields = ["created_at"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_last_root:
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # One by one, so each deletion keeps the tenant's last root group.
        for group in queryset.order_by("-created_at", "-id"):
            try:
                group.delete()
            except ValidationError as error:
                self.message_user(
                    request, f"{group}: {error.messages[0]}", messages.ERROR
                )


# Access is by role on the user, not by Django's permission groups.
admin.site.unregister(Group)
