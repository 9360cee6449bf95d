"""``python -m dcity_docs`` runs the command line."""

from dcity_docs.cli import main

main()
