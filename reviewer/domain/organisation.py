"""The organisation an advice comes from: letterhead, default contact, disclaimer, signature.

One organisation profile per user, kept in the user's configuration folder (see
reviewer.storage.organisation) and edited in the app's settings; the bundled examples (a
police unit, an architect's office) are starting points. Images (logo, scanned signature)
are stored next to the profile file and named here by file name only.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reviewer.domain.checklist import Perspective
from reviewer.domain.dossier import Contact
from reviewer.domain.review import ATTACHMENT_NAME
from reviewer.domain.text import LongText, Name, Text

DEFAULT_DISCLAIMER = Text(
    nl=(
        "Dit advies is niet bindend. Het is gebaseerd op de genoemde stukken en geldt alleen "
        "voor die stukken; wijzigingen in het plan vragen om een nieuwe toets. Het volgen van "
        "dit advies is geen garantie dat er geen criminaliteit of overlast zal voorkomen."
    ),
    en=(
        "This advice is not binding. It is based on the documents listed and holds only for "
        "them; changes to the plan call for a new review. Following this advice is no "
        "guarantee that crime or nuisance will not occur."
    ),
)

DEFAULT_ROLES: dict[Perspective, Text] = {
    Perspective.SAFETY: Text(nl="Bouwplanadviseur", en="Building-plan adviser"),
    Perspective.COHESION: Text(nl="Adviseur sociale cohesie", en="Social cohesion adviser"),
}


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = ""  # e.g. "Politie Oost-Nederland"
    unit: Name = ""  # e.g. "Team Gebiedsgebonden Politiezorg, bouwplanadvisering"
    postal_address: LongText = ""  # one line per line of the letterhead
    logo: str = ""  # an image file next to the profile
    contact: Contact = Field(default_factory=Contact)  # the default contact person
    signatory: Name = ""  # who signs by default
    role_safety: Name = ""  # the signatory's role in a safety review (empty: default)
    role_cohesion: Name = ""  # ... in a cohesion review
    signature_image: str = ""  # a scanned signature next to the profile (optional)
    disclaimer: Text = DEFAULT_DISCLAIMER
    validity: Text = Text(
        nl="Dit advies geldt alleen voor de hieronder genoemde stukken.",
        en="This advice holds only for the documents listed below.",
    )

    @field_validator("logo", "signature_image")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        if value and (not ATTACHMENT_NAME.match(value) or ".." in value):
            raise ValueError(f"{value!r} is not a plain file name next to the profile")
        return value

    def role(self, perspective: Perspective, lang: str) -> str:
        """The signatory's role in a review from `perspective`, in `lang` where it is the
        default (a role typed in the settings is used as typed)."""
        own = self.role_safety if perspective is Perspective.SAFETY else self.role_cohesion
        return own or DEFAULT_ROLES[perspective].get(lang)  # type: ignore[arg-type]
