"""The editor's controllers: each owns one theme of actions and is built with what it needs.

:class:`~planner.tui.app.EditorApp` composes the screen, constructs the
controllers with their explicit dependencies and delegates its ``action_*``
methods to them. Core work that may be slow runs through
:class:`~.background.Background`, the one place that decides which errors are
expected and what happens to the others.
"""
