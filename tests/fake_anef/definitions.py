"""A procedure definition built by a test as data, loaded as the portal loads a file: written out as
YAML (libyaml's writer, ~9 times faster than the pure-Python one) and read back by the engine, so the
reader's checks and messages are the ones under test."""

from __future__ import annotations

from typing import Any

import yaml

from fake_anef.engine.definition import Definition, load_text

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_data(data: dict[str, Any], source: str = "test.yaml") -> Definition:
    return load_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True), source=source)
