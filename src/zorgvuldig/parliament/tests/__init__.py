"""Tests of the parliament package.

:data:`DATA` holds parliamentary documents (real ones with their source in ``expected.yaml``
or a ``.README``, and constructed ones); the inquiry tests read them too.
"""

from pathlib import Path

DATA = Path(__file__).parent / "data"
