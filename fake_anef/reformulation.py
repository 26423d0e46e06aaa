"""Two fault modes on the portal's wording (fake_anef/faults.py), to show how the harness judges texts:

- `reformule_derives` rewords every DERIVED text, the simulator's own wording (an entry of texts.py
  marked DERIVED, a string on a line of procedures/*.yaml carrying a `# DERIVED` comment): a
  deployment is free to word those its own way, so against it the harness must only make remarques.
- `texte_guide_modifie` changes one text a guide shows: the harness must fail, naming that guide.

The DERIVED marks are read from the sources' comments, line by line (tokenize for texts.py, the YAML
parser's marks for the definitions), so a reorganised file keeps working as long as each mark stays
on the line of its text. The rewording changes the case of the words (a change of the text for the
harness, which never folds case) and keeps "{placeholders}", so every page, mail and PDF still
renders, and the harness's buttons, found by name whatever the case, can still be pressed.
"""

from __future__ import annotations

import ast
import dataclasses
import io
import re
import tokenize
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from . import texts

REWORD = "reformule_derives"
GUIDE_TEXT = "texte_guide_modifie"
CHOSEN_TEXT = "texte_guide_choisi"  # the text named by ANEF_TEXTE_GUIDE (one mutant per guide text)
# texte_guide_modifie: guide 04 §6 (and 02 §1) "Demande de création de compte bien enregistrée." loses a word.
GUIDE_CHANGE = (("CREATION_ENREGISTREE", "enregistree"), "Demande de création de compte enregistrée.")
# Values that are rules or names, not words shown to a person, even on a DERIVED line.
LOGIC_KEYS = {"when", "si", "condition", "id", "valeur", "value", "cle", "key", "fichier", "variable", "source"}


def reword(text: str) -> str:
    """The same words in another case ("Lues" → "LUES"; an all-capitals text → lower case); the
    "{placeholders}" are kept."""
    parts = re.split(r"(\{[^}]*\})", text)
    words = "".join(p for p in parts if not p.startswith("{"))
    change = str.upper if words != words.upper() else str.lower
    return "".join(p if p.startswith("{") else change(p) for p in parts)


