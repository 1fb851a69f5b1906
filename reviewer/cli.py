"""The one entry point: opens the desktop app, or runs a headless command.

    reviewer [FILE.review|FILE.workshop] [--screenshot OUT.png [--view VIEW]]
    reviewer validate [CHECKLIST.yaml] [--profile PROFILE ...]
    reviewer summary REVIEW.review [--json] [--lang nl|en]
    reviewer new --plan PLAN.yaml --perspective safety|cohesion -o OUT.review
    reviewer new --ifc MODEL.ifc|MODEL.ifczip --perspective safety|cohesion -o OUT.review
                 [--type new_build|renovation|transformation] [--stage STAGE] [--profile NAME]
    reviewer upgrade REVIEW.review -o NEW.review [--profile NAME] [--type …] [--stage …]
    reviewer next-stage REVIEW.review --stage STAGE -o NEW.review [--adopt-verdicts]
    reviewer next-stage REVIEW.review --perspective safety|cohesion -o NEW.review
    reviewer report REVIEW.review -o OUT.pdf|OUT.docx [--lang nl|en] [--all-criteria]
                    [--include-guidance] [--only-findings] [--sign CERT.p12 [--passphrase-file F]]
    reviewer verify SIGNED.pdf [--json] [--trust ROOT.pem ...]
    reviewer report WORKSHOP.workshop -o OUT.pdf [--lang nl|en]
    reviewer compare A.review B.review [-o OUT.pdf] [--json] [--lang nl|en]
    reviewer compare OLD.review NEW.review --revisions [-o OUT.pdf] [--json] [--lang nl|en]
    reviewer register init|use URL|import DIR|search TEXT [--json]|stats [-o OUT.pdf]|
                      export DOSSIER -o DIR  [--db URL]   (see reviewer/cli_register.py)
    reviewer bcf REVIEW.review -o OUT.bcf [--lang nl|en]
    reviewer bcf-replies REVIEW.review REPLIES.bcf -o NEW.review

Errors are one line on stderr and exit status 2, never a traceback. Text from a file is
printed with the characters a terminal would act on escaped (see `terminal_safe`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

EXIT_OK = 0
EXIT_CHANGED = 1  # `reviewer verify`: the signed document was changed, or its signature broken
EXIT_ERROR = 2


class CliError(Exception):
    """A problem to report on one line, without a traceback."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors: one line, exit 2
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


# Characters a terminal acts on instead of showing them: C0 and C1 controls (ESC starts a
# sequence that can clear or repaint the screen; U+009B is a one-character CSI), DEL,
# line and paragraph separators, and the bidirectional controls that make text read in
# another order than it is stored.
_UNSAFE_IN_JSON = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_TERMINAL_CONTROLS = re.compile(f"[\x00-\x1f{_UNSAFE_IN_JSON}]")
_JSON_CONTROLS = re.compile(f"[{_UNSAFE_IN_JSON}]")  # json.dumps escapes \x00-\x1f itself


