"""The user's organisation profile as the window uses it: read once per need, never
failing (a broken file reads as an empty profile here; the settings dialog says what
is wrong with it), and a signal when the settings dialog saved a new one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reviewer.domain.organisation import Organisation
from reviewer.storage import organisation as storage
from reviewer.storage.organisation import OrganisationError, OrganisationProfile


class _OrganisationNotifier(QObject):
    changed = Signal()  # the profile was saved: placeholders and defaults follow


organisation_notifier = _OrganisationNotifier()


def current_profile() -> OrganisationProfile:
    """The user's profile; an empty one when there is none or it cannot be read."""
    try:
        return storage.load_organisation()
    except OrganisationError:
        return OrganisationProfile(Organisation(), storage.config_dir())


def current_organisation() -> Organisation:
    return current_profile().organisation
