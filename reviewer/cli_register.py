"""`reviewer register …`: the team register from the command line.

    reviewer register init [--db URL]
    reviewer register use URL                      keep URL as the register (password: keyring)
    reviewer register import DIR [--db URL] [--saved-by NAME]
    reviewer register search TEXT [--json] [--stage S] [--outcome O] [--from D] [--to D]
    reviewer register stats [--from D] [--to D] [--period month|quarter|year] [-o OUT.pdf]
    reviewer register export DOSSIER -o DIR

`--db` names the register (sqlite:///PATH, a file path, or postgresql://USER@HOST/DB);
without it the settings' register is used, by default the SQLite file in the user's data
folder. A server's password comes from the URL, REVIEWER_DB_PASSWORD, the system keyring,
or is asked at a terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any


class RegisterCliError(Exception):
    """One line for the user (cli.main prints it)."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def open_register(args: argparse.Namespace, *, upgrade: bool = True) -> Any:
    from reviewer.storage.register import Register
    from reviewer.storage.register.database import needs_password, parse_url, shown_url
    from reviewer.storage.register.settings import find_password, load_url

    url = parse_url(args.db or load_url())
    password = find_password(url)
    if password is None and needs_password(url) and sys.stdin.isatty():
        password = getpass.getpass(f"Password for {shown_url(url)}: ")
    return Register.open(url, password=password, upgrade=upgrade)


def cmd_init(args: argparse.Namespace) -> int:
    from reviewer.storage.register.database import head_revision

    with open_register(args) as register:
        counts = register.counts()
        print(
            f"register ready: {register.shown_url} (schema {head_revision()}; "
            f"{counts['dossiers']} dossiers, {counts['documents']} documents)"
        )
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    from reviewer.storage.register import Register
    from reviewer.storage.register.database import needs_password, parse_url, shown_url
    from reviewer.storage.register.settings import save_url, store_password

    url = parse_url(args.url)
    password = url.password
    if password is None and needs_password(url) and args.password:
        password = getpass.getpass(f"Password for {shown_url(url)}: ")
    if password is not None:
        store_password(url, password)  # refused before anything is saved when no keyring
    with Register.open(url, password=password):
        pass  # reachable, and its schema this app's
    stored, _ = save_url(args.url)
    print(f"the register is now {shown_url(stored)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from reviewer.cli import terminal_safe
    from reviewer.storage.register import document_files, import_files

    folder = Path(args.folder)
    if not folder.is_dir():
        raise RegisterCliError(f"{folder}: not a folder")
    files = document_files(folder)
    if not files:
        raise RegisterCliError(f"{folder}: no .review or .workshop files in it")

    def progress(i: int, path: Path) -> None:
        if i and i % 100 == 0:
            print(f"  {i}/{len(files)}", file=sys.stderr)

    with open_register(args) as register:
        result = import_files(register, files, saved_by=args.saved_by, progress=progress)
    for path, message in result.failed:
        print(terminal_safe(f"reviewer: {path}: {message}"), file=sys.stderr)
    print(f"imported {len(result.imported)} of {len(files)} files into {register.shown_url}")
    return 1 if result.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    from reviewer.cli import print_json, terminal_safe

    with open_register(args) as register:
        hits = register.search(
            " ".join(args.text),
            stage=args.stage,
            outcome=args.outcome,
            municipality=args.municipality,
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )
    if args.json:
        print_json([h.as_json() for h in hits])
        return 0
    for h in hits:
        when = h.doc_date.isoformat() if h.doc_date else "----------"
        line = (
            f"{when}  {h.kind:8}  {h.stage or '-':18}  {h.outcome or '-':11}  "
            f"{h.plan_name} · {h.address} · {h.municipality}  [{h.adviser or '-'}]  "
            f"{h.dossier_id}/{h.document_id} v{h.version}"
        )
        print(terminal_safe(line))
    print(f"{len(hits)} found", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from reviewer.cli import print_json

    with open_register(args) as register:
        stats = register.statistics(args.date_from, args.date_to, period=args.period, top=args.top)
        name = register.shown_url
    if args.output:
        from reviewer.report.register_stats import statistics_pdf
        from reviewer.storage.container import atomic_write

        atomic_write(Path(args.output), statistics_pdf(stats, args.lang, name))
        print(f"wrote {args.output}")
    if args.json:
        print_json(stats.as_json())
    elif not args.output:
        from reviewer.cli import terminal_safe

        print(f"{stats.reviews} reviews")
        for period, counts in stats.by_period().items():
            print(f"  {period}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for f in stats.failing:
            print(terminal_safe(f"  {f.fails:5}/{f.assessed:<5} {f.criterion_id} {f.title_en}"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        found = register.find_dossiers(args.dossier)
        if not found:
            raise RegisterCliError(f"no dossier {args.dossier!r} in {register.shown_url}")
        if len(found) > 1:
            raise RegisterCliError(
                f"{args.dossier!r} names {len(found)} dossiers; give one id: {', '.join(found)}"
            )
        written = register.export_dossier(found[0], Path(args.output))
    for path in written:
        print(path)
    return 0


def add_parser(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    from reviewer.domain.checklist import OutcomeResult
    from reviewer.domain.plan import Stage
    from reviewer.domain.statistics import PERIODS

    reg = sub.add_parser("register", help="the team register: init, import, search, stats, export")
    rsub = reg.add_subparsers(dest="register_command", required=True, parser_class=parser_class)

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help="the register: sqlite:///PATH, a file, or postgresql://USER@HOST[:PORT]/DB "
            "(default: the settings' register, or the SQLite file in the user's data folder)",
        )

    p = rsub.add_parser("init", help="create the register, or bring its schema up to date")
    db(p)
    p.set_defaults(func=cmd_init)

    p = rsub.add_parser("use", help="keep URL as the register in the settings")
    p.add_argument("url")
    p.add_argument(
        "--password",
        action="store_true",
        help="ask for the server's password and keep it in the system keyring",
    )
    p.set_defaults(func=cmd_use)

    p = rsub.add_parser("import", help="import every .review and .workshop file under DIR")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--saved-by", help="the name saved with each document (default: your login)")
    db(p)
    p.set_defaults(func=cmd_import)

    p = rsub.add_parser("search", help="find reviews by address, municipality, plan name, …")
    p.add_argument("text", nargs="*", help="words that must all occur (case and accents ignored)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--outcome", choices=[o.value for o in OutcomeResult])
    p.add_argument("--municipality")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=200)
    db(p)
    p.set_defaults(func=cmd_search)

    p = rsub.add_parser("stats", help="outcomes per period and municipality, criteria failed")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--period", choices=PERIODS, default="quarter")
    p.add_argument("--top", type=int, default=15, help="how many failing criteria")
    p.add_argument("-o", "--output", metavar="OUT.pdf", help="write the overview as a PDF")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    db(p)
    p.set_defaults(func=cmd_stats)

    p = rsub.add_parser("export", help="write a dossier's documents as files")
    p.add_argument("dossier", help="dossier id, a document id, the reference or the plan name")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    db(p)
    p.set_defaults(func=cmd_export)
