"""`python -m harness.twoddoc check-pdf FILE`: see cli.py."""

from .cli import run

if __name__ == "__main__":
    run()
