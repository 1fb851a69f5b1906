"""Plan facts: the measurable description of a building plan.

Units are part of the field names (`length_m`, `height_m`, `area_m2`, `glazing_from_mm`).
A fact that is `None` is unknown: rules over it give `not_assessed`, never a pass.
Every collection is a list of elements with an `id` a person recognises ("A", "G1").
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from reviewer.domain.numbers import format_number
from reviewer.domain.text import MAX_NAME_CHARS, LongText, Name, Repaired, Text, t

# Numbers are strict: `true` is not the number 1 (pydantic's lax mode would take it), and
# a measure is finite (YAML's .inf and .nan are floats too). An int is a fine float.
NonNegFloat = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]
PosInt = Annotated[int, Field(gt=0, strict=True)]
NonNegInt = Annotated[int, Field(ge=0, strict=True)]
# At most this many elements of one type, and in all: well above the largest real plans
# (benchmarks go to 4,000 elements), low enough that starting a review stays seconds.
MAX_ELEMENTS_PER_TYPE = 10_000
MAX_ELEMENTS = 20_000

# The pydantic error types of the plan's own rules, with their context, so that the app
# can say in the interface language what is wrong (pydantic's message is English):
GLAZING_ORDER = "glazing_order"  # ctx: glazing_from_mm, glazing_to_mm
DUPLICATE_ID = "duplicate_id"  # ctx: collection, element_id
TOO_MANY_ELEMENTS = "too_many_elements"  # ctx: elements, max_elements
UNKNOWN_COLLECTION = "unknown_collection"  # ctx: names

ElementId = Annotated[str, Field(min_length=1, max_length=40), Repaired]


class PlanType(StrEnum):
    """What kind of building task the plan is; decides which criteria apply (by scope)."""

    NEW_BUILD = "new_build"
    RENOVATION = "renovation"  # renovation of existing housing
    TRANSFORMATION = "transformation"  # a non-residential building turned into housing


class Stage(StrEnum):
    """The stage of the design the plan is reviewed at, in the order they follow."""

    SKETCH = "sketch"
    PRELIMINARY_DESIGN = "preliminary_design"
    FINAL_DESIGN = "final_design"
    SPECIFICATION = "specification"
    HANDOVER = "handover"


# Free-text phase names of earlier files (and what people type) -> stage.
_STAGE_WORDS: dict[str, Stage] = {
    "schetsontwerp": Stage.SKETCH,
    "schets": Stage.SKETCH,
    "so": Stage.SKETCH,
    "sketch": Stage.SKETCH,
    "sketch design": Stage.SKETCH,
    "voorlopig ontwerp": Stage.PRELIMINARY_DESIGN,
    "vo": Stage.PRELIMINARY_DESIGN,
    "preliminary design": Stage.PRELIMINARY_DESIGN,
    "definitief ontwerp": Stage.FINAL_DESIGN,
    "do": Stage.FINAL_DESIGN,
    "final design": Stage.FINAL_DESIGN,
    "bestek": Stage.SPECIFICATION,
    "technisch ontwerp": Stage.SPECIFICATION,
    "to": Stage.SPECIFICATION,
    "specification": Stage.SPECIFICATION,
    "oplevering": Stage.HANDOVER,
    "opleveringskeuring": Stage.HANDOVER,
    "handover": Stage.HANDOVER,
}


def stage_from_text(text: str) -> Stage | None:
    """The stage a free-text phase name stands for ("Voorlopig ontwerp", "DO"), if any."""
    return _STAGE_WORDS.get(" ".join(text.lower().split()))


# A fact (or, as "id", the element itself) read from a BIM model is a *suggestion* until a
# person confirms it: `suggested` names them, and rules treat them as unknown (see
# `reviewer.domain.suggestion`). `ifc_guid` is the GlobalId of the model element it came
# from, the evidence of the suggestion.
SUGGESTED_ELEMENT = "id"
MAX_SUGGESTED = 60


def _check_suggested(model: type[BaseModel], value: list[str]) -> list[str]:
    unknown = [n for n in value if n not in model.model_fields or n in ("suggested", "ifc_guid")]
    if unknown:
        raise ValueError(f"suggested: {', '.join(map(repr, unknown))} is not a fact here")
    return list(dict.fromkeys(value))


class _Element(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: ElementId
    note: LongText = ""
    ifc_guid: Name = ""  # the GlobalId of the BIM model element this came from
    suggested: list[str] = Field(default_factory=list, max_length=MAX_SUGGESTED)

    @field_validator("suggested")
    @classmethod
    def _suggested_facts(cls, value: list[str]) -> list[str]:
        return _check_suggested(cls, value)


class AccessControl(StrEnum):
    NONE = "none"
    KEY = "key"
    INTERCOM = "intercom"
    VIDEO_INTERCOM = "video_intercom"


class LetterboxPlacement(StrEnum):
    DOOR = "door"  # in the front door of each dwelling
    SEPARATE_LOBBY = "separate_lobby"  # in a lobby apart from the secure lobby
    SECURE_LOBBY = "secure_lobby"  # inside the secure lobby (needs access to deliver)
    OUTSIDE = "outside"  # a bank of boxes outside the entrance


class StorageKind(StrEnum):
    PRIVATE = "private"  # storage units of the dwellings (bergingen)
    BICYCLE = "bicycle"  # a collective bicycle store
    BINS = "bins"  # a bin store


class LightingArea(StrEnum):
    """Where a lighting measurement was taken: the label's parking-area requirement covers
    parking areas, rear paths and entrances; streets and footpaths follow the street-lighting
    guideline."""

    PARKING = "parking"
    REAR_PATH = "rear_path"
    ENTRANCE = "entrance"
    STREET = "street"
    FOOTPATH = "footpath"
    SQUARE = "square"


class PlayNormBasis(StrEnum):
    """The area the 3 % play-space guideline is measured over."""

    DISTRICT_BUILT_UP = "district_built_up"  # the built-up area of the district (the guideline)
    PLAN_AREA = "plan_area"  # only the plan area (a rough stand-in)


class PlinthFunction(StrEnum):
    DWELLING = "dwelling"
    ENTRANCE = "entrance"
    SOCIAL = "social"
    COMMERCIAL = "commercial"
    WORKSPACE = "workspace"
    STORAGE = "storage"
    PARKING = "parking"
    BLANK = "blank"
    SERVICES = "services"


BLIND_PLINTH_FUNCTIONS = (
    PlinthFunction.STORAGE,
    PlinthFunction.PARKING,
    PlinthFunction.BLANK,
    PlinthFunction.SERVICES,
)


class OutdoorType(StrEnum):
    FRONT_GARDEN = "front_garden"
    PRIVATE_GARDEN = "private_garden"
    COMMUNAL_COURTYARD = "communal_courtyard"
    PLAY_AREA = "play_area"
    YOUTH_MEETING_PLACE = "youth_meeting_place"
    GREEN = "green"
    SQUARE = "square"
    PARKING_COURT = "parking_court"
    REAR_PATH = "rear_path"


class BoundaryPosition(StrEnum):
    FRONT = "front"
    SIDE = "side"
    REAR = "rear"


class PlantingKind(StrEnum):
    SHRUB = "shrub"
    TREE = "tree"


class StorageLocation(StrEnum):
    IN_DWELLING = "in_dwelling"
    PLINTH_STREET = "plinth_street"  # ground floor along the street
    PLINTH_REAR = "plinth_rear"
    BASEMENT = "basement"
    SEPARATE = "separate"  # a separate block or sheds


class PriceClass(StrEnum):
    SOCIAL = "social"
    AFFORDABLE = "affordable"
    MID = "mid"
    HIGH = "high"


class Tenure(StrEnum):
    RENT = "rent"
    OWNER = "owner"


class MeetingPlaceType(StrEnum):
    DISTRICT_HEART = "district_heart"
    COMMUNITY_CENTRE = "community_centre"
    SCHOOL = "school"
    PARK = "park"
    SHOPS = "shops"
    CAFE = "cafe"
    OTHER = "other"


class MeasureType(StrEnum):
    RESIDENT_DESIGN_PARTICIPATION = "resident_design_participation"
    YOUTH_PARTICIPATION = "youth_participation"
    RESIDENT_MANAGEMENT = "resident_management"
    NEIGHBOURHOOD_WATCH = "neighbourhood_watch"
    COMMUNITY_WORK = "community_work"
    STAIRWELL_TALKS = "stairwell_talks"
    CLEAN_UP = "clean_up"
    CARETAKER = "caretaker"
    CARE_PROFESSIONALS = "care_professionals"  # care and refugee-support professionals (thesis 9)
    ONLINE_PLATFORM = "online_platform"  # a neighbourhood app or website (thesis 6)
    MANAGEMENT_AGREEMENT = "management_agreement"
    OTHER = "other"


class Building(_Element):
    name: Name = ""
    storeys: PosInt | None = None
    height_m: NonNegFloat | None = None  # from ground level to the top of the highest storey
    dwellings: NonNegInt | None = None
    mixed_functions: bool | None = None  # a non-residential social function in the building
    # the dwellings in the building (one building stands for its dwelling type)
    burglar_resistance_class: Annotated[int, Field(ge=1, le=6, strict=True)] | None = None
    skg_stars: Annotated[int, Field(ge=0, le=3, strict=True)] | None = None  # locks and fittings
    core_pull_protection: bool | None = None
    door_lighting_dusk_switch: bool | None = None  # front and back door, dusk switch
    door_viewer: bool | None = None
    door_chain: bool | None = None  # door chain or restrictor (kierstandhouder)
    smoke_alarms: bool | None = None  # on every floor with a living space or escape route
    # the building as a whole
    climbing_aids: bool | None = None  # containers, canopies, balconies within reach of windows
    locking_plan: bool | None = None  # a locking plan with key management
    house_numbers_readable: bool | None = None  # readable from the street for emergency services
    escape_routes_free: bool | None = None  # escape routes open from inside without a key


class Entrance(_Element):
    building: Name = ""
    dwellings_served: PosInt | None = None
    on_street_or_square: bool | None = None
    visible_from_dwellings: bool | None = None
    glazed: bool | None = None
    glazing_from_mm: NonNegFloat | None = None  # lowest edge of the glass above the floor
    glazing_to_mm: NonNegFloat | None = None  # highest edge of the glass above the floor
    lit: bool | None = None
    access_control: AccessControl | None = None
    letterbox_placement: LetterboxPlacement | None = None
    letterbox_width_mm: NonNegFloat | None = None
    letterbox_height_mm: NonNegFloat | None = None
    recess_depth_m: NonNegFloat | None = None
    social_function_adjacent: bool | None = None  # a social function in the plinth at the entrance
    electric_release: bool | None = None  # door released from each dwelling (with the intercom)
    door_closer: bool | None = None
    self_locking: bool | None = None  # the door locks itself when it closes
    letterbox_anti_fishing: bool | None = None  # letterboxes protected against fishing
    lift: bool | None = None  # a lift opens onto the entrance hall
    lift_visible_from_hall: bool | None = None
    compensating_measure: LongText = ""  # answers a failed recommendation (e.g. > 10 dwellings)

    @model_validator(mode="after")
    def _glazing_order(self) -> Entrance:
        if (
            self.glazing_from_mm is not None
            and self.glazing_to_mm is not None
            and self.glazing_from_mm > self.glazing_to_mm
        ):
            raise PydanticCustomError(
                GLAZING_ORDER,
                "glazing_from_mm must not be above glazing_to_mm",
                {"glazing_from_mm": self.glazing_from_mm, "glazing_to_mm": self.glazing_to_mm},
            )
        return self


class Stairwell(_Element):
    entrance: Name = ""
    on_facade: bool | None = None
    daylight: bool | None = None
    floors: PosInt | None = None
    compensating_measure: LongText = ""  # e.g. an internal stairwell that is the fire-safe route


class Gallery(_Element):
    building: Name = ""
    length_m: NonNegFloat | None = None
    dwellings: NonNegInt | None = None
    overlooked_by_living_rooms: bool | None = None


class PlinthSegment(_Element):
    street: Name = ""
    length_m: NonNegFloat | None = None
    function: PlinthFunction | None = None


class StorageUnit(_Element):
    kind: StorageKind | None = None
    location: StorageLocation | None = None
    units: NonNegInt | None = None
    burglar_resistant: bool | None = None  # doors and windows of collective stores
    arson_safe: bool | None = None  # bin store closed, away from the facade or fire-separated


class OutdoorSpace(_Element):
    type: OutdoorType | None = None
    area_m2: NonNegFloat | None = None
    owner: Name | None = None  # who owns or manages it; an empty string means nobody named
    overlooked: bool | None = None
    lit: bool | None = None
    gated: bool | None = None
    distance_to_dwellings_m: NonNegFloat | None = None
    neighbourhood_consent: bool | None = None
    suitable_for_play: bool | None = None  # green that counts for the 3 % play-space guideline
    width_m: NonNegFloat | None = None  # rear paths
    length_m: NonNegFloat | None = None  # rear paths


class Boundary(_Element):
    position: BoundaryPosition | None = None
    height_m: NonNegFloat | None = None
    along: Name = ""


class Planting(_Element):
    kind: PlantingKind | None = None
    location: Name = ""
    height_m: NonNegFloat | None = None  # shrubs: height of the planting
    crown_clearance_m: NonNegFloat | None = None  # trees: height of the lowest branches


class LightingMeasurement(_Element):
    area: LightingArea | None = None
    location: Name = ""
    eh_avg_lx: NonNegFloat | None = None  # average horizontal illuminance
    uniformity: Annotated[float, Field(ge=0, le=1, strict=True)] | None = None  # Emin / Eavg
    ra: Annotated[float, Field(ge=0, le=100, strict=True)] | None = None  # colour rendering


class HousingRow(_Element):
    price_class: PriceClass | None = None
    tenure: Tenure | None = None
    dwellings: NonNegInt | None = None
    lifecycle_proof: NonNegInt | None = None  # of which lifecycle-proof (levensloopbestendig)


class ParkingGarage(_Element):
    places: NonNegInt | None = None
    overview: bool | None = None  # overlooked, no hidden corners or niches
    eh_avg_lx: NonNegFloat | None = None
    access_restricted: bool | None = None  # only users get in (card, key, gate)


class Underpass(_Element):
    length_m: NonNegFloat | None = None
    width_m: NonNegFloat | None = None
    see_through: bool | None = None  # the other end is visible from the entry
    lit: bool | None = None


class Camera(_Element):
    location: Name = ""
    purpose_recorded: bool | None = None  # a lawful, recorded purpose (privacy law)
    signage: bool | None = None  # announced with signs


class MeetingPlace(_Element):
    type: MeetingPlaceType | None = None
    name: Name = ""
    walking_distance_m: NonNegFloat | None = None


class ManagementMeasure(_Element):
    type: MeasureType | None = None
    description: LongText = ""
    party: Name = ""  # who carries it out


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    residential_area_m2: NonNegFloat | None = None  # the area the 3 % guideline is measured over
    play_norm_basis: PlayNormBasis | None = None  # which area that is
    crime_analysis: bool | None = None  # a crime and nuisance analysis of the location
    lighting_repair_days: NonNegFloat | None = None  # agreed repair time of broken lighting
    graffiti_removal_days: NonNegFloat | None = None
    pruning_per_year: NonNegInt | None = None


class PlanIdentity(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS), Repaired]
    address: Name = ""
    municipality: Name = ""
    client: Name = ""
    architect: Name = ""
    plan_type: PlanType | None = None  # unknown: every criterion applies
    stage: Stage | None = None  # unknown: every criterion applies
    phase: Name = ""  # free-text phase of files before stages; read as `stage` when it names one
    revision: Name = ""
    ifc_guid: Name = ""  # the GlobalId of the BIM project the identity was read from
    suggested: list[str] = Field(default_factory=list, max_length=MAX_SUGGESTED)

    @field_validator("suggested")
    @classmethod
    def _suggested_facts(cls, value: list[str]) -> list[str]:
        return _check_suggested(cls, value)

    @model_validator(mode="before")
    @classmethod
    def _stage_from_phase(cls, data: Any) -> Any:
        # only for data that predates stages (no "stage" key at all): a stage someone
        # cleared on purpose stays cleared, whatever the old phase text says
        if isinstance(data, dict) and "stage" not in data:
            phase = data.get("phase")
            stage = stage_from_text(phase) if isinstance(phase, str) else None
            if stage is not None:
                data = {**data, "stage": stage.value}
        return data


# The element types of a plan, in the order the UI and report show them (COLLECTIONS
# below maps them to their classes).
_COLLECTION_NAMES = (
    "buildings",
    "entrances",
    "stairwells",
    "galleries",
    "plinth_segments",
    "storage",
    "outdoor_spaces",
    "boundaries",
    "planting",
    "lighting",
    "housing",
    "meeting_places",
    "measures",
    "parking_garages",
    "underpasses",
    "cameras",
)


def _collection() -> Any:
    return Field(default_factory=list, max_length=MAX_ELEMENTS_PER_TYPE)


class Plan(BaseModel):
    """A building plan: who and where, and its measurable facts."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    identity: PlanIdentity
    site: Site = Field(default_factory=Site)
    buildings: list[Building] = _collection()
    entrances: list[Entrance] = _collection()
    stairwells: list[Stairwell] = _collection()
    galleries: list[Gallery] = _collection()
    plinth_segments: list[PlinthSegment] = _collection()
    storage: list[StorageUnit] = _collection()
    outdoor_spaces: list[OutdoorSpace] = _collection()
    boundaries: list[Boundary] = _collection()
    planting: list[Planting] = _collection()
    lighting: list[LightingMeasurement] = _collection()
    housing: list[HousingRow] = _collection()
    meeting_places: list[MeetingPlace] = _collection()
    measures: list[ManagementMeasure] = _collection()
    parking_garages: list[ParkingGarage] = _collection()
    underpasses: list[Underpass] = _collection()
    cameras: list[Camera] = _collection()
    # Element types the user confirmed the plan has none of. An empty list that is not
    # confirmed is *unknown*: rules over it give `not_assessed` naming what is missing,
    # rather than a verdict about nothing. A confirmation only counts while its list is
    # empty (adding an element makes the list known anyway).
    confirmed_none: list[str] = Field(default_factory=list, max_length=len(_COLLECTION_NAMES))

    @field_validator("confirmed_none")
    @classmethod
    def _known_collections(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in _COLLECTION_NAMES]
        if unknown:
            raise PydanticCustomError(
                UNKNOWN_COLLECTION,
                "confirmed_none: {names} is not an element type of a plan",
                {"names": ", ".join(repr(n) for n in unknown)},
            )
        return [name for name in _COLLECTION_NAMES if name in value]

    @model_validator(mode="before")
    @classmethod
    def _not_too_many(cls, data: Any) -> Any:
        """Counted before any element is validated: the work grows with the elements."""
        if isinstance(data, dict) and "confirmed_none" not in data:
            # A file without confirmations (a plan file written by hand, a review of an
            # earlier version that wrote every list): a list written out as empty says
            # "none"; a list left out is unknown.
            data = {
                **data,
                "confirmed_none": [k for k in _COLLECTION_NAMES if data.get(k) == []],
            }
        if isinstance(data, dict):
            total = sum(len(v) for k in COLLECTIONS if isinstance(v := data.get(k), list))
            if total > MAX_ELEMENTS:
                raise PydanticCustomError(
                    TOO_MANY_ELEMENTS,
                    # the numbers grouped by thousands, so formatted here (no braces in them)
                    f"the plan has {total:,} elements; at most {MAX_ELEMENTS:,} elements "
                    "are allowed in one plan",
                    {"elements": total, "max_elements": MAX_ELEMENTS},
                )
        return data

    @model_validator(mode="after")
    def _unique_ids(self) -> Plan:
        for name in COLLECTIONS:
            seen: set[str] = set()
            for element in getattr(self, name):
                if element.id in seen:
                    raise PydanticCustomError(
                        DUPLICATE_ID,
                        "{collection}: element id '{element_id}' is used twice",
                        # the id last: values go in one after another, so "{collection}"
                        # in an id stays as it is
                        {"collection": name, "element_id": element.id},
                    )
                seen.add(element.id)
        return self

    def is_unknown(self, collection: str) -> bool:
        """No element of this type is filled in, and nobody confirmed the plan has none."""
        if collection == "site":
            return False
        return not getattr(self, collection) and collection not in self.confirmed_none

    def elements(self, collection: str) -> list[Any]:
        """The elements of a collection; `site` is a collection of one."""
        if collection == "site":
            return [self.site]
        return list(getattr(self, collection))


