"""The tiny condition language of procedure definitions.

A condition is one Python-looking expression, e.g. ``situation_familiale in ['Marié(e)', 'Pacsé(e)']``
or ``age >= 21 and not any_in(nationalites, ['DZ', 'TN'])``. It is parsed with :mod:`ast` and every
node is checked against a whitelist; evaluation walks the checked tree with our own interpreter:
nothing is ever passed to ``eval`` or ``compile``. Anything outside the whitelist (attributes,
subscripts, arithmetic, lambdas, comprehensions, unknown functions, keyword arguments) is refused
when the definition is loaded, with the reason.

The same checked tree is also written out as JSON (:meth:`Condition.to_json`) for the few lines of
JavaScript that show or hide a block as the user answers (fake_anef/web/static/demarche.js).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

MAX_LENGTH = 300


class ConditionError(ValueError):
    """A condition that is not in the language; the message says why."""


def _age(value: Any, today: date) -> int | None:
    if not isinstance(value, date):
        return None
    years = today.year - value.year
    if (today.month, today.day) < (value.month, value.day):
        years -= 1
    return years


def _anniversaire(value: Any, years: Any) -> date | None:
    """The `years`-th birthday of a birth date (29 February -> 28 February in common years)."""
    if not isinstance(value, date) or not isinstance(years, int) or isinstance(years, bool):
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def mois_apres(value: Any, months: Any) -> date | None:
    """`value` plus `months` calendar months (31 January + 1 -> 28/29 February)."""
    if not isinstance(value, date) or not isinstance(months, int) or isinstance(months, bool):
        return None
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    for day in (value.day, 30, 29, 28):
        try:
            return value.replace(year=year, month=month + 1, day=min(value.day, day))
        except ValueError:
            continue
    return None


def _premier(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def _any_in(values: Any, candidates: Any) -> bool:
    if not isinstance(values, (list, tuple)):
        values = [values]
    return any(v in candidates for v in values if v is not None)


def _len(value: Any) -> int:
    return len(value) if isinstance(value, (list, tuple, str)) else 0


# name -> (number of arguments, implementation taking (args, today))
FUNCTIONS: dict[str, tuple[int, Callable[[list[Any], date], Any]]] = {
    "age": (1, lambda a, today: _age(a[0], today)),
    "anniversaire": (2, lambda a, today: _anniversaire(a[0], a[1])),
    "mois_apres": (2, lambda a, today: mois_apres(a[0], a[1])),
    "aujourdhui": (0, lambda a, today: today),
    "premier": (1, lambda a, today: _premier(a[0])),
    "any_in": (2, lambda a, today: _any_in(a[0], a[1])),
    "len": (1, lambda a, today: _len(a[0])),
}

_COMPARATORS: dict[type, str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in",
}


@dataclass(frozen=True)
class Condition:
    """A checked expression. ``names`` are the variables it reads (checked against the definition)."""

    source: str
    tree: ast.expr
    names: frozenset[str]

    def evaluate(self, variables: Mapping[str, Any], today: date) -> Any:
        return _Evaluator(variables, today).visit(self.tree)

    def test(self, variables: Mapping[str, Any], today: date) -> bool:
        return bool(self.evaluate(variables, today))

    def to_json(self) -> Any:
        return _to_json(self.tree)


def parse(source: str) -> Condition:
    """Parse and check `source`; raise :class:`ConditionError` with the reason when it is refused."""
    if not isinstance(source, str) or not source.strip():
        raise ConditionError("condition vide")
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"condition trop longue (plus de {MAX_LENGTH} caractères)")
    try:
        module = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ConditionError(f"syntaxe invalide : {exc.msg}") from None
    names: set[str] = set()
    _check(module.body, names)
    return Condition(source=source.strip(), tree=module.body, names=frozenset(names))


def _check(node: ast.AST, names: set[str]) -> None:
    if isinstance(node, ast.BoolOp):
        if not isinstance(node.op, (ast.And, ast.Or)):
            raise ConditionError("opérateur logique non autorisé")
        for value in node.values:
            _check(value, names)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.Not, ast.USub)):
            raise ConditionError(f"opérateur non autorisé : {type(node.op).__name__}")
        _check(node.operand, names)
    elif isinstance(node, ast.Compare):
        for op in node.ops:
            if type(op) not in _COMPARATORS:
                raise ConditionError(f"comparaison non autorisée : {type(op).__name__}")
        _check(node.left, names)
        for comparator in node.comparators:
            _check(comparator, names)
    elif isinstance(node, ast.Name):
        if not node.id.isidentifier() or node.id.startswith("_"):
            raise ConditionError(f"nom non autorisé : {node.id}")
        names.add(node.id)
    elif isinstance(node, ast.Constant):
        if not isinstance(node.value, (str, int, float, bool, type(None))):
            raise ConditionError(f"constante non autorisée : {node.value!r}")
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            if not isinstance(element, ast.Constant):
                raise ConditionError("une liste ne contient que des constantes")
            _check(element, names)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            name = node.func.id if isinstance(node.func, ast.Name) else type(node.func).__name__
            raise ConditionError(f"fonction inconnue : {name} (autorisées : {', '.join(sorted(FUNCTIONS))})")
        if node.keywords:
            raise ConditionError("arguments nommés non autorisés")
        arity = FUNCTIONS[node.func.id][0]
        if len(node.args) != arity:
            raise ConditionError(f"{node.func.id} attend {arity} argument(s)")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise ConditionError("arguments étoilés non autorisés")
            _check(arg, names)
    else:
        raise ConditionError(f"élément non autorisé dans une condition : {type(node).__name__}")


class _Evaluator:
    def __init__(self, variables: Mapping[str, Any], today: date) -> None:
        self.variables = variables
        self.today = today

    def visit(self, node: ast.AST) -> Any:
        if isinstance(node, ast.BoolOp):
            if isinstance(node.op, ast.And):
                return all(self.visit(v) for v in node.values)
            return any(self.visit(v) for v in node.values)
        if isinstance(node, ast.UnaryOp):
            value = self.visit(node.operand)
            if isinstance(node.op, ast.Not):
                return not value
            return -value if isinstance(value, (int, float)) else None
        if isinstance(node, ast.Compare):
            left = self.visit(node.left)
            for op, comparator in zip(node.ops, node.comparators, strict=True):
                right = self.visit(comparator)
                if not _compare(_COMPARATORS[type(op)], left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Name):
            return self.variables.get(node.id)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.visit(e) for e in node.elts]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            _, function = FUNCTIONS[node.func.id]
            return function([self.visit(a) for a in node.args], self.today)
        raise ConditionError(f"élément non autorisé : {type(node).__name__}")  # unreachable once checked


def _compare(op: str, left: Any, right: Any) -> bool:
    if op == "==":
        return bool(left == right)
    if op == "!=":
        return bool(left != right)
    if op in ("in", "not in"):
        inside = isinstance(right, (list, tuple, str)) and left is not None and left in right
        return inside if op == "in" else not inside
    # Ordering: an unanswered value (None) or values of different kinds never satisfy it.
    if left is None or right is None:
        return False
    try:
        if op == "<":
            return bool(left < right)
        if op == "<=":
            return bool(left <= right)
        if op == ">":
            return bool(left > right)
        return bool(left >= right)
    except TypeError:
        return False


def _constant(node: ast.expr) -> Any:
    """A list's item: the checker lets only constants in."""
    if not isinstance(node, ast.Constant):
        raise ConditionError(type(node).__name__)
    return node.value


def _to_json(node: ast.AST) -> Any:
    """The checked tree as nested lists, e.g. ["in", ["name", "x"], ["const", ["a", "b"]]]."""
    if isinstance(node, ast.BoolOp):
        return ["and" if isinstance(node.op, ast.And) else "or", *(_to_json(v) for v in node.values)]
    if isinstance(node, ast.UnaryOp):
        return ["not" if isinstance(node.op, ast.Not) else "neg", _to_json(node.operand)]
    if isinstance(node, ast.Compare):
        parts = [_to_json(node.left)]
        ops = []
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            ops.append(_COMPARATORS[type(op)])
            parts.append(_to_json(comparator))
        return ["compare", ops, parts]
    if isinstance(node, ast.Name):
        return ["name", node.id]
    if isinstance(node, ast.Constant):
        return ["const", node.value]
    if isinstance(node, (ast.List, ast.Tuple)):
        return ["const", [_constant(e) for e in node.elts]]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return ["call", node.func.id, [_to_json(a) for a in node.args]]
    raise ConditionError(type(node).__name__)
