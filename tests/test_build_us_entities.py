"""scripts/build_us_entities.py: the generated US list with the members' accounts.

The script is loaded from its file (it is not a package module). The check against the
committed file runs when the shared congress-legislators snapshot is at hand, as in CI.
"""

import importlib.util
import os
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ZORGVULDIG_SHARED_DIR", REPO.parent / "shared"))
SOURCE = SHARED / "data" / "us"


def _script():
    spec = importlib.util.spec_from_file_location(
        "build_us_entities", REPO / "scripts" / "build_us_entities.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script()

ROW = {
    "id": {"bioguide": "X000001"},
    "name": {"first": "Jane", "last": "Doe"},
    "terms": [
        {"type": "sen", "start": "2021-01-03", "state": "WA", "party": "Democrat"}
    ],
}


def test_a_members_accounts_are_joined_on_the_bioguide_id():
    social = [
        {
            "id": {"bioguide": "X000001"},
            "social": {
                "twitter": "SenJaneDoe",
                "facebook": "100089355874563",  # a numeric page id: no handle
                "instagram": "sen.janedoe",
                "youtube": "UCGdrLQbt1PYDTPsampx4t1A",  # a channel id: no handle
                "twitter_id": 123,
            },
        }
    ]
    (entry,) = build.members([ROW], social)
    assert entry["accounts"] == {"x": "SenJaneDoe", "instagram": "sen.janedoe"}


def test_a_member_without_accounts_has_none_listed():
    (entry,) = build.members([ROW], [])
    assert "accounts" not in entry


def test_a_youtube_handle_loses_its_at_sign():
    assert build.accounts({"youtube": "@RepJaneDoe"}) == {"youtube": "RepJaneDoe"}


def test_check_fails_when_the_file_differs_from_its_source(tmp_path):
    source = tmp_path / "us"
    source.mkdir()
    social = [{"id": {"bioguide": "X000001"}, "social": {"twitter": "SenJaneDoe"}}]
    for name, rows in (
        ("legislators-current.yaml", [ROW]),
        ("legislators-social-media.yaml", social),
        ("executive.yaml", []),
    ):
        (source / name).write_text(yaml.safe_dump(rows), "utf-8")
    out = tmp_path / "us_politicians.yaml"
    args = ["--source", str(source), "--output", str(out)]
    assert build.main(args) == 0
    assert build.main([*args, "--check"]) == 0
    out.write_text(out.read_text("utf-8").replace("SenJaneDoe", "SenJaneDoe2"), "utf-8")
    assert build.main([*args, "--check"]) == 1


@pytest.mark.skipif(
    not (SOURCE / "legislators-social-media.yaml").exists(),
    reason=f"congress-legislators snapshot not found at {SOURCE}",
)
def test_the_committed_list_is_what_the_source_gives():
    text = build.build(SOURCE, 2009)
    assert build.OUTPUT.read_text("utf-8") == text  # as --check in CI
    assert "legislators-social-media.yaml" in text.split("\nsource:")[0]  # named
    data = yaml.safe_load(text)
    assert len([p for p in data["politicians"] if p.get("accounts")]) > 400
