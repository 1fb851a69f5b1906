"""The organisation profile on disk: bundled examples, the user's copy, broken files."""

from __future__ import annotations

import pytest

from reviewer.domain.checklist import Perspective
from reviewer.domain.organisation import Organisation
from reviewer.storage.organisation import (
    OrganisationError,
    adopt_bundled,
    bundled_organisations,
    load_organisation,
    load_organisation_file,
    save_organisation,
)


def test_bundled_examples_load_with_their_logos():
    names = bundled_organisations()
    assert set(names) == {"politie-voorbeeld", "architect-voorbeeld"}
    for path in names.values():
        profile = load_organisation_file(path)
        assert profile.organisation.name
        assert profile.logo is not None and profile.logo.startswith(b"\x89PNG")


def test_no_profile_yet_is_an_empty_one(tmp_path):
    profile = load_organisation(tmp_path)
    assert profile.organisation == Organisation()
    assert profile.logo is None


def test_adopt_save_and_load_again(tmp_path):
    profile = adopt_bundled("politie-voorbeeld", tmp_path)
    assert (tmp_path / "politie-voorbeeld-logo.png").exists()
    changed = profile.organisation.model_copy(update={"unit": "Team Noord"})
    save_organisation(changed, {"sig.png": b"\x89PNG fake"}, tmp_path)
    again = load_organisation(tmp_path)
    assert again.organisation.unit == "Team Noord"
    assert again.image("sig.png") == b"\x89PNG fake"
    assert again.organisation.role(Perspective.SAFETY, "en") == "Bouwplanadviseur politie"
    # no role typed for cohesion: the default follows the perspective and the language
    assert again.organisation.role(Perspective.COHESION, "en") == "Social cohesion adviser"
    assert again.organisation.role(Perspective.COHESION, "nl") == "Adviseur sociale cohesie"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: [unclosed", "not valid YAML"),
        ("- a list", "expected a mapping"),
        ("logo: ../../etc/passwd", "is not a plain file name"),
        ("colour: red", "colour: Extra inputs are not permitted"),
    ],
)
def test_a_broken_profile_names_the_file_and_the_problem(tmp_path, text, message):
    (tmp_path / "organisation.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(OrganisationError, match=message) as info:
        load_organisation(tmp_path)
    assert "organisation.yaml" in str(info.value)
