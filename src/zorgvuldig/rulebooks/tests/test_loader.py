"""Rulebook files: the packaged ones load; malformed ones fail loudly.

A malformed file names the file, the rule and the field.
"""

import datetime as dt
import textwrap

import pytest

from zorgvuldig.rulebooks.loader import load_rulebooks, rulebook_for
from zorgvuldig.rulebooks.schema import RulebookError

VALID = """
jurisdiction: NL
version: "v1"
effective_from: 2001-01-01
language: nl
citations:
  norm: Ambtenarenwet art. 125a lid 1
default:
  id: nl.default
  cite: [norm]
  explanation: {nl: Niets., en: Nothing.}
rules:
  - id: nl.secret
    kind: line
    level: prohibited
    when:
      signals: {any: [nonpublic_information]}
    cite: [norm]
    explanation: {nl: Geheim., en: Secret.}
"""


def write(tmp_path, text, name="nl/v1.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


def test_packaged_rulebooks_load():
    books = load_rulebooks()
    assert set(books) == {"NL", "US", "UK"}
    assert [b.version for b in books["NL"]] == ["before-2020", "2020"]


@pytest.mark.parametrize(
    ("date", "version"),
    [
        ("2010-03-01", "before-2020"),
        ("2019-12-31", "before-2020"),
        ("2020-01-01", "2020"),
    ],
)
def test_version_in_force_on_a_date(date, version):
    book, note = rulebook_for("NL", dt.date.fromisoformat(date))
    assert book.version == version
    assert note is None


def test_later_version_inherits_rules_and_overrides_citations():
    old, new = load_rulebooks()["NL"]
    assert [r.id for r in old.rules] == [r.id for r in new.rules]
    assert old.citations["norm"].text == "Ambtenarenwet art. 125a lid 1"
    assert new.citations["norm"].text == "Ambtenarenwet 2017 art. 10 lid 1"


def test_valid_minimal_file(tmp_path):
    write(tmp_path, VALID)
    (book,) = load_rulebooks(tmp_path)["NL"]
    assert book.rules[0].id == "nl.secret"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "[nonpublic_information]",
            "[secret_stuff]",
            "rule 'nl.secret': field when.signals.any: unknown signal kind 'secret_stuff'",
        ),
        ("level: prohibited", "level: forbidden", "rule 'nl.secret': field 'level'"),
        (
            "cite: [norm]\n    explanation: {nl: Geheim.",
            "cite: [law]\n    explanation: {nl: Geheim.",
            "rule 'nl.secret': field 'cite': unknown citation key 'law'",
        ),
        (
            "explanation: {nl: Geheim., en: Secret.}",
            "explanation: {nl: Geheim.}",
            "rule 'nl.secret': field 'explanation'",
        ),
        (
            "signals: {any: [nonpublic_information]}",
            "actor: {rank: [top]}",
            "field when.actor.rank: unknown actor field",
        ),
        (
            "signals: {any: [nonpublic_information]}",
            "actor: {level: [general]}",
            "field when.actor.level: unknown value 'general'",
        ),
        (
            "signals: {any: [nonpublic_information]}",
            "weather: sunny",
            "field when.weather: unknown condition",
        ),
        (
            "effective_from: 2001-01-01",
            "effective_from: soon",
            "field 'effective_from': expected a date",
        ),
        (
            "language: nl",
            "language: nl\nsurprise: 1",
            "field 'surprise': unknown field",
        ),
        (
            "kind: line",
            "kind: factor\n    role: substance\n    weight: 2\n    label: {nl: x, en: x}",
            "field 'weighing': missing",
        ),
        (
            "rules:\n",
            "precedents:\n  - {id: p1, title: {nl: Alleen Nederlands}, outcome: x, "
            "citation: y}\nrules:\n",
            "precedent 'p1': field 'title'",
        ),
        (
            "explanation: {nl: Geheim., en: Secret.}",
            "explanation: {nl: Geheim., en: Secret.}\n    would_change: {nl: Anders.}",
            "rule 'nl.secret': field 'would_change'",
        ),
    ],
)
def test_malformed_file_names_file_rule_and_field(tmp_path, old, new, expected):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    with pytest.raises(RulebookError) as exc:
        load_rulebooks(tmp_path)
    assert str(path) in str(exc.value)
    assert expected in str(exc.value)


