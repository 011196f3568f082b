"""``python -m planner`` runs the command line."""

from .cli import main

main()