# Collection name -> element class. Order is the order the UI and report show them in.
COLLECTIONS: dict[str, type[BaseModel]] = {
    "buildings": Building,
    "entrances": Entrance,
    "stairwells": Stairwell,
    "galleries": Gallery,
    "plinth_segments": PlinthSegment,
    "storage": StorageUnit,
    "outdoor_spaces": OutdoorSpace,
    "boundaries": Boundary,
    "planting": Planting,
    "lighting": LightingMeasurement,
    "housing": HousingRow,
    "meeting_places": MeetingPlace,
    "measures": ManagementMeasure,
    "parking_garages": ParkingGarage,
    "underpasses": Underpass,
    "cameras": Camera,
}
RULE_COLLECTIONS: dict[str, type[BaseModel]] = {**COLLECTIONS, "site": Site}

# Facts that name another element by its id: (collection, fact) -> the collection named.
# Empty means "not given". Other place names (a plinth's street, a boundary's "along")
# are free text.
REFERENCES: dict[tuple[str, str], str] = {
    ("entrances", "building"): "buildings",
    ("stairwells", "entrance"): "entrances",
    ("galleries", "building"): "buildings",
}


def dangling_references(plan: Plan) -> list[tuple[tuple[str, int, str], str]]:
    """References to elements the plan does not have, as ((collection, index, fact),
    message). Plan files refuse them (reviewer.storage.yamlfile); the model does not, so
    that a review saved before this check still opens, and a person can type a
    building's id before adding the building."""
    problems: list[tuple[tuple[str, int, str], str]] = []
    for (collection, fact), target in REFERENCES.items():
        known = {element.id for element in getattr(plan, target)}
        for index, element in enumerate(getattr(plan, collection)):
            value = getattr(element, fact)
            if value and value not in known:
                label = ELEMENT_LABELS[target].en.lower()
                problems.append(
                    ((collection, index, fact), f"there is no {label} {value!r} in {target}")
                )
    return problems


