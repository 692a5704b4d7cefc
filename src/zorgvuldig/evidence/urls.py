from django.urls import path

from . import timeline_views, views

app_name = "evidence"

urlpatterns = [
    path("<int:inquiry_pk>/evidence/", views.upload, name="upload"),
    path("<int:inquiry_pk>/evidence/bundle.wacz", views.export, name="export"),
    path("<int:inquiry_pk>/evidence/<int:item_pk>/", views.download, name="download"),
    path("<int:inquiry_pk>/evidence/<int:item_pk>/view/", views.item, name="item"),
    path(
        "<int:inquiry_pk>/evidence/<int:item_pk>/timestamps/",
        views.retry_timestamps,
        name="retry_timestamps",
    ),
    path(
        "<int:inquiry_pk>/evidence/export/",
        timeline_views.import_export,
        name="import_export",
    ),
    path(
        "<int:inquiry_pk>/evidence/export/mine/",
        timeline_views.import_own_export,
        name="import_own_export",
    ),
    path("<int:inquiry_pk>/evidence/capture/", views.capture, name="capture"),
    path("<int:inquiry_pk>/evidence/seen/", timeline_views.record_seen, name="seen"),
    path("<int:inquiry_pk>/evidence/post/", timeline_views.record_post, name="post"),
    path(
        "<int:inquiry_pk>/evidence/facts/answer/",
        timeline_views.answer_fact,
        name="answer_fact",
    ),
    path(
        "<int:inquiry_pk>/evidence/facts/conduct/",
        timeline_views.conduct_from_timeline,
        name="conduct_from_timeline",
    ),
]