def terminal_safe(text: str) -> str:
    """`text` for a terminal: each control character shown as its escape (\\x1b, \\n,
    \\u202e), so text from a plan or review can never repaint the screen or fake a line."""
    return _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def print_json(data: object) -> None:
    """JSON on stdout. json.dumps escapes C0 controls; the rest a terminal acts on is
    written as \\u escapes too, which JSON allows in any string: still the same data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    print(_JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


# ----------------------------------------------------------------- commands


def _output(args: argparse.Namespace, *, not_over: str | None = None, why: str = "") -> Path:
    """The file to write (`-o`): refused when it exists without --force, and, with
    `not_over`, when it is that input file itself (`why` says what to do instead)."""
    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists; use --force to replace it")
    if not_over is not None and out.resolve() == Path(not_over).resolve():
        raise CliError(f"{out}: {why}")
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    """The checklist (default: the bundled one) and its profiles: with --profile the ones
    named, else, for the bundled checklist, every bundled profile."""
    from reviewer.domain.checklist import ChecklistError
    from reviewer.domain.profile import ProfileError, apply_profile
    from reviewer.paths import DEFAULT_CHECKLIST
    from reviewer.storage.yamlfile import (
        bundled_profiles,
        find_profile,
        load_checklist,
        load_profile,
    )

    name = args.checklist or str(DEFAULT_CHECKLIST)
    try:
        checklist = load_checklist(name)
    except ChecklistError as exc:
        for problem in exc.problems:
            print(terminal_safe(problem), file=sys.stderr)
        if len(exc.problems) > 1:
            print(
                f"{name}: {len(exc.problems)} problems; the checklist is not valid",
                file=sys.stderr,
            )
        return EXIT_ERROR
    criteria = checklist.criteria()
    rules = sum(1 for c in criteria if c.rule is not None)
    print(
        terminal_safe(
            f"{name}: valid — {checklist.id} {checklist.version}, "
            f"{len(checklist.sections)} sections, {len(criteria)} criteria, {rules} rules, "
            f"{len(checklist.tension_pairs())} tension pairs"
        )
    )
    if args.profile:
        paths = [find_profile(p) for p in args.profile]
    elif args.checklist is None or Path(args.checklist).resolve() == DEFAULT_CHECKLIST.resolve():
        paths = list(bundled_profiles().values())
    else:
        paths = []
    status = EXIT_OK
    for path in paths:
        try:
            profile = load_profile(path)
            narrowed = apply_profile(checklist, profile, str(path))
        except ProfileError as exc:
            for problem in exc.problems:
                print(terminal_safe(problem), file=sys.stderr)
            status = EXIT_ERROR
            continue
        changed = sum(1 for c in narrowed.criteria() if c.profile_note is not None)
        print(
            terminal_safe(
                f"{path}: valid profile — {profile.id} {profile.version}, "
                f"{len(narrowed.criteria())} criteria, {changed} changed, "
                f"{len(profile.exclude)} left out"
            )
        )
    return status


def _load_review(path: str):  # returns a ReviewDocument; storage is imported lazily
    from reviewer.storage.review_file import load_review

    return load_review(path)


def cmd_summary(args: argparse.Namespace) -> int:
    from reviewer.domain.summary import summary_data

    doc = _load_review(args.review)
    data = summary_data(doc.review, args.lang)
    if args.json:
        print_json(data)
        return EXIT_OK
    print(format_summary(data, args.lang))
    return EXIT_OK


def format_summary(data: dict, lang: str) -> str:
    from reviewer.domain.checklist import PERSPECTIVE_LABELS, Perspective
    from reviewer.domain.verdict import VERDICT_LABELS, Verdict

    nl = lang == "nl"
    plan = data["plan"]
    lines = []
    where = ", ".join(x for x in (plan.get("address"), plan.get("municipality")) if x)
    rev = f" — {plan['revision']}" if plan.get("revision") else ""
    lines.append(f"Plan:        {plan['name']}{rev}")
    if where:
        lines.append(f"{'Adres:      ' if nl else 'Address:    '} {where}")
    persp = PERSPECTIVE_LABELS[Perspective(data["perspective"])].get(lang)
    lines.append(f"{'Perspectief' if nl else 'Perspective'}: {persp}")
    who = ", ".join(x for x in (data["reviewer"].get("name"), data["reviewer"].get("role")) if x)
    if who:
        lines.append(f"{'Beoordelaar' if nl else 'Reviewer'}:  {who}")
    counts = " · ".join(
        f"{VERDICT_LABELS[Verdict(k)].get(lang)} {n}" for k, n in data["verdicts"].items()
    )
    lines.append(f"{'Oordelen' if nl else 'Verdicts'}:    {counts}")
    prog = data["progress"]
    lines.append(
        f"{'Voortgang:  ' if nl else 'Progress:   '} {prog['assessed']} "
        + (
            f"van {prog['applicable']} toepasselijke criteria beoordeeld"
            if nl
            else f"of {prog['applicable']} applicable criteria assessed"
        )
    )
    lines.append("")
    lines.append("Toetsing aan de regels:" if nl else "Rule results:")
    marks = {
        "meets": "OK ",
        "fails": "NOK",
        "not_assessed": " ? ",
        "not_applicable": "n.v.t." if nl else "n/a",
        "partly": " ~ ",
    }
    for rule in data["rules"]:
        mark = marks.get(rule["verdict"], rule["verdict"])
        lines.append(f"  [{mark:^6}] {rule['criterion']:<16} {rule['evidence']}")
    lines.append("")
    out = data["outcome"]
    lines.append(f"{'Uitkomst' if nl else 'Outcome'}: {out['text']}")
    if out["failing_requirements"]:
        lines.append(
            ("  Niet gehaalde eisen: " if nl else "  Failing requirements: ")
            + ", ".join(out["failing_requirements"])
        )
    for section in out["sections"]:
        tally = "  ".join(
            f"{VERDICT_LABELS[Verdict(k)].get(lang)} {section[k]}"
            for k in ("meets", "partly", "fails")
            if k in section
        )
        lines.append(f"  {section['title']:<28} {tally}")
    return "\n".join(terminal_safe(line) for line in lines)


def cmd_new(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from reviewer.domain.plan import PlanType, Stage
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.paths import DEFAULT_CHECKLIST
    from reviewer.storage.review_file import ReviewDocument, save_review
    from reviewer.storage.yamlfile import load_checklist, load_plan

    out = _output(args)
    if args.ifc:
        return _new_from_ifc(args, out)
    plan = load_plan(args.plan)
    if args.type:
        plan.identity.plan_type = PlanType(args.type)
    if args.stage:
        plan.identity.stage = Stage(args.stage)
    checklist = _with_profile(load_checklist(args.checklist or DEFAULT_CHECKLIST), args.profile)
    try:
        reviewer = Reviewer(name=args.reviewer or "", role=args.role or "")
    except ValidationError as exc:
        err = exc.errors()[0]
        option = {"name": "--reviewer", "role": "--role"}.get(str(err["loc"][0]), "")
        raise CliError(f"{option}: {err['msg']}") from None
    review = new_review(plan, checklist, args.perspective, reviewer)
    save_review(ReviewDocument(review), out)
    auto = sum(1 for a in review.assessments.values() if a.auto_verdict is not None)
    print(
        terminal_safe(
            f"{out}: new {args.perspective} review of {plan.identity.name}, {auto} rules evaluated"
        )
    )
    return EXIT_OK


def _new_from_ifc(args: argparse.Namespace, out: Path) -> int:
    """`reviewer new --ifc MODEL`: a review of an IFC model, its facts as suggestions."""
    from reviewer.bim import INSTALL_HINT, missing_extra

    missing = missing_extra()
    if missing:
        raise CliError(f"IFC import needs {missing}: {INSTALL_HINT}")
    from pydantic import ValidationError

    from reviewer.bim.ifc_import import IfcImportError, new_review_from_ifc, read_model
    from reviewer.domain.plan import PlanType, Stage
    from reviewer.domain.review import Reviewer
    from reviewer.domain.suggestion import pending
    from reviewer.paths import DEFAULT_CHECKLIST
    from reviewer.storage.review_file import ReviewDocument, save_review
    from reviewer.storage.yamlfile import load_checklist

    checklist = _with_profile(load_checklist(args.checklist or DEFAULT_CHECKLIST), args.profile)
    try:
        reviewer = Reviewer(name=args.reviewer or "", role=args.role or "")
    except ValidationError as exc:
        err = exc.errors()[0]
        option = {"name": "--reviewer", "role": "--role"}.get(str(err["loc"][0]), "")
        raise CliError(f"{option}: {err['msg']}") from None
    try:
        result = read_model(args.ifc)
    except IfcImportError as exc:
        raise CliError(str(exc)) from None
    if result.warning:
        print(terminal_safe(f"warning: {result.warning}"), file=sys.stderr)
    review, attachments = new_review_from_ifc(
        result,
        checklist,
        args.perspective,
        reviewer,
        PlanType(args.type) if args.type else None,
        Stage(args.stage) if args.stage else None,
    )
    save_review(ReviewDocument(review, attachments), out)
    plan = review.plan
    suggestions = sum(len(pending(plan, c)) for c in _IFC_LISTS)
    print(
        terminal_safe(
            f"{out}: new {args.perspective} review of {plan.identity.name} from "
            f"{Path(args.ifc).name} ({result.schema}): {len(review.sheets)} sheets, "
            f"{suggestions} suggested elements to confirm"
        )
    )
    for note in result.notes:
        print(terminal_safe(f"  {note}"))
    return EXIT_OK


_IFC_LISTS = ("buildings", "entrances", "stairwells", "galleries", "storage", "plinth_segments")


def _with_profile(checklist, name: str | None):  # Checklist -> Checklist
    """The checklist narrowed by the profile `name` (a bundled id or a file), if any."""
    if not name:
        return checklist
    from reviewer.domain.profile import apply_profile
    from reviewer.storage.yamlfile import find_profile, load_profile

    path = find_profile(name)
    return apply_profile(checklist, load_profile(path), str(path))


def cmd_upgrade(args: argparse.Namespace) -> int:
    """`reviewer upgrade REVIEW -o NEW`: the review on the current checklist, as a new file."""
    from reviewer.domain.plan import PlanType, Stage
    from reviewer.domain.upgrade import upgrade_review
    from reviewer.paths import DEFAULT_CHECKLIST
    from reviewer.storage.review_file import ReviewDocument, save_review
    from reviewer.storage.yamlfile import load_checklist

    out = _output(
        args,
        not_over=args.review,
        why="write the updated review to a new file; the old one is kept",
    )
    doc = _load_review(args.review)
    checklist = load_checklist(args.checklist or DEFAULT_CHECKLIST)
    old = doc.review.checklist
    profile = args.profile
    if profile is None and old.profile is not None:
        profile = old.profile.id  # keep the profile the review was made under
    checklist = _with_profile(checklist, profile)
    result = upgrade_review(
        doc.review,
        checklist,
        plan_type=PlanType(args.type) if args.type else None,
        stage=Stage(args.stage) if args.stage else None,
    )
    names = {p.name for a in result.review.assessments.values() for p in a.photos}
    names |= {s.attachment for s in result.review.sheets}
    attachments = {n: data for n, data in doc.attachments.items() if n in names}
    save_review(ReviewDocument(result.review, attachments), out)
    lang = args.lang
    lines = [
        f"{out}: {old.id} {old.version} → {checklist.version}"
        + (f", profile {checklist.profile.id}" if checklist.profile else "")
        + f"; {len(result.changes)} changes"
    ]
    for change in result.changes:
        lines.append(f"  {change.kind:<12} {change.criterion_id:<22} {change.text.get(lang)}")
    for item in result.not_carried:
        lines.append(f"  not carried  {item.get(lang)}")
    print("\n".join(terminal_safe(line) for line in lines))
    return EXIT_OK


def cmd_next_stage(args: argparse.Namespace) -> int:
    """`reviewer next-stage REVIEW --stage STAGE -o NEW`: a new review of the same plan at a
    later stage (or, with --perspective only, from the other perspective), carrying the
    plan, drawings, dossier details, participants and the open and processed measures."""
    from reviewer.domain.checklist import Perspective
    from reviewer.domain.next_stage import NoStage, StageNotLater, next_review
    from reviewer.domain.plan import Stage
    from reviewer.storage.review_file import document_with, save_review

    if args.stage is None and args.perspective is None:
        raise CliError("give --stage (a later stage) or --perspective (the same stage)")
    out = _output(
        args, not_over=args.review, why="write the next review to a new file; the old one is kept"
    )
    doc = _load_review(args.review)
    stage = Stage(args.stage.replace("-", "_")) if args.stage else None
    try:
        result = next_review(
            doc.review,
            stage=stage,
            perspective=Perspective(args.perspective) if args.perspective else None,
            file_name=Path(args.review).name,
            adopt_verdicts=args.adopt_verdicts,
        )
    except (NoStage, StageNotLater) as exc:
        raise CliError(str(exc)) from None
    save_review(document_with(result.review, doc.attachments), out)
    new = result.review
    stage_name = new.plan.identity.stage.value.replace("_", "-") if new.plan.identity.stage else "-"
    print(
        terminal_safe(
            f"{out}: {new.perspective.value} review at stage {stage_name}; "
            f"{len(result.carried_measures)} measures carried, "
            f"{len(result.adopted)} verdicts adopted, {len(new.sheets)} drawing sheets"
        )
    )
    return EXIT_OK


def cmd_bcf(args: argparse.Namespace) -> int:
    """`reviewer bcf REVIEW -o OUT.bcf`: the findings as BCF 2.1 topics for a BIM tool."""
    from reviewer.domain.findings import finding_topics
    from reviewer.storage.bcf import export_bcf

    out = _output(args)
    doc = _load_review(args.review)
    topics = finding_topics(doc.review, args.lang)
    export_bcf(doc, out, args.lang)
    views = sum(len(t.views) for t in topics)
    print(
        terminal_safe(f"{out}: {len(topics)} topics, {views} viewpoints with snapshots (BCF 2.1)")
    )
    return EXIT_OK


def cmd_bcf_replies(args: argparse.Namespace) -> int:
    """`reviewer bcf-replies REVIEW BCF -o NEW`: the architect's replies onto the criteria,
    as a new file; topics that are not the review's are listed."""
    from reviewer.domain.findings import apply_replies
    from reviewer.storage.bcf import load_bcf
    from reviewer.storage.review_file import ReviewDocument, save_review

    out = _output(args, not_over=args.review, why="write the review with the replies to a new file")
    doc = _load_review(args.review)
    content = load_bcf(args.bcf)
    result = apply_replies(doc.review, content.topics)
    doc.review.assessments.update(result.assessments)
    save_review(ReviewDocument(doc.review, doc.attachments), out)
    lines = [
        f"{out}: {result.count} new replies on {len(result.added)} criteria, "
        f"from {result.matched} of the review's topics"
    ]
    for criterion_id, count in result.added.items():
        lines.append(f"  {criterion_id:<22} {count}")
    if result.unknown:
        lines.append(f"{len(result.unknown)} topics are not this review's (not read in):")
        lines += [f"  {topic.guid}  {topic.title}" for topic in result.unknown]
    print("\n".join(terminal_safe(line) for line in lines))
    return EXIT_OK


