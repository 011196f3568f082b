"""The Textual editor (``planner edit``).

``planner.tui.core`` is the editing core: the document being edited, commands
with do/undo, the command stack, reference impact, recovery. It never imports
Textual and is tested on its own. The widgets and screens around it are thin.
"""


def run_editor(path=None) -> None:
    """Open the editor on ``path`` (a new chart from a template when it is None or missing)."""
    from .app import EditorApp  # noqa: PLC0415  (Textual only when the editor runs)

    EditorApp(path).run()