# texts.py ------------------------------------------------------------------------------------------
def _comments(source: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            out[tok.start[0]] = tok.string
    return out


def _span(node: ast.expr, lines: list[str]) -> range:
    """The lines of a value, with a closing line ")," that carries its comment."""
    end = node.end_lineno or node.lineno
    if end < len(lines) and re.match(r"^\s*[)\]]\s*,?\s*(#.*)?$", lines[end]):
        end += 1
    return range(node.lineno, end + 1)


def _strings(node: ast.expr, path: tuple[Any, ...], container: ast.expr | None = None,
             ) -> Iterator[tuple[tuple[Any, ...], ast.Constant, ast.expr | None]]:
    """(path, node, innermost container below the assignment) of each string of a literal, path of
    dict keys and list indexes."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield path, node, container
    elif isinstance(node, ast.Dict):
        for k, v in zip(node.keys, node.values, strict=True):
            if isinstance(k, ast.Constant):
                yield from _strings(v, (*path, k.value), node if path[1:] else None)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for i, v in enumerate(node.elts):
            yield from _strings(v, (*path, i), node if path[1:] else None)


def derived_texts(source: str) -> list[tuple[tuple[Any, ...], str]]:
    """(path from the module, text) of every DERIVED entry of texts.py: a string whose lines carry a
    "DERIVED" comment, or every string of an assignment whose comment above says DERIVED, except
    those whose own comment names a guide. A string without a comment of its own takes the comment
    on the first or last line of the dict or list it is in ("etats": {…,  # guide 01 FAQ 12)."""
    lines = source.splitlines()
    comments = _comments(source)
    out = []
    for stmt in ast.parse(source).body:
        # NAME = value, or NAME: type = value (a table of mixed values is annotated for mypy)
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            continue
        above, n = [], stmt.lineno - 1
        while n >= 1 and lines[n - 1].lstrip().startswith("#"):
            above.append(lines[n - 1])
            n -= 1
        whole = any("DERIVED" in c for c in above)
        for path, node, container in _strings(value, (target.id,)):
            own = " ".join(comments.get(i, "") for i in _span(node, lines)).strip()
            if not own and container is not None:  # the comment of its dict or list's first or last line
                span = _span(container, lines)
                own = " ".join(comments.get(i, "") for i in {span[0], span[-1]})
            if "DERIVED" in own or (whole and "guide" not in own.lower()):
                out.append((path, str(node.value)))
    return out


# procedures/*.yaml ---------------------------------------------------------------------------------
def derived_yaml_strings(text: str) -> list[str]:
    """The strings on the lines of a definition that carry a `# DERIVED` comment: values shown to a
    person (not a rule under a LOGIC_KEYS key), of two words at least (a lone word may be a value
    the rules compare)."""
    marked = {i for i, line in enumerate(text.splitlines()) if re.search(r"#.*\bDERIVED\b", line)}
    out: list[str] = []

    def walk(node: yaml.Node, key: str | None) -> None:
        if isinstance(node, yaml.ScalarNode):
            if (node.tag.endswith(":str") and key not in LOGIC_KEYS and node.end_mark.line in marked
                    and len(node.value.split()) >= 2):
                out.append(node.value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, key)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, k.value if isinstance(k, yaml.ScalarNode) else None)

    root = yaml.compose(text)
    if root is not None:
        walk(root, None)
    return out


def _rewrite(obj: Any, change: Callable[[str], str], seen: set[int]) -> Any:
    """`obj` with each string passed through `change`, in place where the object allows it."""
    if isinstance(obj, str):
        return change(obj)
    if id(obj) in seen or isinstance(obj, (int, float, bool, type(None), bytes)):
        return obj
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            old = getattr(obj, f.name)
            new = _rewrite(old, change, seen)
            if new is not old:
                object.__setattr__(obj, f.name, new)
        return obj
    if isinstance(obj, dict):
        for k in list(obj):
            obj[k] = _rewrite(obj[k], change, seen)
        return obj
    if isinstance(obj, list):
        obj[:] = [_rewrite(x, change, seen) for x in obj]
        return obj
    if isinstance(obj, tuple):
        new = tuple(_rewrite(x, change, seen) for x in obj)
        return obj if all(a is b for a, b in zip(new, obj, strict=False)) else type(obj)(*new) if hasattr(obj, "_fields") else new
    return obj


def altered(text: str) -> str:
    """A guide's text as a careless deployment might show it: its longest word left out (outside
    "{placeholders}"), or, for a single word, in another case (the harness never folds case)."""
    parts = re.split(r"(\{[^}]*\})", text)
    words = [w for p in parts if not p.startswith("{") for w in re.findall(r"[\w’'-]+", p)]
    if len(words) < 2:
        return reword(text)
    longest = max(words, key=len)
    return re.sub(rf"\s*(?<![\w’'-]){re.escape(longest)}(?![\w’'-])", "", text, count=1).strip() or reword(text)


def procedure_sources() -> list[str]:
    folder = files("fake_anef").joinpath("procedures")
    return [e.read_text(encoding="utf-8") for e in sorted(folder.iterdir(), key=lambda e: e.name)
            if e.name.endswith((".yaml", ".yml"))]


_applied: set[str] = set()


def apply(faults: frozenset[str], texte_guide: str = "") -> dict[str, str]:
    """Put the wording faults in place (once per process); returns original → new text.
    `texte_guide`: the text `texte_guide_choisi` alters (ANEF_TEXTE_GUIDE)."""
    changes: dict[str, str] = {}
    if REWORD in faults and REWORD not in _applied:
        _applied.add(REWORD)
        source = Path(texts.__file__).read_text(encoding="utf-8")
        for path, text in derived_texts(source):
            new = reword(text)
            _set_module(path, new)
            changes[text] = new
        table = {s: reword(s) for src in procedure_sources() for s in derived_yaml_strings(src)}
        from .engine import definition  # the definitions, as loaded once at start
        _rewrite(list(definition.bundled()), lambda s: table.get(s, s), set())
        changes.update(table)
    if GUIDE_TEXT in faults and GUIDE_TEXT not in _applied:
        _applied.add(GUIDE_TEXT)
        (name, key), new = GUIDE_CHANGE
        table = getattr(texts, name)
        changes[table[key]] = new
        table[key] = new
    if CHOSEN_TEXT in faults and CHOSEN_TEXT not in _applied:
        if not texte_guide.strip():
            raise ValueError(f"{CHOSEN_TEXT} : ANEF_TEXTE_GUIDE ne nomme aucun texte")
        _applied.add(CHOSEN_TEXT)
        changes.update(alter_everywhere(texte_guide))
    return changes


def alter_everywhere(chosen: str) -> dict[str, str]:
    """Every string of texts.py and of the bundled definitions that holds `chosen`, with `chosen`
    altered (`altered`); returns original → new. Nothing holds it: an error, so a mutant that
    changes nothing is never counted (scripts/mutation.py runs these)."""
    new_text = altered(chosen)
    changes: dict[str, str] = {}

    def change(s: str) -> str:
        if chosen not in s:
            return s
        changes[s] = s.replace(chosen, new_text)
        return changes[s]

    _rewrite_portal(change)
    if not changes:
        raise ValueError(f"texte_guide_choisi : « {chosen} » n'est dans aucun texte du portail")
    return changes


def _rewrite_portal(change: Callable[[str], str]) -> None:
    """Pass every string the portal shows through `change`: the tables of texts.py and the bundled
    definitions (as loaded once at start). The one walk over where the portal holds its texts."""
    for name in [n for n in vars(texts) if n.isupper()]:
        old = getattr(texts, name)
        new = _rewrite(old, change, set())
        if new is not old:
            setattr(texts, name, new)
    from .engine import definition
    _rewrite(list(definition.bundled()), change, set())


def portal_strings() -> list[str]:
    """Every string of texts.py and of the bundled definitions: where `alter_everywhere` looks."""
    found: list[str] = []

    def collect(s: str) -> str:
        found.append(s)
        return s

    _rewrite_portal(collect)
    return found


def _set_module(path: tuple[Any, ...], value: str) -> None:
    name, *rest = path
    if not rest:
        setattr(texts, name, value)
        return
    target = getattr(texts, name)
    for key in rest[:-1]:
        target = target[key]
    target[rest[-1]] = value
