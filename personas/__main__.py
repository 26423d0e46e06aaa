"""``python -m personas``: see :mod:`personas.demo`."""

from personas.demo import main

raise SystemExit(main())
