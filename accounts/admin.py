from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import User


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("ParIndex"), {"fields": ("role", "unit", "division")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("ParIndex"), {"fields": ("role", "unit", "division")}),)
