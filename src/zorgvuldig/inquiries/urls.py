from django.urls import path

from . import views

app_name = "inquiries"

urlpatterns = [
    path("", views.inquiry_list, name="list"),
    path("new/", views.intake, name="intake"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("<int:inquiry_pk>/", views.inquiry_detail, name="detail"),
    path("<int:inquiry_pk>/about-me/", views.record_about_me, name="record_about_me"),
    path("<int:inquiry_pk>/facts/", views.save_facts, name="facts"),
    path("<int:inquiry_pk>/conduct/", views.save_conduct, name="conduct"),
    path("<int:inquiry_pk>/advice/", views.save_advice, name="advice"),
    path("<int:inquiry_pk>/hearing/", views.save_hearing, name="hearing"),
    path("<int:inquiry_pk>/measure/", views.save_measure, name="measure"),
    path(
        "<int:inquiry_pk>/measure-history/",
        views.add_measure_entry,
        name="measure_history",
    ),
    path("<int:inquiry_pk>/answers/", views.save_answers, name="answers"),
    path("<int:inquiry_pk>/override/", views.override_check, name="override"),
    path("<int:inquiry_pk>/people/", views.assign, name="assign"),
    path("<int:inquiry_pk>/postpone/", views.postpone, name="postpone"),
    path(
        "<int:inquiry_pk>/answer.docx",
        views.download_document,
        {"kind": "answer"},
        name="answer_docx",
    ),
    path(
        "<int:inquiry_pk>/postponement.docx",
        views.download_document,
        {"kind": "postponement"},
        name="postponement_docx",
    ),
    path(
        "<int:inquiry_pk>/documents/<slug:kind>.<str:fmt>",
        views.download_document,
        name="document",
    ),
    path(
        "<int:inquiry_pk>/step/<slug:name>/", views.fire_transition, name="transition"
    ),
]
