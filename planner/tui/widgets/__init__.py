"""Widgets of the editor: navigator, detail form and its field rows, live panel."""
