"""Entry point: `python -m fake_anef serve [options]`."""

from .serve import main

main()
