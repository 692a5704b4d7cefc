"""``zorgvuldig procedure_diagram``: regenerate the procedure diagram from the state machine."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from zorgvuldig.inquiries.models import Inquiry
from zorgvuldig.inquiries.procedure.diagram import (
    LANGUAGES,
    inline_svg,
    procedure_dot,
    render_svg,
    template_svg,
)


class Command(BaseCommand):
    help = (
        "Write docs/procedure.svg and the case page's copies (Dutch, English) from the "
        "state machine."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--docs", default="docs/procedure.svg", help="where the docs copy goes"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        import graphviz

        outputs: list[tuple[Path, str]] = []
        for language in LANGUAGES:
            with translation.override(language):
                dot = procedure_dot(Inquiry().get_all_state_transitions())
            try:
                svg = render_svg(dot)
            except graphviz.ExecutableNotFound:
                raise CommandError(
                    "Graphviz's dot is needed to draw the diagram: apt-get install graphviz"
                ) from None
            outputs.append((template_svg(language), inline_svg(svg)))
            if language == "en":
                outputs.append((Path(options["docs"]), svg))
        for path, text in outputs:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {path}")
