"""Modal screens of the editor: pickers, dialogs, forms, reports, help."""