def _is_workshop(path: str) -> bool:
    """A .workshop file: by its suffix, or a zip holding workshop.json whatever its name."""
    import zipfile

    from reviewer.storage.workshop_file import JSON_NAME, SUFFIX

    if Path(path).suffix.lower() == SUFFIX:
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            return JSON_NAME in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False  # the review report says what is wrong with the file


def _passphrase(args: argparse.Namespace) -> bytes | None:
    """From --passphrase-file (one trailing newline dropped), else asked for when a person
    is at the terminal, else none."""
    if args.passphrase_file:
        try:
            data = Path(args.passphrase_file).read_bytes()
        except OSError as exc:
            raise CliError(
                f"cannot read the passphrase file {args.passphrase_file}: {exc.strerror or exc}"
            ) from None
        for newline in (b"\r\n", b"\n"):
            if data.endswith(newline):
                return data[: -len(newline)]
        return data
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Passphrase for {args.sign}: ").encode() or None
    return None


def _report_signer(args: argparse.Namespace):
    """The signer for --sign, with the certificate opened now: a wrong passphrase or a
    certificate without its key stops the command before any report work."""
    if args.passphrase_file and not args.sign:
        raise CliError("--passphrase-file goes with --sign CERT.p12")
    if not args.sign:
        return None
    from reviewer.report.signing import make_signer

    reason = "Advies over het bouwplan" if args.lang == "nl" else "Advice on the building plan"
    return make_signer(args.sign, _passphrase(args), reason=reason, lang=args.lang)


