"""Procedure definitions, the validating reader: one YAML mapping at a time, with the path of the
place for messages ("steps[2].sections[0].blocs[3]"), so a broken definition is refused with a
:class:`DefinitionError` naming the file, the place and the reason."""

from __future__ import annotations

from typing import Any, NoReturn

from .conditions import Condition, ConditionError, parse
from .schema import DefinitionError


class _Reader:
    """Reads one YAML mapping with a path for messages ("steps[2].sections[0].blocs[3]")."""

    def __init__(self, data: Any, where: str, source: str) -> None:
        self.source = source
        self.where = where
        if not isinstance(data, dict):
            self.fail(f"une table (clé: valeur) est attendue, trouvé {type(data).__name__}")
        self.data: dict[str, Any] = data

    def fail(self, message: str) -> NoReturn:
        raise DefinitionError(f"{self.source} : {self.where} : {message}")

    def child(self, data: Any, where: str) -> _Reader:
        return _Reader(data, f"{self.where}.{where}" if self.where else where, self.source)

    def known(self, *keys: str) -> None:
        unknown = set(self.data) - set(keys)
        if unknown:
            self.fail(f"clé(s) inconnue(s) : {', '.join(sorted(unknown))} (attendues : {', '.join(keys)})")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"« {key} » est obligatoire")
            return default
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.fail(f"« {key} » doit être un texte")
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"« {key} » doit valoir true ou false")
        return value

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self.data.get(key, default)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            self.fail(f"« {key} » doit être un entier positif")
        return value

    def items(self, key: str, *, required: bool = True) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"« {key} » est obligatoire")
            return []
        if not isinstance(value, list):
            self.fail(f"« {key} » doit être une liste")
        return value

    def condition(self, key: str = "when") -> Condition | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return parse(str(value))
        except ConditionError as exc:
            self.fail(f"condition « {value} » refusée : {exc}")
        return None  # unreachable
