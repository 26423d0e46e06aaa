"""Understanding a one-line description of an applicant, in the guides' vocabulary.

Why: scenarios read best when they say who files ("une demandeuse de nationalité tunisienne, enfant
d'un père français") rather than how to build her.  :func:`interpreter` turns such a sentence into
the keyword arguments of a :class:`~personas.factory.PersonaFactory` journey constructor;
:func:`construire` calls it.  Anything it cannot place raises ``ValueError`` saying what it did
understand.

Vocabulary: demandeur/demandeuse, un/une, mineur(e), majeur(e), émancipé(e), "de nationalité X" or a
nationality adjective, "enfant d'un père français" / "d'une mère française" / "de Français",
"confié(e) à l'ASE" / "à l'aide sociale à l'enfance", "non éligible" / "après ses 16 ans", "titulaire
d'une carte BPS" / "protection subsidiaire", "réfugié(e)", "membre de famille d'un citoyen
européen" / "d'un Français", "accueillant français|européen", the host's activity, "conjoint",
"partenaire", "concubin", "descendant", "ascendant", "à charge", situations (célibataire, marié(e),
non marié(e), pacsé(e), divorcé(e), veuf/veuve, séparé(e), en concubinage), "avec deux enfants",
"sans enfant", "de 17 ans", "de plus de 21 ans", "renouvellement", "création de compte" (sans numéro
étranger | avec un numéro étranger | avec un titre | avec un visa).  Numbers may be written in words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from personas.countries import tous_les_pays

if TYPE_CHECKING:  # pragma: no cover
    from personas.factory import PersonaFactory
    from personas.model import Demandeur

__all__ = ["interpreter", "construire", "nombre"]

_UNITES = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
           "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_DIZAINES = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _nombres() -> dict[str, int]:
    n = {w: i for i, w in enumerate(_UNITES)}
    n.update({"une": 1, "aucun": 0, "aucune": 0, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19})
    for d, w in _DIZAINES.items():
        n[w] = d
        n[f"{w} et un"] = n[f"{w}-et-un"] = n[f"{w} et une"] = d + 1
        for u in range(2, 10):
            n[f"{w}-{_UNITES[u]}"] = n[f"{w} {_UNITES[u]}"] = d + u
    n["soixante-dix"] = 70
    return n


_NOMBRES = _nombres()
_NOMBRE_RE = "|".join(sorted((re.escape(k) for k in _NOMBRES), key=len, reverse=True))


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("ʼ", "'").lower()
    text = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return re.sub(r"\s+", " ", text).strip()


def nombre(mot: str) -> int:
    """``"deux"`` -> 2, ``"dix-sept"`` -> 17, ``"17"`` -> 17."""
    m = _norm(mot)
    if m.isdigit():
        return int(m)
    if m in _NOMBRES:
        return _NOMBRES[m]
    raise ValueError(f"not a number: {mot!r}")


def _adjectifs() -> list[tuple[str, str, str]]:
    """(normalised adjective, code, sexe) sorted longest first."""
    out = []
    for p in tous_les_pays():
        out.append((_norm(p.nationalite_m), p.code, "M"))
        if p.nationalite_f != p.nationalite_m:
            out.append((_norm(p.nationalite_f), p.code, "F"))
    out.sort(key=lambda t: len(t[0]), reverse=True)
    return out


_MOTS_TIERS = r"(?:pere|mere|parent|accueillant|accueillante|conjoint|conjointe|epoux|epouse|citoyen|citoyenne|ressortissant|ressortissante|hote|partenaire|concubin|concubine)"


def _trouver_nationalite(t: str, compris: dict[str, Any]) -> str | None:
    m = re.search(r"nationalite (?:est )?([a-z' ()-]+?)(?:,|;|\.|$| et | enfant| confie| titulaire| membre| avec| marie| non| pacse| divorce| veu| separe| celibataire| de plus| de moins| de \d| mineur| majeur)", t)
    adjs = _adjectifs()
    if m:
        mot = m.group(1).strip()
        for adj, code, _ in adjs:
            if mot == adj:
                return code
        for adj, code, _ in adjs:
            if mot.split() and mot.split()[0] == adj:
                return code
        raise ValueError(
            f"nationalité inconnue {mot!r}; compris jusqu'ici : {compris}"
        )
    candidats: list[tuple[int, str]] = []
    for adj, code, _ in adjs:
        for hit in re.finditer(rf"(?<![a-z-]){re.escape(adj)}(?![a-z-])", t):
            avant = t[max(0, hit.start() - 30) : hit.start()]
            if re.search(rf"\b{_MOTS_TIERS}\b(?: \w+)?\s*$", avant):
                continue
            if code == "FR" and re.search(r"\bd'(?:un|une)\s*$|\bde\s*$", avant):
                continue
            candidats.append((hit.start(), code))
    return min(candidats)[1] if candidats else None


def interpreter(text: str) -> tuple[str, dict[str, Any]]:
    """Return ``(constructor name, keyword arguments)`` for a description."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty description")
    t = _norm(text)
    compris: dict[str, Any] = {}

    # --- sex -------------------------------------------------------------------------------
    sexe = None
    if re.search(r"\b(demandeuse|ressortissante|mineure|majeure|usagere)\b", t):
        sexe = "F"
    elif re.search(r"\b(demandeur|ressortissant|mineur|majeur|usager)\b", t):
        sexe = "M"
    m = re.match(r"^(un|une)\b", t)
    if sexe is None and m:
        sexe = "F" if m.group(1) == "une" else "M"
    if sexe is None and re.search(r"\b(mariee|pacsee|divorcee|separee|confiee|emancipee|refugiee|veuve)\b", t):
        sexe = "F"
    if sexe:
        compris["sexe"] = sexe

    # --- nationality -----------------------------------------------------------------------
    code = _trouver_nationalite(t, compris)
    if code:
        if code == "FR":
            raise ValueError(f"a French applicant needs no titre de séjour; compris : {compris}")
        compris["nationalite"] = code

    # --- numbers ---------------------------------------------------------------------------
    m = re.search(rf"\bavec ({_NOMBRE_RE}|\d+) enfants?\b", t)
    if m:
        compris["enfants"] = nombre(m.group(1))
    elif re.search(r"\bsans enfants?\b", t):
        compris["enfants"] = 0
    if re.search(r"\b(?:de )?plus de (?:21|vingt[- ]et[- ]un) ans\b", t):
        compris["plus_de_21_ans"] = True
    elif re.search(r"\b(?:de )?moins de (?:21|vingt[- ]et[- ]un) ans\b", t):
        compris["plus_de_21_ans"] = False
    else:
        m = re.search(rf"\b(?:de|age de|agee? de) ({_NOMBRE_RE}|\d+) ans\b", t)
        if m:
            compris["age"] = nombre(m.group(1))

    # --- family situation -----------------------------------------------------------------
    situation = None
    marie = None
    if re.search(r"\b(non|pas) marie(e)?\b", t):
        situation, marie = "Célibataire", False
    elif re.search(r"\bmarie(e)?\b", t):
        situation, marie = "Marié(e)", True
    elif re.search(r"\bpacse(e)?\b", t):
        situation = "Pacsé(e)"
    elif re.search(r"\bdivorce(e)?\b", t):
        situation = "Divorcé(e)"
    elif re.search(r"\bveu(f|ve)\b", t):
        situation = "Veuf(ve)"
    elif re.search(r"\bsepare(e)?\b", t):
        situation = "Séparé(e)"
    elif re.search(r"\bconcubin(e)?\b|\ben concubinage\b", t):
        situation = "Concubin(e)"
    elif re.search(r"\bcelibataire\b", t):
        situation = "Célibataire"
    if situation:
        compris["situation"] = situation

    def _base(*cles: str) -> dict[str, Any]:
        return {k: compris[k] for k in cles if k in compris}

    # --- journey ---------------------------------------------------------------------------
    if re.search(r"\base\b|aide sociale a l'enfance", t):
        if re.search(r"\bemancipe(e)?\b", t):
            cas = 2
        elif re.search(r"\bmineur(e)?\b", t):
            cas = 1
        elif re.search(r"\bmajeur(e)?\b", t):
            cas = 3
        elif "age" in compris:
            cas = 1 if compris["age"] < 18 else 3
        else:
            cas = None
        kwargs = _base("sexe", "nationalite", "age", "situation", "enfants")
        if cas is not None:
            kwargs["cas"] = cas
        if re.search(r"non[- ]eligible|ineligible|apres (?:ses|son|l'age de) (?:16|seize)", t):
            kwargs["eligible"] = False
        return "ase", kwargs

    statut = None
    if re.search(r"\bbps\b|protection subsidiaire", t):
        statut = "BPS"
    elif re.search(r"\brefugie(e)?\b", t):
        statut = "réfugié"
    if statut:
        kwargs = _base("sexe", "nationalite", "enfants")
        kwargs["statut"] = statut
        kwargs["marie"] = bool(marie)
        if situation not in (None, "Célibataire", "Marié(e)"):
            raise ValueError(
                f"BPI journey: only 'marié' or 'non marié' is understood, not {situation!r}; "
                f"compris : {compris}"
            )
        return "bpi", kwargs

    m = re.search(
        r"enfant (?:d'(?:un|une) (pere|mere|parent) francais(?:e)?|de francais(?:e)?|d'(un|une) francais(?:e)?)",
        t,
    )
    if m:
        kwargs = _base("sexe", "nationalite", "situation", "enfants", "plus_de_21_ans", "age")
        if m.group(1) in ("pere", "mere"):
            kwargs["parent"] = "Père" if m.group(1) == "pere" else "Mère"
        elif m.group(2):
            kwargs["parent"] = "Mère" if m.group(2) == "une" else "Père"
        return "enfant_de_francais", kwargs

    if re.search(
        r"membre de (?:la )?famille|accueillant|citoyen(?:ne)? (?:europeen|de l'union|ue)|ressortissant(?:e)? (?:europeen|ue|de l'ue)|famille ue"
        r"|(?:conjoint(?:e)?|epoux|epouse|partenaire|concubin(?:e)?) d'(?:un|une) (?:francais|europeen)",
        t,
    ):
        kwargs = _base("sexe", "nationalite", "enfants")
        francais = re.search(
            r"(?:accueillant(?:e)?|conjoint(?:e)?|epoux|epouse|citoyen(?:ne)?|famille) (?:d'(?:un|une) )?(?:\w+ )?francais(?:e)?\b|\bd'(?:un|une) francais(?:e)?\b",
            t,
        )
        kwargs["accueillant"] = "français" if francais else "européen"
        for motif, activite in (
            (r"\bnon[- ]salarie(e)?\b", "non salarié"),
            (r"cessation", "en cessation involontaire d'activité"),
            (r"\bsalarie(e)?\b", "salarié"),
            (r"\betudiant(e)?\b", "étudiant"),
            (r"\bretraite(e)?\b|\binacti(f|ve)\b", "retraité ou inactif"),
        ):
            if re.search(motif, t):
                kwargs["activite"] = activite
                break
        for motif, lien in (
            (r"\bpartenaire\b|\bpacse(e)?\b", "partenaire enregistré"),
            (r"\bconcubin(e)?\b|concubinage", "concubin"),
            (r"\bconjoint(e)?\b|\bepou(x|se)\b|\bmarie(e)?\b", "conjoint"),
            (r"\bdescendant(e)?\b", "descendant"),
            (r"\bascendant(e)?\b", "ascendant"),
            (r"\ba (?:sa )?charge\b", "personne à charge"),
        ):
            if re.search(motif, t):
                kwargs["lien"] = lien
                break
        if re.search(r"\bavec (?:un )?titre\b|titulaire d'un titre", t) and "accueillant" in t:
            kwargs["accueillant_titre"] = True
        m = re.search(rf"({_NOMBRE_RE}|\d+) mois", t)
        if m and kwargs["accueillant"] == "français":
            kwargs["sejour_autre_etat_mois"] = nombre(m.group(1))
        return "famille_ue", kwargs

    if re.search(r"\brenouvel", t):
        kwargs = _base("sexe", "nationalite")
        if re.search(r"\bvisa\b", t):
            kwargs["kind"] = "visa"
            kwargs["categorie"], kwargs["mention"] = "VLS-TS", "VISITEUR"
        return "renouvellement", kwargs

    if re.search(r"\bcompte\b", t):
        kwargs = _base("sexe", "nationalite")
        if re.search(r"sans numero", t):
            kwargs["kind"] = "sans_numero_etranger"
        elif re.search(r"numero etranger", t):
            kwargs["kind"] = "numero_etranger"
        elif re.search(r"\bvisa\b", t):
            kwargs["kind"] = "visa"
        elif re.search(r"\btitre\b", t):
            kwargs["kind"] = "titre"
        return "compte", kwargs

    raise ValueError(
        f"description non comprise : {text!r}. Compris : {compris or 'rien'}. Parcours reconnus : "
        "enfant d'un père/d'une mère français(e), confié(e) à l'ASE, titulaire d'une carte BPS / "
        "réfugié(e), membre de famille d'un citoyen européen / d'un Français, renouvellement, "
        "création de compte"
    )


def construire(factory: PersonaFactory, text: str) -> Demandeur:
    nom, kwargs = interpreter(text)
    if nom == "ase" and "cas" not in kwargs:
        kwargs["cas"] = factory._rng.choice((1, 2, 3)) if "age" not in kwargs else (
            1 if kwargs["age"] < 18 else 3
        )
    try:
        return getattr(factory, nom)(**kwargs)
    except ValueError as e:
        raise ValueError(f"{text!r} -> {nom}({kwargs}): {e}") from e
