"""A local stand-in for the Tweede Kamer open-data API, for tests only.

CONSTRUCTED responses: no real saved response was at hand (issue 10). Their shape follows
the entity structure that the official documentation (opendata.tweedekamer.nl, OData v4,
data model 2.0) and openkamer/tkapi's entity code (``tkapi/zaak.py``, ``tkapi/document.py``,
``tkapi/actor.py``) describe: a ``Zaak`` with ``Nummer``, ``Soort``, ``Titel``,
``Onderwerp``, ``GestartOp``, ``Afgedaan``, ``Verwijderd``, the expanded ``ZaakActor``
(``ActorNaam``, ``ActorFractie``, ``Relatie``, ``Functie``) and ``Document`` (``Id``,
``Soort``, ``DocumentNummer``, ``Titel``, ``Datum``, ``ContentType``) rows, and a document's
file at ``Document(<Id>)/resource``. The values are made up for the tests, except the
number 2021Z06403 and its askers (Leijten and Van Nispen, SP), which are public
(openkamer.org/kamervraag/2021Z06403/). The server listens on 127.0.0.1 only and is started
and stopped by the test that uses it: no test reaches the network.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

from .documents import pdf_with_text

QUESTION_DOCUMENT_ID = "6c1b0e1e-0000-4000-8000-000000000001"
POSTPONEMENT_ID = "6c1b0e1e-0000-4000-8000-000000000002"


def question_pdf() -> bytes:
    """CONSTRUCTED question document for 2021Z06403 (header and addressee made up; the
    questions' words are the public ones of openkamer.org/kamervraag/2021Z06403/)."""
    return pdf_with_text(
        [
            [
                "Vragen van de leden Leijten en Van Nispen (beiden SP) aan de minister van",
                "Justitie en Veiligheid over negatieve publieke uitlatingen van een hoge",
                "ambtenaar van de NCTV (ingezonden 19 april 2021).",
                "",
                "Vraag 1",
                "Wat is uw reactie op het bericht dat een topambtenaar van de NCTV op",
                "Twitter jarenlang negatieve uitlatingen heeft geplaatst?",
                "",
                "Vraag 2",
                "Hoe ver strekt de vrijheid van meningsuiting van ambtenaren in een geval",
                "als deze, waar ligt de grens?",
            ]
        ]
    )


def zaak_2021z06403(postponed: bool = False) -> dict:
    """CONSTRUCTED OData v4 answer to ``Zaak?$filter=Nummer eq '2021Z06403'&$expand=…``."""
    documents = [
        {
            "Id": QUESTION_DOCUMENT_ID,
            "Soort": "Schriftelijke vragen",
            "DocumentNummer": "2021D14460",
            "Titel": "Negatieve publieke uitlatingen van een hoge ambtenaar van de NCTV",
            "Onderwerp": "Negatieve publieke uitlatingen van een hoge ambtenaar van de NCTV",
            "Datum": "2021-04-19T00:00:00+02:00",
            "ContentType": "application/pdf",
            "Verwijderd": False,
        }
    ]
    if postponed:
        documents.append(
            {
                "Id": POSTPONEMENT_ID,
                "Soort": "Mededeling (uitstel antwoord)",
                "DocumentNummer": "2021D17000",
                "Titel": "Mededeling uitstel",
                "Datum": "2021-05-07T00:00:00+02:00",
                "ContentType": "application/pdf",
                "Verwijderd": False,
            }
        )
    return {
        "@odata.context": "$metadata#Zaak(ZaakActor(),Document())",
        "value": [
            {
                "Id": "0e6f6c1a-0000-4000-8000-000000000000",
                "Nummer": "2021Z06403",
                "Soort": "Schriftelijke vragen",
                "Titel": "Negatieve publieke uitlatingen van een hoge ambtenaar van de NCTV",
                "Onderwerp": "Negatieve publieke uitlatingen van een hoge ambtenaar van "
                "de NCTV over Pieter Omtzigt",
                "GestartOp": "2021-04-19T00:00:00+02:00",
                "Afgedaan": False,
                "Verwijderd": False,
                "ZaakActor": [
                    {
                        "ActorNaam": "R.M. Leijten",
                        "ActorFractie": "SP",
                        "Relatie": "Indiener",
                        "Functie": "Tweede Kamerlid",
                    },
                    {
                        "ActorNaam": "M. van Nispen",
                        "ActorFractie": "SP",
                        "Relatie": "Medeindiener",
                        "Functie": "Tweede Kamerlid",
                    },
                    {
                        "ActorNaam": "minister van Justitie en Veiligheid",
                        "ActorFractie": None,
                        "Relatie": "Gericht aan",
                        "Functie": "minister",
                    },
                ],
                "Document": documents,
            }
        ],
    }


class _Handler(BaseHTTPRequestHandler):
    zaken: dict[str, dict] = {}
    files: dict[str, tuple[str, bytes]] = {}
    requests: list[str] = []

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        self.requests.append(unquote(self.path))  # %20 stays a space
        if url.path.endswith("/Zaak"):
            query = parse_qs(url.query).get("$filter", [""])[0]
            m = re.search(r"Nummer eq '([^']*)'", query)
            zaak = self.zaken.get(m.group(1) if m else "")
            body = zaak if zaak else {"@odata.context": "$metadata#Zaak", "value": []}
            self._send(200, "application/json; odata.metadata=minimal",
                       json.dumps(body).encode())  # fmt: skip
            return
        m = re.search(r"/Document\(([^)]*)\)/resource$", url.path)
        if m and m.group(1) in self.files:
            content_type, data = self.files[m.group(1)]
            self._send(200, content_type, data)
            return
        self._send(404, "application/json", b'{"error": "not found"}')


@contextmanager
def serve_opendata(
    zaken: dict[str, dict] | None = None,
    files: dict[str, tuple[str, bytes]] | None = None,
) -> Iterator[tuple[str, list[str]]]:
    """Serve ``zaken`` (number → OData answer) and ``files`` (document Id → (content
    type, bytes)) on 127.0.0.1; yields ``(base_url, requests seen)``."""
    handler = type(
        "Handler",
        (_Handler,),
        {
            "zaken": zaken if zaken is not None else {"2021Z06403": zaak_2021z06403()},
            "files": files
            if files is not None
            else {QUESTION_DOCUMENT_ID: ("application/pdf", question_pdf())},
            "requests": [],
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/OData/v4/2.0", handler.requests
    finally:
        server.shutdown()
        server.server_close()
