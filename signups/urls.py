from django.contrib import admin
from django.urls import path

from . import views

admin.site.site_header = "Zapisy na szkolenia – Centrum KLUCZ"
admin.site.site_title = "Zapisy – Centrum KLUCZ"
admin.site.index_title = "Szkolenia i zgłoszenia"

urlpatterns = [
    path("zapisy/admin/", admin.site.urls),
    path("zapisy/s/<str:uid>/", views.signup, name="signup"),
    path("zapisy/s/<str:uid>/stan.json", views.availability, name="availability"),
    path("zapisy/t/<str:token>/", views.person, name="person"),
    path("zapisy/t/<str:token>/szkolenie.ics", views.person_ics, name="person_ics"),
    path("zapisy/zdrowie", views.health, name="health"),
]
