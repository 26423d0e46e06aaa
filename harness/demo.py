"""`anef demo`: the pytest options of a narrated replay (harness.narration), kept apart from the
plugin so the command line can build them before pytest loads (and rewrites) the plugin."""

from __future__ import annotations

JOURNEYS = {  # `anef demo JOURNEY` → the pytest marker selection it replays
    "compte": "compte",
    "enfant_de_francais": "enfant_de_francais",
    "ase": "ase",
    "bpi": "bpi",
    "famille_ue": "famille_ue",
    "instruction": "instruction",
}


def demo_args(argv: list[str]) -> list[str]:
    """`anef demo [JOURNEY] [options]` → the pytest options of a narrated, headed, slowed replay."""
    journey = argv[0] if argv and not argv[0].startswith("-") else "compte"
    rest = argv[1:] if argv and not argv[0].startswith("-") else argv
    if journey not in JOURNEYS:
        raise SystemExit(f"anef demo : parcours inconnu « {journey} » ; au choix : {', '.join(JOURNEYS)}")
    defaults = {"--slowmo": "300", "--pause": "clavier"}
    given = {a.split("=", 1)[0] for a in rest}
    extra = [x for k, v in defaults.items() if k not in given for x in (k, v)]
    # nothing recorded: no failure screenshots, no retry traces, no accessibility report
    return ["-m", JOURNEYS[journey], "--headed", "--narration", "--screenshot=off", "--scenario-retries", "0",
            "--accessibilite", "non", *extra, *rest]