COLLECTION_LABELS: dict[str, Text] = {
    "site": t("Plangebied", "Site"),
    "buildings": t("Gebouwen", "Buildings"),
    "entrances": t("Entrees", "Entrances"),
    "stairwells": t("Trappenhuizen", "Stairwells"),
    "galleries": t("Galerijen", "Galleries"),
    "plinth_segments": t("Plint", "Plinth segments"),
    "storage": t("Bergingen", "Storage"),
    "outdoor_spaces": t("Buitenruimtes", "Outdoor spaces"),
    "boundaries": t("Erfafscheidingen", "Boundaries"),
    "planting": t("Beplanting", "Planting"),
    "lighting": t("Verlichting", "Lighting"),
    "housing": t("Woningprogramma", "Housing programme"),
    "meeting_places": t("Ontmoetingsplekken", "Meeting places"),
    "measures": t("Participatie en beheer", "Participation and management"),
    "parking_garages": t("Parkeergarages", "Parking garages"),
    "underpasses": t("Onderdoorgangen", "Underpasses"),
    "cameras": t("Camera's", "Cameras"),
}

# Singular label used in evidence: "Entree B: 14 woningen; norm: ten hoogste 10".
ELEMENT_LABELS: dict[str, Text] = {
    "site": t("Plangebied", "Site"),
    "buildings": t("Gebouw", "Building"),
    "entrances": t("Entree", "Entrance"),
    "stairwells": t("Trappenhuis", "Stairwell"),
    "galleries": t("Galerij", "Gallery"),
    "plinth_segments": t("Plint", "Plinth"),
    "storage": t("Berging", "Storage"),
    "outdoor_spaces": t("Buitenruimte", "Outdoor space"),
    "boundaries": t("Erfafscheiding", "Boundary"),
    "planting": t("Beplanting", "Planting"),
    "lighting": t("Meetpunt", "Measuring point"),
    "housing": t("Woningen", "Dwellings"),
    "meeting_places": t("Ontmoetingsplek", "Meeting place"),
    "measures": t("Maatregel", "Measure"),
    "parking_garages": t("Parkeergarage", "Parking garage"),
    "underpasses": t("Onderdoorgang", "Underpass"),
    "cameras": t("Camera", "Camera"),
}


class FactInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: Text
    unit: str = ""


def _f(nl: str, en: str, unit: str = "") -> FactInfo:
    return FactInfo(label=t(nl, en), unit=unit)


FACTS: dict[str, dict[str, FactInfo]] = {
    "site": {
        "residential_area_m2": _f(
            "oppervlak waarover de 3 % geldt", "area the 3 % guideline is measured over", "m²"
        ),
        "play_norm_basis": _f("dat oppervlak is", "that area is"),
        "crime_analysis": _f("analyse criminaliteit en overlast", "crime and nuisance analysis"),
        "lighting_repair_days": _f("hersteltijd verlichting", "lighting repair time", "d"),
        "graffiti_removal_days": _f("verwijdertijd graffiti", "graffiti removal time", "d"),
        "pruning_per_year": _f("snoeibeurten per jaar", "prunings per year"),
    },
    "buildings": {
        "name": _f("naam", "name"),
        "storeys": _f("bouwlagen", "storeys"),
        "height_m": _f("hoogte", "height", "m"),
        "dwellings": _f("woningen", "dwellings"),
        "mixed_functions": _f("gemengde functies", "mixed functions"),
        "burglar_resistance_class": _f(
            "weerstandsklasse gevelelementen", "burglar resistance class"
        ),
        "skg_stars": _f("hang- en sluitwerk SKG-sterren", "SKG stars of locks and fittings"),
        "core_pull_protection": _f("kerntrekbeveiliging", "core-pull protection"),
        "door_lighting_dusk_switch": _f(
            "buitenlicht voor- en achterdeur met schemerschakelaar",
            "front and back door light on a dusk switch",
        ),
        "door_viewer": _f("deurspion", "door viewer"),
        "door_chain": _f("kierstandhouder", "door chain"),
        "smoke_alarms": _f("rookmelders op elke verdieping", "smoke alarms on every floor"),
        "climbing_aids": _f("klimhulpen binnen bereik", "climbing aids within reach"),
        "locking_plan": _f("sluitplan met sleutelbeheer", "locking plan with key management"),
        "house_numbers_readable": _f(
            "huisnummers leesbaar voor hulpdiensten",
            "house numbers readable for emergency services",
        ),
        "escape_routes_free": _f(
            "vluchtroutes zonder sleutel te openen", "escape routes open without a key"
        ),
    },
    "entrances": {
        "building": _f("gebouw", "building"),
        "dwellings_served": _f("woningen", "dwellings"),
        "on_street_or_square": _f("aan straat of plein", "on a street or square"),
        "visible_from_dwellings": _f("zichtbaar vanuit woningen", "visible from dwellings"),
        "glazed": _f("beglaasd", "glazed"),
        "glazing_from_mm": _f("glas vanaf", "glass from", "mm"),
        "glazing_to_mm": _f("glas tot", "glass up to", "mm"),
        "lit": _f("verlicht", "lit"),
        "access_control": _f("toegangscontrole", "access control"),
        "letterbox_placement": _f("plaats brievenbussen", "letterbox placement"),
        "letterbox_width_mm": _f("breedte brievenbusopening", "letterbox aperture width", "mm"),
        "letterbox_height_mm": _f("hoogte brievenbusopening", "letterbox aperture height", "mm"),
        "recess_depth_m": _f("diepte nis", "recess depth", "m"),
        "social_function_adjacent": _f(
            "sociale functie bij de entree", "social function at the entrance"
        ),
        "electric_release": _f("elektrische ontgrendeling", "electric release"),
        "door_closer": _f("deurdranger", "door closer"),
        "self_locking": _f("zelfsluitend", "self-locking"),
        "letterbox_anti_fishing": _f("brievenbussen hengelbestendig", "letterboxes anti-fishing"),
        "lift": _f("lift in de hal", "lift in the hall"),
        "lift_visible_from_hall": _f("lift zichtbaar vanuit de hal", "lift visible from the hall"),
        "compensating_measure": _f("compenserende maatregel", "compensating measure"),
    },
    "stairwells": {
        "entrance": _f("entree", "entrance"),
        "on_facade": _f("aan de gevel", "on the facade"),
        "daylight": _f("daglicht", "daylight"),
        "floors": _f("verdiepingen", "floors"),
        "compensating_measure": _f("compenserende maatregel", "compensating measure"),
    },
    "galleries": {
        "building": _f("gebouw", "building"),
        "length_m": _f("lengte", "length", "m"),
        "dwellings": _f("woningen", "dwellings"),
        "overlooked_by_living_rooms": _f("zicht vanuit woonkamers", "overlooked by living rooms"),
    },
    "plinth_segments": {
        "street": _f("straat", "street"),
        "length_m": _f("lengte", "length", "m"),
        "function": _f("functie", "function"),
    },
    "storage": {
        "kind": _f("soort", "kind"),
        "location": _f("locatie", "location"),
        "units": _f("aantal", "units"),
        "burglar_resistant": _f("inbraakwerend", "burglar-resistant"),
        "arson_safe": _f("brandstichting beperkt", "protected against arson"),
    },
    "outdoor_spaces": {
        "type": _f("soort", "type"),
        "area_m2": _f("oppervlak", "area", "m²"),
        "owner": _f("eigenaar of beheerder", "owner or manager"),
        "overlooked": _f("zicht vanuit woningen", "overlooked"),
        "lit": _f("verlicht", "lit"),
        "gated": _f("afsluitbaar", "gated"),
        "distance_to_dwellings_m": _f("afstand tot woningen", "distance to dwellings", "m"),
        "neighbourhood_consent": _f("instemming buurt", "neighbourhood consent"),
        "suitable_for_play": _f("geschikt om te spelen", "suitable for play"),
        "width_m": _f("breedte", "width", "m"),
        "length_m": _f("lengte", "length", "m"),
    },
    "boundaries": {
        "position": _f("positie", "position"),
        "height_m": _f("hoogte", "height", "m"),
        "along": _f("langs", "along"),
    },
    "planting": {
        "kind": _f("soort", "kind"),
        "location": _f("plaats", "location"),
        "height_m": _f("hoogte", "height", "m"),
        "crown_clearance_m": _f("kroon vanaf", "crown from", "m"),
    },
    "lighting": {
        "area": _f("soort plek", "kind of place"),
        "location": _f("plaats", "location"),
        "eh_avg_lx": _f("Eh,gem", "Eh,avg", "lx"),
        "uniformity": _f("gelijkmatigheid Uh", "uniformity Uh"),
        "ra": _f("kleurweergave Ra", "colour rendering Ra"),
    },
    "housing": {
        "price_class": _f("prijsklasse", "price class"),
        "tenure": _f("eigendom", "tenure"),
        "dwellings": _f("woningen", "dwellings"),
        "lifecycle_proof": _f("levensloopbestendig", "lifecycle-proof"),
    },
    "meeting_places": {
        "type": _f("soort", "type"),
        "name": _f("naam", "name"),
        "walking_distance_m": _f("loopafstand", "walking distance", "m"),
    },
    "measures": {
        "type": _f("soort", "type"),
        "description": _f("omschrijving", "description"),
        "party": _f("uitvoerder", "party"),
    },
    "parking_garages": {
        "places": _f("parkeerplaatsen", "parking places"),
        "overview": _f("overzichtelijk, geen verborgen hoeken", "open to view, no hidden corners"),
        "eh_avg_lx": _f("Eh,gem", "Eh,avg", "lx"),
        "access_restricted": _f("alleen voor gebruikers toegankelijk", "users only"),
    },
    "underpasses": {
        "length_m": _f("lengte", "length", "m"),
        "width_m": _f("breedte", "width", "m"),
        "see_through": _f("zicht op de uitgang", "exit in view"),
        "lit": _f("verlicht", "lit"),
    },
    "cameras": {
        "location": _f("plaats", "location"),
        "purpose_recorded": _f("doel vastgelegd", "purpose recorded"),
        "signage": _f("aangekondigd met bord", "announced by signs"),
    },
}

