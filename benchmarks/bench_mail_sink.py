"""How long one mailbox poll takes with many stored mails: indexed fields vs re-reading every mail.

    python benchmarks/bench_mail_sink.py [--mails 1000] [--polls 50]

Fills a sink store (SQLite, a temporary folder) with `mails` portal-like mails to distinct
addresses, then times `GET /api/messages?to=…&contains=…` as the harness sends it (through the
API, in process), and the same filter done the former way: parse every stored mail. Figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from email.message import EmailMessage
from pathlib import Path

warnings.filterwarnings("ignore", message="Using .httpx. with .starlette.testclient. is deprecated")
from starlette.testclient import TestClient  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fake_anef.mail.sink import MailStore, _body, create_api, parse  # noqa: E402


def _raw(i: int) -> bytes:
    message = EmailMessage()
    message["From"] = "portail@example.org"
    message["To"] = f"demandeur{i}@example.org"
    message["Subject"] = "Création de votre compte"
    message.set_content(f"Bonjour,\nUn compte d'accès temporaire a été créé (n° {i}).\nMot de passe provisoire : Ab1!{i}")
    message.add_alternative(f"<p>Bonjour,</p><p>Un compte d'accès temporaire a été créé (n° {i}).</p>", subtype="html")
    return bytes(message)


def _ms(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[-1]
    return f"p50 {statistics.median(samples) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--polls", type=int, default=50)
    args = parser.parse_args()
    mails, polls = max(10, min(args.mails, 20000)), max(2, min(args.polls, 500))
    with tempfile.TemporaryDirectory() as folder:
        store = MailStore(f"sqlite:///{Path(folder) / 'mail.db'}")
        for i in range(mails):
            store.add("portail@example.org", [f"demandeur{i}@example.org"], _raw(i))
        client = TestClient(create_api(store))
        api, indexed, reread = [], [], []
        for n in range(polls):
            who = f"demandeur{(n * 7919) % mails}@example.org"
            started = time.perf_counter()
            found = client.get("/api/messages", params={"to": who, "contains": "compte d'accès temporaire"}).json()
            api.append(time.perf_counter() - started)
            assert len(found["messages"]) == 1
            started = time.perf_counter()
            store.find(to=who, contains="compte d'accès temporaire")
            indexed.append(time.perf_counter() - started)
            started = time.perf_counter()
            [m for m in store.find() if who in m.rcpt_tos and "compte d'accès temporaire" in
             (_body(parse(m), "plain") + _body(parse(m), "html")).casefold()]
            reread.append(time.perf_counter() - started)
    print(f"Mail sink, {mails} stored mails, {polls} polls (to + contains)")
    print(f"  GET /api/messages (now)     {_ms(api)}   (in-process HTTP client included)")
    print(f"  indexed fields (now)        {_ms(indexed)}")
    print(f"  re-read every mail (before) {_ms(reread)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
