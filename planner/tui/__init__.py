"""The Textual editor (``planner edit``).

``planner.tui.core`` is the editing core: the document being edited, commands
with do/undo, the command stack, reference impact, recovery. It never imports
Textual and is tested on its own. The widgets and screens around it are thin.
"""

import sys
import traceback


def run_editor(path=None, new_answers=None) -> int:
    """Open the editor on ``path`` (a new chart from a template when it is None or missing, filled from
    ``new_answers`` when the questions of ``planner new`` were asked); its exit code."""
    from .app import EditorApp  # noqa: PLC0415  (Textual only when the editor runs)

    app = EditorApp(path, new_answers=new_answers)
    app.run()
    if app.exit_note:
        print(app.exit_note, file=sys.stderr)
    for error in app.background.unexpected:  # told in the editor as they happened; the details, once it closes
        print("planner edit: an unexpected error (the editor went on; please report it):", file=sys.stderr)
        traceback.print_exception(error, file=sys.stderr)
    return app.return_code or 0
