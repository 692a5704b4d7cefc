"""``zorgvuldig procedure_diagram``: regenerate the procedure diagram from the state machine."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from zorgvuldig.inquiries.diagram import (
    TEMPLATE_SVG,
    inline_svg,
    procedure_dot,
    render_svg,
)


class Command(BaseCommand):
    help = "Write docs/procedure.svg and the case page's copy from the state machine."

    def add_arguments(self, parser):
        parser.add_argument(
            "--docs", default="docs/procedure.svg", help="where the docs copy goes"
        )

    def handle(self, *args, **options):
        import graphviz

        with translation.override("en"):
            dot = procedure_dot()
        try:
            svg = render_svg(dot)
        except graphviz.ExecutableNotFound:
            raise CommandError(
                "Graphviz's dot is needed to draw the diagram: apt-get install graphviz"
            ) from None
        for path, text in (
            (Path(options["docs"]), svg),
            (TEMPLATE_SVG, inline_svg(svg)),
        ):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {path}")
