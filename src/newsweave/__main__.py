"""`python -m newsweave` runs the CLI."""

from newsweave.cli import main

main()
