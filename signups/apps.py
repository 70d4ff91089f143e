from django.apps import AppConfig


class SignupsConfig(AppConfig):
    name = "signups"
    verbose_name = "Zapisy na szkolenia"
    default_auto_field = "django.db.models.BigAutoField"
