"""Fixtures for the unit tests of the portal and the harness (no browser)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_anef.mail.sink import MailStore, start_smtp


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mail_store(tmp_path: Path) -> MailStore:
    return MailStore(f"sqlite:///{tmp_path / 'mail.db'}")


@pytest.fixture
def smtp_sink(mail_store: MailStore) -> Iterator[tuple[MailStore, int]]:
    port = free_port()
    controller = start_smtp(mail_store, "127.0.0.1", port)
    yield mail_store, port
    controller.stop()