def test_extends_unknown_version(tmp_path):
    write(tmp_path, VALID.replace('version: "v1"', 'version: "v2"\nextends: v0'))
    with pytest.raises(RulebookError, match="field 'extends': unknown version 'v0'"):
        load_rulebooks(tmp_path)


BASE = """
jurisdiction: NL
version: base
language: nl
citations:
  freedom: Grondwet art. 7
default:
  id: nl.default
  cite: [freedom]
  explanation: {nl: Niets., en: Nothing.}
rules:
  - id: nl.secret
    kind: line
    level: prohibited
    when:
      signals: {any: [nonpublic_information]}
    cite: [norm]
    explanation: {nl: Geheim., en: Secret.}
"""


def dated(version, effective_from, norm):
    return f"""
    jurisdiction: NL
    version: "{version}"
    effective_from: {effective_from}
    extends: base
    title: Versie {version}
    citations:
      norm: {norm}
    """


def test_dated_versions_share_a_base_that_is_never_applied_by_itself(tmp_path):
    write(tmp_path, BASE, "nl/base.yaml")
    write(tmp_path, dated("old", "1900-01-01", "Oude wet art. 1"), "nl/old.yaml")
    write(tmp_path, dated("new", "2020-01-01", "Nieuwe wet art. 1"), "nl/new.yaml")
    old, new = load_rulebooks(tmp_path)["NL"]
    assert (old.version, new.version) == ("old", "new")
    assert [r.id for r in old.rules] == [r.id for r in new.rules] == ["nl.secret"]
    assert old.cite(("norm", "freedom")) == "Oude wet art. 1; Grondwet art. 7"
    assert new.cite(("norm", "freedom")) == "Nieuwe wet art. 1; Grondwet art. 7"
    assert new.language == "nl"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "version: base",
            "version: base\neffective_from: 2001-01-01",
            "effective_from",
        ),
        ("version: base", "version: base\nextends: v0", "extends"),
    ],
)
def test_a_base_has_no_date_and_extends_nothing(tmp_path, old, new, expected):
    write(tmp_path, BASE.replace(old, new), "nl/base.yaml")
    with pytest.raises(RulebookError, match=f"field '{expected}': not in a base"):
        load_rulebooks(tmp_path)


def test_a_dated_version_needs_its_date(tmp_path):
    write(tmp_path, VALID.replace("effective_from: 2001-01-01\n", ""))
    with pytest.raises(RulebookError, match="field 'effective_from': missing"):
        load_rulebooks(tmp_path)


def test_not_yaml(tmp_path):
    write(tmp_path, "rules: [unclosed")
    with pytest.raises(RulebookError, match="cannot be read as YAML"):
        load_rulebooks(tmp_path)


def test_date_before_every_version_uses_the_earliest_with_a_note(tmp_path):
    write(tmp_path, VALID)
    books = load_rulebooks(tmp_path)
    book, note = rulebook_for("NL", dt.date(1999, 1, 1), books)
    assert book.version == "v1"
    assert "before the earliest" in note


def test_precedents_in_two_languages():
    book, _ = rulebook_for("NL", dt.date(2024, 1, 1))
    precedent = book.precedents["nl-bz-2012-ambassador-like"]
    assert precedent.title_in("nl").startswith("Ambassadeur")
    assert precedent.title_in("en").startswith("As a staff member")
    assert precedent.as_dict("en")["outcome"].startswith("Spoken to")
    assert precedent.title == precedent.title_in("nl")  # the rulebook's own language


def test_every_rule_that_can_raise_a_level_says_what_would_change():
    for versions in load_rulebooks().values():
        for book in versions:
            for rule in book.rules:
                if rule.kind == "line" or (rule.kind == "factor" and rule.weight > 1):
                    assert rule.would_change is not None, (book.path, rule.id)
