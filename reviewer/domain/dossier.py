"""The dossier details of an advice: who it is for, what was reviewed, and how it goes on.

Stored in the review and printed in the letter: reference (kenmerk), place and date of
dispatch, the addressee, subject and request, the documents reviewed (the advice holds
only for them), contact person, distribution list and the next step in the procedure.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from reviewer.domain.text import LongText, Name


class Addressee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = ""
    organisation: Name = ""
    department: Name = ""
    address: LongText = ""  # street, postcode and place, one per line


class ReviewedDocument(BaseModel):
    """A drawing or document the advice was based on."""

    model_config = ConfigDict(extra="forbid")

    number: Name = ""  # drawing number
    title: Name = ""
    date: Name = ""  # as written on the document (a date, or "week 44")
    revision: Name = ""


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = ""
    phone: Name = ""
    email: Name = ""


class Dossier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reference: Name = ""  # ons kenmerk
    their_reference: Name = ""  # uw kenmerk, when the request gave one
    place: Name = ""  # where the letter is signed
    dispatch_date: date | None = None
    addressee: Addressee = Field(default_factory=Addressee)
    subject: Name = ""
    request: LongText = ""  # the request that led to the advice
    documents: list[ReviewedDocument] = Field(default_factory=list, max_length=500)
    contact: Contact = Field(default_factory=Contact)
    distribution: list[Name] = Field(default_factory=list, max_length=100)  # cc
    next_step: LongText = ""
    # empty: the organisation's standard validity statement is printed
    validity: LongText = ""