# Value labels for enumerations, shown in evidence and in the UI.
VALUE_LABELS: dict[str, Text] = {
    "true": t("ja", "yes"),
    "false": t("nee", "no"),
    "none": t("geen", "none"),
    "key": t("sleutel", "key"),
    "intercom": t("intercom", "intercom"),
    "video_intercom": t("video-intercom", "video intercom"),
    "door": t("in de voordeur", "in the front door"),
    "separate_lobby": t("aparte postruimte", "separate mail lobby"),
    "secure_lobby": t("in afgesloten hal", "in the secure lobby"),
    "outside": t("buiten bij de entree", "outside at the entrance"),
    "dwelling": t("woning", "dwelling"),
    "entrance": t("entree", "entrance"),
    "social": t("sociaal/maatschappelijk", "social"),
    "commercial": t("winkel/horeca", "commercial"),
    "workspace": t("werkruimte", "workspace"),
    "storage": t("bergingen", "storage"),
    "parking": t("parkeren/garages", "parking/garages"),
    "blank": t("blinde gevel", "blank wall"),
    "services": t("installaties", "services"),
    "front_garden": t("voortuin", "front garden"),
    "private_garden": t("achtertuin", "private garden"),
    "communal_courtyard": t("binnentuin", "communal courtyard"),
    "play_area": t("speelplek", "play area"),
    "youth_meeting_place": t("JOP", "youth meeting place"),
    "green": t("groen", "green"),
    "square": t("plein", "square"),
    "parking_court": t("parkeerhof", "parking court"),
    "rear_path": t("achterpad", "rear path"),
    "front": t("voorzijde", "front"),
    "side": t("zijkant", "side"),
    "rear": t("achterzijde", "rear"),
    "shrub": t("heester", "shrub"),
    "tree": t("boom", "tree"),
    "in_dwelling": t("in de woning", "in the dwelling"),
    "plinth_street": t("plint aan de straat", "plinth on the street"),
    "plinth_rear": t("plint achterzijde", "plinth at the rear"),
    "basement": t("kelder", "basement"),
    "separate": t("apart gebouw", "separate building"),
    "affordable": t("betaalbaar", "affordable"),
    "mid": t("middelduur", "mid-priced"),
    "high": t("duur", "high-priced"),
    "rent": t("huur", "rent"),
    "owner": t("koop", "owner-occupied"),
    "district_heart": t("wijkhart", "district heart"),
    "community_centre": t("buurtcentrum", "community centre"),
    "school": t("(brede) school", "(community) school"),
    "park": t("park", "park"),
    "shops": t("winkels", "shops"),
    "cafe": t("café", "café"),
    "other": t("anders", "other"),
    "resident_design_participation": t("bewoners in het ontwerp", "residents in the design"),
    "youth_participation": t("jongeren in het ontwerp", "young people in the design"),
    "resident_management": t("bewoners in het beheer", "residents in management"),
    "neighbourhood_watch": t("buurtpreventie", "neighbourhood watch"),
    "community_work": t("opbouwwerk", "community work"),
    "stairwell_talks": t("portiekgesprekken", "stairwell talks"),
    "clean_up": t("opzoomeren", "joint clean-ups"),
    "caretaker": t("buurtconciërge", "caretaker"),
    "management_agreement": t("beheerafspraken", "management agreement"),
    "care_professionals": t(
        "zorg- en vluchtelingenwerkers betrokken", "care and refugee-support workers involved"
    ),
    "online_platform": t("buurtapp of -website", "neighbourhood app or website"),
    "private": t("bergingen woningen", "private storage units"),
    "bicycle": t("fietsenstalling", "bicycle store"),
    "bins": t("containerruimte", "bin store"),
    "footpath": t("voetpad", "footpath"),
    "street": t("straat", "street"),
    "district_built_up": t("bebouwd gebied van de wijk", "built-up area of the district"),
    "plan_area": t("alleen het plangebied", "the plan area only"),
    "new_build": t("nieuwbouw", "new build"),
    "renovation": t("renovatie bestaande woningen", "renovation of existing housing"),
    "transformation": t("transformatie naar wonen", "transformation into housing"),
    "sketch": t("schetsontwerp", "sketch design"),
    "preliminary_design": t("voorlopig ontwerp", "preliminary design"),
    "final_design": t("definitief ontwerp", "final design"),
    "specification": t("bestek / technisch ontwerp", "specification"),
    "handover": t("oplevering", "handover"),
}
# "social" is both a plinth function and a price class; the plinth meaning wins in labels,
# the price class is labelled through PRICE_CLASS_LABELS.
PRICE_CLASS_LABELS: dict[str, Text] = {
    "social": t("sociaal", "social"),
    "affordable": t("betaalbaar", "affordable"),
    "mid": t("middelduur", "mid-priced"),
    "high": t("duur", "high-priced"),
}


def value_label(value: object, lang: str, fact: str = "") -> str:
    """How a fact value reads in a sentence in `lang`."""
    if value is None:
        return "?"
    if isinstance(value, bool):
        return VALUE_LABELS["true" if value else "false"].get(lang)  # type: ignore[arg-type]
    if isinstance(value, float | int) and not isinstance(value, StrEnum):
        return format_number(value, lang)
    if isinstance(value, StrEnum):
        key = value.value
        if isinstance(value, PriceClass):
            return PRICE_CLASS_LABELS[key].get(lang)  # type: ignore[arg-type]
        if key in VALUE_LABELS:
            return VALUE_LABELS[key].get(lang)  # type: ignore[arg-type]
    return str(value)
