"""Shared blocs: fake_anef/procedures/communs.yaml names the pieces of definition that several
guides show word for word (the address and contact sections, the proof-of-address list, the
attestation de décision favorable…), so each guide sentence is written once.

A definition takes one with a mapping ``{commun: <nom>}`` anywhere a value goes. Other keys beside
``commun`` override the shared mapping's keys where a guide differs (``null`` removes a key). In a
list, a lone ``{commun: <nom>}`` whose bloc is a list is spliced into it (a bloc that is a list of
paragraphs, or of fields). Shared blocs may use other shared blocs. This runs on the YAML data
before the validating reader, so a definition is checked exactly as if written out in full; an
unknown name is refused with the place that names it.
"""

from __future__ import annotations

import copy
import difflib
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from .schema import DefinitionError

# libyaml's parser when PyYAML has it (same constructors, same data): about 9 times faster than
# the pure-Python one, on every portal start and every definition a test loads (fake_anef.recette
# reads the recette with it)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

COMMUNS_FILE = "communs.yaml"
KEY = "commun"


def parse_communs(text: str, source: str = COMMUNS_FILE) -> dict[str, Any]:
    """The named blocs of a communs file (top level: ``blocs: {nom: valeur}``)."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise DefinitionError(f"{source} : YAML illisible : {exc}") from None
    if not isinstance(data, dict) or set(data) != {"blocs"} or not isinstance(data["blocs"], dict):
        raise DefinitionError(f"{source} : une seule clé « blocs » attendue, une table nom: bloc")
    blocs: dict[str, Any] = {}
    for name, value in data["blocs"].items():
        if not isinstance(name, str) or not name.replace("-", "_").isidentifier():
            raise DefinitionError(f"{source} : blocs : nom « {name} » invalide (lettres, chiffres, _ et -)")
        blocs[name] = value
    # Every bloc is resolved once here, so a broken reference inside the shared file is reported
    # against the shared file, whichever definition uses it first.
    for name in blocs:
        resolve(blocs[name], blocs, source, f"blocs.{name}", (name,))
    return blocs


@cache
def bundled_communs() -> dict[str, Any]:
    """The shared blocs shipped beside the definitions (read once)."""
    entry = files("fake_anef").joinpath("procedures").joinpath(COMMUNS_FILE)
    return parse_communs(entry.read_text(encoding="utf-8"))


def expand(text: str, source: str = "<définition>", blocs: dict[str, Any] | None = None) -> Any:
    """A definition's YAML as if written out in full: every shared bloc in place (by default those of
    procedures/communs.yaml). What the reader checks; what a test may change before loading."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        raise DefinitionError(f"{source} : YAML illisible : {exc}") from None
    return resolve(data, bundled_communs() if blocs is None else blocs, source)


def resolve(data: Any, blocs: dict[str, Any], source: str, where: str = "", stack: tuple[str, ...] = ()) -> Any:
    """`data` with every ``{commun: nom}`` replaced by a copy of its bloc (overrides applied)."""
    if isinstance(data, list):
        out: list[Any] = []
        for i, item in enumerate(data):
            here = f"{where}[{i}]"
            if _is_reference(item) and len(item) == 1:
                value = _lookup(item[KEY], blocs, source, here, stack)
                if isinstance(value, list):
                    out.extend(value)
                    continue
                out.append(value)
            else:
                out.append(resolve(item, blocs, source, here, stack))
        return out
    if isinstance(data, dict):
        if _is_reference(data):
            value = _lookup(data[KEY], blocs, source, where, stack)
            overrides = {k: v for k, v in data.items() if k != KEY}
            if not overrides:
                return value
            if not isinstance(value, dict):
                _fail(source, where, f"le bloc commun « {data[KEY]} » n'est pas une table : rien à remplacer")
            for key, override in overrides.items():
                if override is None:
                    value.pop(key, None)
                else:
                    value[key] = resolve(override, blocs, source, f"{where}.{key}", stack)
            return value
        return {k: resolve(v, blocs, source, f"{where}.{k}" if where else str(k), stack) for k, v in data.items()}
    return data


def _is_reference(item: Any) -> bool:
    return isinstance(item, dict) and KEY in item


def _lookup(name: Any, blocs: dict[str, Any], source: str, where: str, stack: tuple[str, ...]) -> Any:
    if not isinstance(name, str) or name not in blocs:
        near = difflib.get_close_matches(str(name), list(blocs), n=3)
        hint = f" (proches : {', '.join(near)})" if near else f" ({COMMUNS_FILE} n'en a pas de ce nom)"
        _fail(source, where, f"bloc commun « {name} » inconnu{hint}")
    if name in stack:
        _fail(source, where, f"bloc commun « {name} » : référence circulaire ({' → '.join((*stack, name))})")
    return resolve(copy.deepcopy(blocs[name]), blocs, COMMUNS_FILE, f"blocs.{name}", (*stack, name))


def _fail(source: str, where: str, message: str) -> None:
    raise DefinitionError(f"{source} : {where or 'racine'} : {message}")
