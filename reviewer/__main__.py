"""`python -m reviewer`, and the entry of the PyInstaller bundle (packaging/reviewer.spec).

The bundle's executable is also how the app starts its drawing renderer there: with
FROZEN_ARGUMENT first it runs the render worker instead of the command line (see
reviewer/storage/render_process.py). The worker module imports only the standard library,
so it still sets its memory limit before Pillow and pdfium are loaded.
"""

import sys

# the same as reviewer.storage.render_worker.FROZEN_ARGUMENT (tests/packaging keeps them
# equal); written out so that starting the app does not import the worker module
FROZEN_ARGUMENT = "--render-worker"


def run() -> int:
    if sys.argv[1:2] == [FROZEN_ARGUMENT]:
        from reviewer.storage.render_worker import main as render_worker

        render_worker(sys.argv[2:])
        return 0
    from reviewer.cli import main

    return main()


sys.exit(run())
