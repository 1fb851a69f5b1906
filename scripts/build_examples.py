"""Regenerate the bundled example .review files from their YAML sources.

    scripts/dev examples        (or: .venv/bin/python scripts/build_examples.py)

Each `resources/examples/*.assessments.yaml` names a plan (`*.plan.yaml`), a
perspective, the reviewer, optionally a profile (`profile: <bundled id>`) and the
procedure record (`procedure:` participants, cohesion_included, joint_session, …), the
dossier details of the letter (`dossier:` reference, place, dispatch_date, addressee,
subject, request, documents, contact, distribution, next_step), and per criterion the
adviser's verdict, notes, measure (with `measure_kind: condition|recommendation`, `actor`
and `due_stage`) and priority. Automatic verdicts
come from the rules; a verdict that differs from a definite automatic verdict must carry
an `override_reason`, exactly as in the app.
"""

from __future__ import annotations

import sys
import uuid
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.domain.dossier import Dossier  # noqa: E402
from reviewer.domain.drawing import (  # noqa: E402
    FactTarget,
    Measurement,
    MeasurementKind,
    Pin,
    calibration_from_points,
)
from reviewer.domain.measuring import assign_measurement  # noqa: E402
from reviewer.domain.plan import Stage  # noqa: E402
from reviewer.domain.profile import apply_profile  # noqa: E402
from reviewer.domain.review import (  # noqa: E402
    REVIEWER_NAMESPACE,
    MeasureKind,
    PhotoRef,
    Priority,
    Procedure,
    Reviewer,
    new_review,
    set_verdict,
)
from reviewer.domain.verdict import Verdict  # noqa: E402
from reviewer.paths import DEFAULT_CHECKLIST, EXAMPLES  # noqa: E402
from reviewer.storage.drawings import add_drawing  # noqa: E402
from reviewer.storage.review_file import ReviewDocument, save_review  # noqa: E402
from reviewer.storage.yamlfile import (  # noqa: E402
    find_profile,
    load_checklist,
    load_plan,
    load_profile,
)

TEXT_FIELDS = ("notes", "measure", "justification")


def build(source: Path) -> Path:
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    plan = load_plan(source.parent / spec["plan"])
    checklist = load_checklist(DEFAULT_CHECKLIST)
    if spec.get("profile"):
        path = find_profile(spec["profile"])
        checklist = apply_profile(checklist, load_profile(path), str(path))
    review = new_review(plan, checklist, spec["perspective"], Reviewer(**spec["reviewer"]))
    if spec.get("procedure"):
        review.procedure = Procedure.model_validate(spec["procedure"])
    if spec.get("dossier"):
        review.dossier = Dossier.model_validate(spec["dossier"])
    when = datetime.fromisoformat(str(spec["date"]))
    review.created = review.modified = when
    # a fixed identity: regenerating gives the same file, and the same BCF topic GUIDs
    review.uid = uuid.uuid5(REVIEWER_NAMESPACE, f"example/{spec['output']}")
    attachments: dict[str, bytes] = {}
    known = {c.id for c in checklist.criteria()}
    _add_drawings(ReviewDocument(review, attachments), source.parent, spec.get("drawings") or [])
    for cid, entry in (spec.get("assessments") or {}).items():
        if cid not in known:
            raise SystemExit(f"{source.name}: {cid} is not a criterion of the checklist")
        entry = entry or {}
        if "verdict" in entry:
            set_verdict(
                review,
                cid,
                Verdict(entry["verdict"]),
                override_reason=entry.get("override_reason"),
                justification=entry.get("justification"),
            )
        update: dict[str, object] = {f: entry[f].strip() for f in TEXT_FIELDS if f in entry}
        if "priority" in entry:
            update["priority"] = Priority(entry["priority"])
        if "measure_kind" in entry:
            update["measure_kind"] = MeasureKind(entry["measure_kind"])
        if "actor" in entry:
            update["actor"] = entry["actor"].strip()
        if "due_stage" in entry:
            update["due_stage"] = Stage(entry["due_stage"])
        photos = []
        for photo in entry.get("photos") or []:
            path = source.parent / photo["file"]
            attachments[path.name] = path.read_bytes()
            photos.append(PhotoRef(name=path.name, caption=photo.get("caption", "")))
        if photos:
            update["photos"] = photos
        assessment = review.assessments[cid]
        review.assessments[cid] = assessment.changed(**update)
        if review.assessments[cid].verdict is Verdict.PARTLY and not (
            review.assessments[cid].justification or review.assessments[cid].override_reason
        ):
            raise SystemExit(f"{source.name}: {cid} is 'partly' without a justification")
    out = source.parent / spec["output"]
    save_review(ReviewDocument(review, attachments), out)
    return out


def _add_drawings(doc: ReviewDocument, folder: Path, entries: list[dict]) -> None:
    """Drawings from the YAML: a sheet per file with its name, calibration (two points and
    their distance), measurements (optionally assigned to a plan fact) and pins."""
    for entry in entries:
        path = folder / entry["file"]
        (sheet, *_rest) = add_drawing(doc, path.name, path.read_bytes())
        sheet.name = entry.get("name", sheet.name)
        if "calibration" in entry:
            cal = entry["calibration"]
            sheet.calibration = calibration_from_points(*cal["points"], cal["distance_m"])
        for n, m in enumerate(entry.get("measurements") or [], start=1):
            points = [tuple(p) for p in m["points"]]
            kind = MeasurementKind(m["kind"])
            sheet.measurements = [
                *sheet.measurements,
                Measurement(id=f"M{n}", kind=kind, points=points),
            ]
            if "assign" in m:
                assign_measurement(doc.review, sheet.id, f"M{n}", FactTarget(**m["assign"]))
        for pin in entry.get("pins") or []:
            number = max((p.number for s in doc.review.sheets for p in s.pins), default=0) + 1
            position = tuple(pin["position"])
            sheet.pins = [
                *sheet.pins,
                Pin(number=number, criterion_id=pin["criterion"], position=position),
            ]


def main() -> int:
    sources = sorted(EXAMPLES.glob("*.assessments.yaml"))
    if not sources:
        print("no *.assessments.yaml in", EXAMPLES, file=sys.stderr)
        return 1
    for source in sources:
        out = build(source)
        print(f"{out.relative_to(ROOT)}: built from {source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