def cmd_report(args: argparse.Namespace) -> int:
    if Path(args.output).suffix.lower() == ".docx":
        return _report_docx(args)
    try:
        from reviewer.report import export_report, export_workshop_file_report
    except ImportError:  # pragma: no cover - during development only
        raise CliError("the PDF report is not available in this build") from None
    if _is_workshop(args.review):
        if (
            args.include_guidance
            or args.only_findings
            or args.all_criteria
            or args.sign
            or args.passphrase_file
        ):
            raise CliError(
                "--include-guidance, --only-findings, --all-criteria and --sign are for the "
                "report of one review, not for a workshop"
            )
        out = export_workshop_file_report(args.review, args.output, lang=args.lang)
        print(f"{out}: workshop report written")
        return EXIT_OK
    sign = _report_signer(args)
    out = export_report(
        args.review,
        args.output,
        lang=args.lang,
        include_guidance=args.include_guidance,
        only_findings=args.only_findings,
        sign=sign,
        all_criteria=args.all_criteria,
    )
    print(f"{out}: report written" + (" and signed" if sign else ""))
    return EXIT_OK


def _report_docx(args: argparse.Namespace) -> int:
    """`reviewer report REVIEW -o OUT.docx`: the advice letter as a Word document."""
    if _is_workshop(args.review):
        raise CliError("Word export is for reviews; write a workshop report as a .pdf")
    if args.include_guidance or args.only_findings or args.sign or args.passphrase_file:
        raise CliError(
            "--include-guidance, --only-findings and --sign are for the PDF report; "
            "a Word letter is signed in Word"
        )
    from reviewer.report import export_docx

    out = export_docx(args.review, args.output, lang=args.lang, all_criteria=args.all_criteria)
    print(f"{out}: Word document written")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Who signed the PDF, when, and whether it is still exactly what was signed: exit
    status 0 when unchanged, 1 when changed after signing or the signature is broken."""
    from reviewer.report.signing import verify_pdf

    result = verify_pdf(args.pdf, args.trust or ())
    when = result.signing_time.isoformat() if result.signing_time else None
    if args.json:
        print_json(
            {
                "file": str(result.path),
                "signer": result.signer,
                "signing_time": when,
                "unchanged": result.intact,
                "problem": result.problem,
                "trusted": result.trusted,
                "trust_note": result.trust_note,
                "reason": result.reason,
                "location": result.location,
                "signatures": result.signatures,
            }
        )
    else:
        shown = (
            result.signing_time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            if result.signing_time
            else "not stated"
        )
        lines = [
            f"{result.path}: signed by {result.signer}",
            f"  signing time: {shown}",
            "  unchanged:    "
            + ("yes, exactly as signed" if result.intact else f"NO: {result.problem}"),
            "  trusted:      "
            + ("yes" if result.trusted else f"no ({result.trust_note or 'not checked'})"),
        ]
        if result.signatures > 1:
            lines.append(f"  ({result.signatures} signatures; the last one is reported)")
        print("\n".join(terminal_safe(line) for line in lines))
    return EXIT_OK if result.intact else EXIT_CHANGED


def cmd_compare(args: argparse.Namespace) -> int:
    from reviewer.domain.compare import ComparisonError, compare_reviews, comparison_data

    if args.revisions:
        return _compare_revisions(args)
    a = _load_review(args.a)
    b = _load_review(args.b)
    try:
        comparison = compare_reviews(a.review, b.review)
    except ComparisonError as exc:
        raise CliError(str(exc)) from None
    for warning in comparison.warnings:
        print(terminal_safe(f"reviewer: warning: {warning.get(args.lang)}"), file=sys.stderr)
    if args.output:
        try:
            from reviewer.report import export_workshop_report
        except ImportError:
            raise CliError("the workshop report is not available in this version") from None
        out = export_workshop_report(a, b, args.output, lang=args.lang)
        print(f"{out}: workshop report written")
    data = comparison_data(comparison)
    if args.json:
        print_json(data)
    elif not args.output:
        print(format_comparison(a.review, b.review, comparison, args.lang))
    return EXIT_OK


def _compare_revisions(args: argparse.Namespace) -> int:
    """`reviewer compare OLD NEW --revisions`: what the new revision resolved, what is new,
    still open or changed."""
    from reviewer.domain.compare import ComparisonError, RevisionStatus, compare_revisions
    from reviewer.domain.statuses import REVISION_ORDER

    old = _load_review(args.a)
    new = _load_review(args.b)
    try:
        items, warnings = compare_revisions(old.review, new.review)
    except ComparisonError as exc:
        raise CliError(str(exc)) from None
    for warning in warnings:
        print(terminal_safe(f"reviewer: warning: {warning.get(args.lang)}"), file=sys.stderr)
    if args.output:
        from reviewer.report import export_revision_report

        out = export_revision_report(old, new, args.output, lang=args.lang)
        print(f"{out}: revision report written")
    counts = {s.value: sum(1 for i in items if i.status is s) for s in RevisionStatus}
    if args.json:
        data = {
            "old": old.review.plan.identity.revision,
            "new": new.review.plan.identity.revision,
            "counts": counts,
            "items": [
                {
                    "criterion": i.criterion_id,
                    "old": i.old.value,
                    "new": i.new.value,
                    "status": i.status.value,
                    "edits": list(i.edits),
                }
                for i in items
            ],
            "warnings": [w.en for w in warnings],
        }
        print_json(data)
    elif not args.output:
        lang = args.lang
        revisions = [d.review.plan.identity.revision or "?" for d in (old, new)]
        lines = [f"{old.review.plan.identity.name}: {revisions[0]} → {revisions[1]}"]
        lines.append(" · ".join(f"{s.label.get(lang)} {counts[s.value]}" for s in REVISION_ORDER))
        for item in sorted(items, key=lambda i: REVISION_ORDER.index(i.status)):
            if item.status is not RevisionStatus.UNCHANGED or item.edits:
                edits = f"  (+ {item.edits_label(lang)})" if item.edits else ""
                lines.append(
                    f"  {item.status.label.get(lang):<12} {item.criterion_id:<18} "
                    f"{item.old.label.get(lang)} → {item.new.label.get(lang)}{edits}"
                )
        print("\n".join(terminal_safe(line) for line in lines))
    return EXIT_OK


def format_comparison(a, b, comparison, lang: str) -> str:
    from reviewer.domain.statuses import STATUS_ORDER

    nl = lang == "nl"
    lines = [
        f"A: {a.perspective.label.get(lang)} — {a.reviewer.name or '?'}",
        f"B: {b.perspective.label.get(lang)} — {b.reviewer.name or '?'}",
    ]
    if comparison.agreement is None:
        lines.append("Overeenstemming: —" if nl else "Agreement: —")
    else:
        lines.append(
            f"{'Overeenstemming' if nl else 'Agreement'}: {comparison.agreement:.0%} "
            f"({'van' if nl else 'of'} {comparison.agreement_n})"
        )
    kappa = "—" if comparison.kappa is None else f"{comparison.kappa:.2f}"
    lines.append(
        f"{'Gewogen kappa' if nl else 'Weighted kappa'}: {kappa} (n = {comparison.kappa_n})"
    )
    lines.append("")
    for status in STATUS_ORDER[:4]:  # conflicts, differences, one side only
        for item in comparison.items:
            if item.status is status:
                lines.append(
                    f"  {status.label.get(lang):<10} {item.criterion_id:<16} "
                    f"A {item.a.label.get(lang)} / B {item.b.label.get(lang)}"
                )
    if comparison.tensions:
        lines.append("")
        lines.append("Spanningen:" if nl else "Tensions:")
        for tension in comparison.tensions:
            parts = [
                f"{cid} A {v[0].label.get(lang)} / B {v[1].label.get(lang)}"
                for cid, v in tension.verdicts.items()
            ]
            lines.append("  " + "  ↔  ".join(parts))
    return "\n".join(terminal_safe(line) for line in lines)


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from reviewer.ui.app import run_gui
    except ImportError as exc:
        if "reviewer.ui" not in str(exc) and "PySide6" not in str(exc):
            raise
        raise CliError(f"the desktop app cannot start: {exc}") from None
    return run_gui(
        Path(args.file) if args.file else None,
        screenshot=Path(args.screenshot) if args.screenshot else None,
        view=args.view,
        lang=args.lang,
    )


# ----------------------------------------------------------------- parsers


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reviewer", description="Safety & Cohesion Reviewer")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check a checklist YAML file and its profiles")
    p.add_argument("checklist", nargs="?", help="checklist YAML (default: the bundled one)")
    p.add_argument(
        "--profile",
        action="append",
        help="a profile (bundled id or YAML file) to check against it; repeatable "
        "(default for the bundled checklist: every bundled profile)",
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("summary", help="print a review's verdicts, rule evidence and outcome")
    p.add_argument("review")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("new", help="start a review from plan facts (YAML) or an IFC model")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--plan", help="plan facts as YAML")
    source.add_argument(
        "--ifc",
        help="an IFC model (.ifc or .ifczip, IFC2X3 or IFC4): its facts become suggestions "
        "to confirm, each storey a drawing sheet (needs the 'bim' extra)",
    )
    p.add_argument("--perspective", required=True, choices=("safety", "cohesion"))
    p.add_argument("-o", "--output", required=True, help="the .review file to write")
    p.add_argument("--checklist", help="checklist YAML (default: the bundled one)")
    p.add_argument("--reviewer", help="reviewer's name")
    p.add_argument("--role", help="reviewer's role")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _scope_arguments(p)
    p.add_argument("--profile", help="a profile: bundled id or YAML file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("upgrade", help="bring a review onto the current checklist, as a new file")
    p.add_argument("review")
    p.add_argument("-o", "--output", required=True, help="the new .review file")
    p.add_argument("--checklist", help="checklist YAML (default: the bundled one)")
    p.add_argument(
        "--profile", help="a profile: bundled id or YAML file (default: the review's own)"
    )
    _scope_arguments(p)
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_upgrade)

    from reviewer.domain.plan import Stage

    p = sub.add_parser(
        "next-stage",
        help="a new review of the same plan at a later stage, carrying its open measures",
    )
    p.add_argument("review")
    p.add_argument("-o", "--output", required=True, help="the new .review file")
    p.add_argument(
        "--stage",
        choices=[s.value.replace("_", "-") for s in Stage] + [s.value for s in Stage],
        metavar="STAGE",
        help="the later stage: " + ", ".join(s.value.replace("_", "-") for s in Stage),
    )
    p.add_argument(
        "--perspective",
        choices=("safety", "cohesion"),
        help="the perspective of the new review (default: the same)",
    )
    p.add_argument(
        "--adopt-verdicts",
        action="store_true",
        help="take over every verdict of the previous review (default: the rules decide)",
    )
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_next_stage)

    p = sub.add_parser(
        "report",
        help="export the PDF report of a review or a workshop (-o OUT.docx: the advice "
        "letter of a review in Word)",
    )
    p.add_argument("review", help="a .review file, or a .workshop file for the workshop report")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--include-guidance", action="store_true")
    p.add_argument("--only-findings", action="store_true")
    p.add_argument(
        "--all-criteria",
        action="store_true",
        help="appendix 1 lists every criterion that applies, not only those with a finding",
    )
    p.add_argument(
        "--sign",
        metavar="CERT.p12",
        help="sign the PDF (PAdES) with this PKCS#12 certificate (.p12 or .pfx)",
    )
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="the certificate's passphrase (one trailing newline is dropped); without it "
        "the passphrase is asked for at a terminal",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verify", help="check the digital signature of a signed PDF")
    p.add_argument("pdf", help="the signed PDF")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--trust",
        action="append",
        metavar="ROOT.pem",
        help="a root certificate (PEM or DER) to trust; repeatable (default: none, so the "
        "signer is reported as not trusted, and whether the PDF is unchanged is still told)",
    )
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("compare", help="compare two reviews of the same plan (workshop)")
    p.add_argument("a", help="review A (e.g. the safety review)")
    p.add_argument("b", help="review B (e.g. the cohesion review)")
    p.add_argument("-o", "--output", help="write the workshop (or revision) report PDF")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--revisions",
        action="store_true",
        help="A and B are reviews of an older and a newer revision of the plan: list what "
        "was resolved, what is new, still open or changed",
    )
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.set_defaults(func=cmd_compare)

    from reviewer.cli_register import add_parser as add_register_parser

    add_register_parser(sub, _Parser)
    p = sub.add_parser("bcf", help="export a review's findings as BCF 2.1 topics (BIM tools)")
    p.add_argument("review")
    p.add_argument("-o", "--output", required=True, help="the .bcf file to write")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_bcf)

    p = sub.add_parser(
        "bcf-replies",
        help="read the architect's replies from a BCF file a BIM tool wrote back, as a new review",
    )
    p.add_argument("review")
    p.add_argument("bcf", help="the BCF 2.1 file with the replies")
    p.add_argument("-o", "--output", required=True, help="the new .review file")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_bcf_replies)
    return parser


def _scope_arguments(p: argparse.ArgumentParser) -> None:
    from reviewer.domain.plan import PlanType, Stage

    # choices by value, so that a wrong one is named with the list to choose from
    p.add_argument(
        "--type",
        choices=[t.value for t in PlanType],
        help="plan type (decides which criteria apply)",
    )
    p.add_argument(
        "--stage",
        choices=[s.value for s in Stage],
        help="design stage (decides which criteria apply)",
    )


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reviewer",
        description="Safety & Cohesion Reviewer. Without a command, opens the desktop app. "
        "Commands: validate, summary, new, upgrade, next-stage, report, verify, compare, bcf, "
        "bcf-replies, register "
        "(reviewer COMMAND --help).",
    )
    parser.add_argument("file", nargs="?", help="a .review file to open")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window and exit")
    parser.add_argument(
        "--view", choices=("criterion", "plan", "summary", "drawings", "workshop"), default=None
    )
    parser.add_argument("--lang", choices=("nl", "en"), default=None)
    parser.set_defaults(func=cmd_gui)
    return parser


SUBCOMMANDS = (
    "validate",
    "summary",
    "new",
    "upgrade",
    "next-stage",
    "report",
    "verify",
    "compare",
    "bcf",
    "bcf-replies",
    "register",
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _command_parser() if argv and argv[0] in SUBCOMMANDS else _gui_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the expected ones are one line on stderr, exit status 2
        # imported only now: the window starts without YAML and the report's errors
        from reviewer.domain.checklist import ChecklistError
        from reviewer.domain.profile import ProfileError
        from reviewer.report.errors import ReportError
        from reviewer.storage.container import DocumentFileError
        from reviewer.storage.yamlfile import PlanFileError

        if isinstance(exc, ChecklistError | ProfileError):
            message = exc.problems[0]
        elif isinstance(exc, CliError | DocumentFileError | PlanFileError | ReportError):
            message = str(exc)
        elif type(exc).__module__.startswith(("reviewer.storage.register", "reviewer.cli_")):
            message = str(exc)  # RegisterError and its kinds, RegisterCliError
        elif isinstance(exc, OSError):
            name = f" {exc.filename}" if exc.filename else ""
            print(terminal_safe(f"reviewer:{name} {exc.strerror or exc}"), file=sys.stderr)
            return EXIT_ERROR
        else:
            raise
        print(terminal_safe(f"reviewer: {message}"), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
