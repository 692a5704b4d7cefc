"""URL capture: the address guard (:mod:`.guard`, pure Python), the fetch to WARC and main
text (:mod:`.fetch`), and the step that stores a capture as evidence (:mod:`.storing`).

The case-facing service and the background job are ``evidence.services_capture`` and
``evidence.tasks``; nothing here touches the database except :mod:`.storing`.
"""
