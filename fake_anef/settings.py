"""Configuration from the environment (Starlette's habit): one place, read once at start."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() not in {"0", "false", "off", "non", "no"}


@dataclass(frozen=True)
class Settings:
    """Everything the portal needs to start; every value has a safe local default."""

    data_dir: Path = Path("var")
    database_url: str = ""
    base_url: str = "http://127.0.0.1:8000"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    mail_from: str = "ne-pas-repondre@anef-simulateur.test"
    operator_api: bool = True
    seed_file: Path | None = None
    # Rules broken on purpose (ANEF_FAULTS="a,b"), to show that the harness's checks fail when they
    # should; see fake_anef/faults.py. Empty in normal use.
    faults: frozenset[str] = frozenset()
    texte_guide: str = ""  # ANEF_TEXTE_GUIDE: the text the fault mode texte_guide_choisi alters
    valeur_fausse: str = ""  # ANEF_VALEUR_FAUSSE: the value the fault mode valeur_imprimee_fausse prints wrong
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'anef.db'}"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        data_dir = Path(env.get("ANEF_DATA_DIR", "var"))
        seed = env.get("ANEF_SEED_FILE")
        return cls(
            data_dir=data_dir,
            database_url=env.get("ANEF_DATABASE_URL", ""),
            base_url=env.get("ANEF_BASE_URL", "http://127.0.0.1:8000").rstrip("/"),
            smtp_host=env.get("ANEF_SMTP_HOST", "127.0.0.1"),
            smtp_port=int(env.get("ANEF_SMTP_PORT", "8025")),
            mail_from=env.get("ANEF_MAIL_FROM", "ne-pas-repondre@anef-simulateur.test"),
            operator_api=_flag(env.get("ANEF_OPERATOR_API"), True),
            seed_file=Path(seed) if seed else None,
            faults=frozenset(f.strip() for f in env.get("ANEF_FAULTS", "").split(",") if f.strip()),
            texte_guide=env.get("ANEF_TEXTE_GUIDE", ""),
            valeur_fausse=env.get("ANEF_VALEUR_FAUSSE", ""),
        )
