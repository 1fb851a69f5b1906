"""Measure the scaling table of issue 17: whole commands on plans of N elements.

    .venv/bin/python scripts/scale_table.py [--sizes 100,1000,4000] [--runs 3] [--out DIR]

For each size it writes a plan grown from the courtyard example
(`tests/benchmarks/scaled.py`) and times, as separate processes started the same way:
`reviewer new`, `reviewer summary`, the window opening that review on the plan view with
its longest element table (`tests/benchmarks/app_probe.py`, offscreen) and `reviewer
report`. Each is run `--runs` times; the table gives the fastest and the median
(seconds), as Markdown. `--code DIR` measures another checkout (e.g. the main branch
before a change) with the same plans and probe.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.benchmarks.scaled import write_scaled_plan  # noqa: E402

PROBE = ROOT / "tests" / "benchmarks" / "app_probe.py"


def _run(args: list[str], env: dict[str, str]) -> float:  # run in the measured tree
    start = time.time()
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=env["PYTHONPATH"])
    end = time.time()
    if result.returncode != 0:
        raise SystemExit(
            f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    shown = [x for x in result.stdout.splitlines() if x.startswith("SHOWN")]
    return (float(shown[0].split()[1]) if shown else end) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,4000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", help="folder for the plans, reviews and reports")
    parser.add_argument(
        "--code", default=str(ROOT), help="the source tree to measure (default: this one)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(args.out or tempfile.mkdtemp(prefix="scale-table-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        PYTHONPATH=args.code,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
    )
    py = [sys.executable]
    reviewer = [*py, "-m", "reviewer"]
    _run([*py, str(PROBE), "bare"], env)  # warm-up: bytecode and disk caches
    rows = []
    for size in sizes:
        plan = write_scaled_plan(size, folder / f"p{size}.plan.yaml")
        review = folder / f"p{size}.review"
        commands = {
            "new": [*reviewer, "new", "--plan", str(plan), "--perspective", "safety",
                    "-o", str(review), "--force"],
            "summary": [*reviewer, "summary", str(review)],
            "app": [*py, str(PROBE), "app", str(review)],
            "report": [*reviewer, "report", str(review), "-o", str(folder / f"p{size}.pdf")],
        }  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_run(command, env))
        rows.append((size, times))
        cells = "  ".join(f"{k} {min(v):.2f}" for k, v in times.items())
        print(f"{size:>6,}: {cells}", file=sys.stderr, flush=True)
    print(f"\nfastest / median of {args.runs} runs, seconds\n")
    print("| N elements | `reviewer new` | `reviewer summary` | app open + plan view | "
          "`reviewer report` |")  # fmt: skip
    print("|---|---|---|---|---|")
    for size, times in rows:
        cells = " | ".join(f"{min(v):.2f} / {statistics.median(v):.2f}" for v in times.values())
        print(f"| {size:,} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
