"""The portal does its slow one-off work at start, not while an applicant waits for a page."""

from __future__ import annotations

from pathlib import Path

from fake_anef.engine import definition
from fake_anef.settings import Settings
from fake_anef.web.app import create_app


def test_the_procedure_definitions_are_loaded_when_the_app_is_made(tmp_path: Path) -> None:
    definition.bundled.cache_clear()
    create_app(Settings(data_dir=tmp_path / "portail", base_url="http://testserver"))
    assert definition.bundled.cache_info().currsize == 1  # loaded and checked once, before any request
    assert definition.bundled.cache_info().misses == 1
