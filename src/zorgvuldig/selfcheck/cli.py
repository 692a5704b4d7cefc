"""Command-line subcommands of this app (placeholder until implemented)."""


def register(subparsers) -> None:  # noqa: ANN001
    """Add this app's subcommands to the ``zorgvuldig`` parser."""
