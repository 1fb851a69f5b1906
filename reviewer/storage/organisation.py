"""The organisation profile on disk: `organisation.yaml` (and its images) in the user's
configuration folder, as platformdirs names it (on Linux ~/.config/safety-cohesion-reviewer).

Reading never fails the app: a missing profile gives an empty one (the letter then has no
letterhead), a broken one an OrganisationError with the file and the problem, for the
settings dialog to show. Saving is atomic, like every file the app writes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from reviewer.domain.organisation import Organisation
from reviewer.paths import RESOURCES
from reviewer.storage.container import atomic_write
from reviewer.storage.files import FileTooLargeError, NotAFileError, read_regular_file

APP_DIR = "safety-cohesion-reviewer"
FILE_NAME = "organisation.yaml"
BUNDLED = RESOURCES / "organisations"
MAX_PROFILE_BYTES = 1 << 20
MAX_IMAGE_BYTES = 8 << 20


class OrganisationError(Exception):
    """An organisation profile that cannot be read or written; the message names the file."""


def config_dir() -> Path:
    """Where the profile lives (created when saving)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_DIR, appauthor=False))


@dataclass
class OrganisationProfile:
    """A profile with the folder its images are in."""

    organisation: Organisation
    folder: Path

    def image(self, name: str) -> bytes | None:
        """The bytes of the logo or signature image `name`, None when unset or missing."""
        if not name:
            return None
        try:
            return read_regular_file(self.folder / name, MAX_IMAGE_BYTES)
        except (OSError, NotAFileError, FileTooLargeError):
            return None

    @property
    def logo(self) -> bytes | None:
        return self.image(self.organisation.logo)

    @property
    def signature_image(self) -> bytes | None:
        return self.image(self.organisation.signature_image)


def load_organisation_file(path: Path) -> OrganisationProfile:
    try:
        raw = read_regular_file(path, MAX_PROFILE_BYTES).decode("utf-8")
        data = yaml.safe_load(raw) or {}
    except FileNotFoundError:
        raise OrganisationError(f"{path}: file not found") from None
    except (OSError, NotAFileError, FileTooLargeError, UnicodeDecodeError) as exc:
        raise OrganisationError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise OrganisationError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise OrganisationError(f"{path}: does not contain an organisation (expected a mapping)")
    try:
        organisation = Organisation.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise OrganisationError(f"{path}: {where}: {err['msg']}") from None
    return OrganisationProfile(organisation, path.parent)


def load_organisation(folder: Path | None = None) -> OrganisationProfile:
    """The user's profile; an empty one when there is none yet."""
    folder = folder or config_dir()
    path = folder / FILE_NAME
    if not path.exists():
        return OrganisationProfile(Organisation(), folder)
    return load_organisation_file(path)


def save_organisation(
    organisation: Organisation, images: dict[str, bytes] | None = None, folder: Path | None = None
) -> Path:
    """Write the profile (and any new images, by file name) atomically; returns the file."""
    folder = folder or config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (images or {}).items():
        if len(data) > MAX_IMAGE_BYTES:
            raise OrganisationError(f"{name}: the image is too large ({len(data)} bytes)")
        atomic_write(folder / name, data)
    data = organisation.model_dump(mode="json")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path = folder / FILE_NAME
    atomic_write(path, text.encode("utf-8"))
    return path


def bundled_organisations() -> dict[str, Path]:
    """The example profiles shipped with the app: stem -> file."""
    return {p.stem: p for p in sorted(BUNDLED.glob("*.yaml"))}


def adopt_bundled(name: str, folder: Path | None = None) -> OrganisationProfile:
    """Copy a bundled example (and its images) into the user's folder, as their profile."""
    source = bundled_organisations()[name]
    profile = load_organisation_file(source)
    folder = folder or config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for image in (profile.organisation.logo, profile.organisation.signature_image):
        if image:
            shutil.copyfile(source.parent / image, folder / image)
    save_organisation(profile.organisation, folder=folder)
    return OrganisationProfile(profile.organisation, folder)
