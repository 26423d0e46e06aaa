"""Procedure definitions, loading: a YAML text read into a :class:`.schema.Definition`, each part
checked as it is read (:mod:`.reader`), then the cross-references (:mod:`.checks`). The portal
never starts with half a procedure. A little over 400 lines: one reader per key of a definition, in
the order docs/procedures.md describes them (the documents' keys are in :mod:`.loading_documents`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .checks import check_references
from .communs import expand
from .conditions import ConditionError, parse
from .loading_documents import read_attestation, read_confirmation, read_liste
from .reader import _Reader
from .schema import (
    ADDRESS_PARTS,
    BLOC_CLASSES,
    BUTTONS,
    CONFIRMATION_KEYS,
    CONTEXTE_SOURCES,
    DISPLAY_TYPES,
    FIELD_TYPES,
    IDENTITE_KEYS,
    MAX_TEXT,
    OPTION_SOURCES,
    PREAMBULE_BOUTONS,
    PREFILL_SOURCES,
    RECAPITULATIF_LIBELLES,
    STEP_TYPES,
    TEXTES_KEYS,
    Bloc,
    Bloquant,
    Cas,
    Champ,
    ChampDate,
    Contenu,
    Definition,
    EtapePreambule,
    Justificatif,
    Option,
    Partie,
    Preambule,
    Section,
    Step,
)


def _options(r: _Reader) -> tuple[Option, ...]:
    options = []
    for i, raw in enumerate(r.items("options", required=False)):
        if isinstance(raw, str):
            options.append(Option(valeur=raw, libelle=raw))
            continue
        o = r.child(raw, f"options[{i}]")
        o.known("valeur", "libelle", "recapitulatif", "simulee")
        options.append(Option(
            valeur=o.text("valeur"), libelle=o.text("libelle"),
            recapitulatif=o.text("recapitulatif", required=False) or None,
            simulee=o.data.get("simulee", True) is not False,
        ))
    if len({o.valeur for o in options}) != len(options):
        r.fail("deux options ont la même valeur")
    return tuple(options)


_BLOC_KEYS = ("id", "type", "label", "texte", "requis", "when", "options", "source", "multiple", "ajouter",
              "annee_seule", "pas_futur", "apres", "longueur_max", "parties", "outre_mer", "important",
              "justificatif", "champs", "element", "retirer", "maximum", "prefill", "lecture_seule", "lecture_seule_si_renseigne", "document",
              "identite", "bouton", "erreur", "a_confirmer", "controles")


def _make(kind: str, values: dict[str, Any]) -> Bloc:
    """The bloc of the class of its type (schema.BLOC_CLASSES); `values` hold that kind's attributes."""
    return BLOC_CLASSES.get(kind, Champ)(**values)


def _field(r: _Reader, *, in_group: bool) -> Champ:
    bloc = _bloc(r, in_group=in_group)
    if not isinstance(bloc, Champ):
        r.fail(f"type « {bloc.type} » : un groupe ne contient que des champs")
    return bloc


def _bloc(r: _Reader, *, in_group: bool = False) -> Bloc:
    r.known(*_BLOC_KEYS)
    kind = r.text("type")
    if kind not in FIELD_TYPES | DISPLAY_TYPES:
        r.fail(f"type « {kind} » inconnu (types : {', '.join(sorted(FIELD_TYPES | DISPLAY_TYPES))})")
    values: dict[str, Any] = {"type": kind, "when": r.condition()}
    if kind in DISPLAY_TYPES:
        if kind == "justificatif":
            values["justificatif"] = r.text("justificatif")
        elif kind == "lien_document":
            values.update(texte=r.text("texte"), document=r.text("document"))
        else:
            values["texte"] = r.text("texte")
            values["important"] = r.flag("important")
        return _make(kind, values)
    field_id = r.text("id")
    if not field_id.isidentifier():
        r.fail(f"id « {field_id} » : lettres, chiffres et _ seulement")
    values.update(id=field_id, label=r.text("label", required=kind != "groupe"), requis=r.flag("requis"),
                  multiple=r.flag("multiple"), ajouter=r.text("ajouter", required=False) or None,
                  longueur_max=r.integer("longueur_max", MAX_TEXT))
    if kind == "date":
        values.update(annee_seule=r.flag("annee_seule"), pas_futur=r.flag("pas_futur"))
    elif "annee_seule" in r.data or "pas_futur" in r.data:
        r.fail("« annee_seule » et « pas_futur » ne s'appliquent qu'à une date")
    if values["multiple"] and not values["ajouter"]:
        r.fail("un champ « multiple » a besoin du libellé « ajouter »")
    if values["multiple"] and kind not in ("texte", "selection"):
        r.fail("seuls les champs texte et selection peuvent être « multiple »")
    values["prefill"] = prefill = r.text("prefill", required=False) or None
    values["lecture_seule"] = r.flag("lecture_seule")
    values["lecture_seule_si_renseigne"] = r.flag("lecture_seule_si_renseigne")
    if values["lecture_seule_si_renseigne"] and (prefill is None or values["lecture_seule"]):
        r.fail("« lecture_seule_si_renseigne » a besoin de « prefill » et exclut « lecture_seule »")
    if prefill is not None:
        if prefill not in PREFILL_SOURCES:
            r.fail(f"prefill « {prefill} » inconnu (sources : {', '.join(sorted(PREFILL_SOURCES))})")
        if kind not in PREFILL_SOURCES[prefill]:
            r.fail(f"prefill « {prefill} » ne remplit pas un champ « {kind} » "
                   f"(types : {', '.join(sorted(PREFILL_SOURCES[prefill]))})")
        if in_group:
            r.fail("un champ de groupe ne peut pas être pré-rempli")
    if values["lecture_seule"] and prefill is None:
        r.fail("un champ « lecture_seule » a besoin de « prefill » (d'où vient sa valeur ?)")
    if kind in ("choix", "selection"):
        values["options"] = _options(r)
        source = r.data.get("source")
        if source is not None and source not in OPTION_SOURCES:
            r.fail(f"source « {source} » inconnue (sources : {', '.join(sorted(OPTION_SOURCES))})")
        if source is not None and values["options"]:
            r.fail("« options » et « source » s'excluent")
        if source is None and not values["options"]:
            r.fail("un champ à choix a besoin d'« options » ou d'une « source »")
        if kind == "choix" and source is not None:
            r.fail("un champ « choix » (boutons radio) ne prend pas de « source »")
        values["source"] = source
    controles = []
    for i, item in enumerate(r.data.get("controles") or []):
        c = r.child(item, f"controles[{i}]")
        c.known("when", "message")
        cond = c.condition()
        if cond is None:
            c.fail("un contrôle a besoin de « when »")
        controles.append((cond, c.text("message")))
    values["controles"] = tuple(controles)
    if "apres" in r.data:
        a = r.child(r.data["apres"], "apres")
        a.known("champ", "message")
        values["apres"] = (a.text("champ"), a.text("message"))
        if kind != "date":
            r.fail("« apres » ne s'applique qu'à une date")
    if kind == "adresse":
        p = r.child(r.data.get("parties"), "parties")
        p.known(*ADDRESS_PARTS)
        values["parties"] = tuple((name, p.text(name)) for name in ADDRESS_PARTS)
        values["outre_mer"] = r.text("outre_mer", required=False) or None
    if kind == "confirmation_identite":
        if in_group or values["multiple"]:
            r.fail("une confirmation d'identité n'est ni dans un groupe ni « multiple »")
        m = r.child(r.data.get("identite"), "identite")
        m.known(*CONFIRMATION_KEYS)
        if "numero_etranger" not in m.data or len(m.data) < 2:
            m.fail("« numero_etranger » et au moins un élément d'identité (nom, date_naissance…) sont obligatoires")
        values.update(identite=tuple((key, m.text(key)) for key in CONFIRMATION_KEYS if key in m.data),
                      bouton=r.text("bouton"), texte=r.text("texte"), erreur=r.text("erreur"),
                      a_confirmer=r.text("a_confirmer", required=values["requis"]))
    elif any(key in r.data for key in ("identite", "bouton", "erreur", "a_confirmer")):
        r.fail("« identite », « bouton », « erreur » et « a_confirmer » ne s'emploient qu'avec « type: confirmation_identite »")
    if kind == "groupe":
        if in_group:
            r.fail("un groupe ne peut pas contenir de groupe")
        values["element"] = r.text("element")
        values["ajouter"] = r.text("ajouter")
        values["retirer"] = r.text("retirer", required=False) or None
        values["maximum"] = r.integer("maximum", 10)
        champs = tuple(_field(r.child(c, f"champs[{i}]"), in_group=True) for i, c in enumerate(r.items("champs")))
        ids = [c.id for c in champs if c.id]
        if len(ids) != len(set(ids)):
            r.fail("deux champs du groupe ont le même id")
        if any(c.type in ("adresse", "email_compte") or (isinstance(c, ChampDate) and c.apres) for c in champs):
            r.fail("un groupe ne contient ni adresse, ni email, ni contrainte « apres »")
        values["champs"] = champs
    return _make(kind, values)


def _contenu(r: _Reader, titre: str) -> Contenu:
    parts: list[str | tuple[str, ...]] = []
    for i, item in enumerate(r.items("contenu", required=False)):
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list) and all(isinstance(x, str) for x in item):
            parts.append(tuple(item))
        else:
            r.fail(f"contenu[{i}] : un paragraphe (texte) ou une liste de textes est attendu")
    return Contenu(titre=titre, parties=tuple(parts))


def _justificatif(r: _Reader) -> Justificatif:
    r.known("id", "type", "titre", "contenu", "label", "requis", "when", "cas", "annexe", "condition_annexe",
            "hors_liste", "hors_etape")
    kind = r.text("type", required=False, default="fichiers")
    if kind not in ("fichiers", "ephoto"):
        r.fail(f"type « {kind} » inconnu (fichiers ou ephoto)")
    page = _contenu(r, r.text("titre"))
    annexe = page
    if "annexe" in r.data:
        a = r.child(r.data["annexe"], "annexe")
        a.known("titre", "contenu")
        annexe = Contenu(titre=a.text("titre", required=False, default=page.titre),
                         parties=_contenu(a, "").parties if "contenu" in a.data else page.parties)
    return Justificatif(
        id=r.text("id"), type=kind, page=page, annexe=annexe, requis=r.flag("requis"), when=r.condition(),
        cas=r.text("cas", required=False) or None, label=r.text("label", required=kind == "ephoto"),
        condition_annexe=r.text("condition_annexe", required=False) or None,
        hors_liste=r.flag("hors_liste"), hors_etape=r.flag("hors_etape"),
    )


def _section(r: _Reader) -> Section:
    r.known("titre", "obligatoires", "intro", "blocs")
    blocs = tuple(_bloc(r.child(b, f"blocs[{i}]")) for i, b in enumerate(r.items("blocs", required=False)))
    return Section(titre=r.text("titre", required=False) or None, obligatoires=r.flag("obligatoires"),
                   intro=tuple(str(x) for x in r.items("intro", required=False)), blocs=blocs)


def _step(r: _Reader) -> Step:
    r.known("id", "titre", "when", "intro", "intro_procedure", "recapitulatif", "progression",
            "documents_a_fournir", "boutons", "depot", "confirmation", "sections", "bloquant", "bloquants", "type", "parties", "libelles")
    kind = r.text("type", required=False, default="saisie")
    if kind not in STEP_TYPES:
        r.fail(f"type « {kind} » inconnu (types d'étape : {', '.join(sorted(STEP_TYPES))})")
    parties: list[Partie] = []
    libelles: tuple[tuple[str, str], ...] = ()
    if kind == "recapitulatif":
        for i, raw in enumerate(r.items("parties")):
            part = r.child(raw, f"parties[{i}]")
            part.known("etape", "titre")
            parties.append(Partie(etape=part.text("etape"), titre=part.text("titre")))
        if not parties:
            r.fail("un récapitulatif a au moins une partie")
        lib = r.child(r.data.get("libelles"), "libelles")
        lib.known(*RECAPITULATIF_LIBELLES)
        libelles = tuple((key, lib.text(key)) for key in RECAPITULATIF_LIBELLES)
    elif "parties" in r.data or "libelles" in r.data:
        r.fail("« parties » et « libelles » ne s'emploient qu'avec « type: recapitulatif »")
    progression = None
    if "progression" in r.data:
        p = r.child(r.data["progression"], "progression")
        p.known("pourcentage", "minutes")
        percent = p.integer("pourcentage")
        if percent is None or percent > 100:
            p.fail("« pourcentage » entre 0 et 100 est obligatoire")
        progression = (percent, p.integer("minutes"))
    boutons = tuple(str(b) for b in r.items("boutons", required=False))
    unknown = set(boutons) - BUTTONS
    if unknown:
        r.fail(f"bouton(s) inconnu(s) : {', '.join(sorted(unknown))} (boutons : {', '.join(sorted(BUTTONS))})")
    step_id = r.text("id")
    return Step(
        id=step_id, titre=r.text("titre"), when=r.condition(),
        sections=tuple(_section(r.child(s, f"sections[{i}]")) for i, s in enumerate(r.items("sections"))),
        intro=tuple(str(x) for x in r.items("intro", required=False)), intro_procedure=r.flag("intro_procedure"),
        recapitulatif=r.flag("recapitulatif"), progression=progression,
        documents_a_fournir=r.flag("documents_a_fournir"), boutons=boutons, depot=r.flag("depot"),
        confirmation=r.flag("confirmation"),
        bloquant=_bloquant(r.child(r.data["bloquant"], "bloquant")) if "bloquant" in r.data else None,
        bloquants=tuple(_bloquant(r.child(b, f"bloquants[{i}]")) for i, b in enumerate(r.items("bloquants", required=False))),
        type=kind, parties=tuple(parties), libelles=libelles,
    )


def _bloquant(r: _Reader) -> Bloquant:
    r.known("when", "titre", "texte", "modifier", "abandonner")
    when = r.condition()
    if when is None:
        r.fail("« when » est obligatoire")
    texte = r.data.get("texte")
    paragraphs = tuple(str(x) for x in texte) if isinstance(texte, list) else (r.text("texte"),)
    return Bloquant(when=when, titre=r.text("titre"), texte=paragraphs,
                    modifier=r.text("modifier"), abandonner=r.text("abandonner"))


def _preambule(r: _Reader) -> Preambule:
    r.known("titre", "intro", "avant", "etapes_titre", "etapes", "info", "joindre_titre", "joindre", "liste",
            "bouton", "alerte", "boutons")

    def texts(key: str) -> tuple[str, ...]:
        items = r.items(key, required=False)
        if not all(isinstance(x, str) for x in items):
            r.fail(f"« {key} » : une liste de textes est attendue")
        return tuple(items)

    etapes = []
    for i, raw in enumerate(r.items("etapes", required=False)):
        e = r.child(raw, f"etapes[{i}]")
        e.known("titre", "texte")
        etapes.append(EtapePreambule(titre=e.text("titre"), texte=e.text("texte", required=False)))
    return Preambule(
        titre=r.text("titre"), bouton=r.text("bouton"), intro=texts("intro"), avant=texts("avant"),
        etapes_titre=r.text("etapes_titre", required=False), etapes=tuple(etapes),
        info=r.text("info", required=False), joindre_titre=r.text("joindre_titre", required=False),
        joindre=texts("joindre"), liste=r.text("liste", required=False), alerte=r.text("alerte", required=False),
        boutons=_preambule_boutons(r, texts("boutons")),
    )


def _preambule_boutons(r: _Reader, boutons: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [b for b in boutons if b not in PREAMBULE_BOUTONS]
    if unknown:
        r.fail(f"« boutons » : {', '.join(unknown)} inconnu(s) (attendus : {', '.join(PREAMBULE_BOUTONS)})")
    return boutons


def _textes(r: _Reader) -> dict[str, str]:
    """The definition's own wording of shared screen elements (schema.TEXTES_KEYS)."""
    if "textes" not in r.data:
        return {}
    t = r.child(r.data["textes"], "textes")
    if not isinstance(t.data, dict):
        r.fail("« textes » doit être une table clé: texte")
    t.known(*TEXTES_KEYS)
    return {k: t.text(k) for k in t.data}


def load_text(text: str, source: str = "<définition>", communs: dict[str, Any] | None = None) -> Definition:
    """Parse and check one definition; raise DefinitionError naming the place of the first problem.
    `communs`: the shared blocs its ``{commun: nom}`` name (by default procedures/communs.yaml)."""
    data = expand(text, source, communs)
    r = _Reader(data, "", source)
    r.known("id", "guide", "titre", "fil", "acces", "intro", "recapitulatif", "identite", "variables", "cas",
            "justificatifs", "steps", "documents", "preambule", "type_demande", "contexte", "textes")
    contexte = []
    raw_contexte = r.data.get("contexte") or {}
    if not isinstance(raw_contexte, dict):
        r.fail("« contexte » doit être une table nom: source")
    for name, source in raw_contexte.items():
        if not str(name).isidentifier():
            r.fail(f"contexte : nom « {name} » invalide")
        if source not in CONTEXTE_SOURCES:
            r.fail(f"contexte.{name} : source « {source} » inconnue (sources : {', '.join(sorted(CONTEXTE_SOURCES))})")
        contexte.append((str(name), str(source)))
    ident = r.child(r.data.get("identite"), "identite")
    ident.known(*IDENTITE_KEYS)
    acces = r.child(r.data.get("acces"), "acces")
    acces.known("motif", "situation", "renouvellement", "delai_renouvellement")
    delai = None
    if acces.data.get("delai_renouvellement") is not None:
        dr = acces.child(acces.data["delai_renouvellement"], "delai_renouvellement")
        dr.known("mois_avant_fin", "message")
        mois = dr.integer("mois_avant_fin")
        if mois is None or mois < 0:
            dr.fail("« mois_avant_fin » : un nombre de mois")
        if not acces.data.get("renouvellement"):
            dr.fail("un délai de renouvellement sans « renouvellement »")
        delai = (mois, dr.text("message"))
    if not any(acces.data.get(k) for k in ("motif", "situation", "renouvellement")):
        acces.fail("« motif », « situation » ou « renouvellement » : par où l'usager arrive-t-il ?")
    recap = r.child(r.data.get("recapitulatif") or {}, "recapitulatif")  # optional: see checks.check_references
    recap.known("titre", "premiere_demande", "modifier")
    variables = []
    raw_vars = r.data.get("variables") or {}
    if not isinstance(raw_vars, dict):
        r.fail("« variables » doit être une table nom: expression")
    for name, expr in raw_vars.items():
        if not str(name).isidentifier():
            r.fail(f"variables : nom « {name} » invalide")
        try:
            variables.append((str(name), parse(str(expr))))
        except ConditionError as exc:
            r.fail(f"variables.{name} : expression « {expr} » refusée : {exc}")
    cas = []
    for i, raw in enumerate(r.items("cas", required=False)):
        c = r.child(raw, f"cas[{i}]")
        c.known("id", "titre", "when")
        when = c.condition()
        if when is None:
            c.fail("« when » est obligatoire")
        cas.append(Cas(id=c.text("id"), titre=c.text("titre"), when=when))
    justificatifs: dict[str, Justificatif] = {}
    for i, raw in enumerate(r.items("justificatifs", required=False)):
        j = _justificatif(r.child(raw, f"justificatifs[{i}]"))
        if j.id in justificatifs:
            r.fail(f"justificatifs : id « {j.id} » en double")
        justificatifs[j.id] = j
    steps = tuple(_step(r.child(s, f"steps[{i}]")) for i, s in enumerate(r.items("steps")))
    docs = r.child(r.data.get("documents"), "documents")
    docs.known("confirmation_depot", "liste_pieces", "attestations")
    attestations = tuple(read_attestation(docs.child(a, f"attestations[{i}]"))
                         for i, a in enumerate(docs.items("attestations", required=False)))
    if "confirmation_depot" not in docs.data and not attestations:
        docs.fail("« confirmation_depot » ou au moins une attestation : que remet le dépôt ?")
    definition = Definition(
        id=r.text("id"), guide=r.text("guide"), titre=r.text("titre"), fil=r.text("fil"), motif=acces.text("motif", required=False),
        intro=r.text("intro", required=False),
        recapitulatif={k: recap.text(k) for k in ("titre", "premiere_demande", "modifier")} if recap.data else {},
        variables=tuple(variables), cas=tuple(cas), justificatifs=justificatifs, steps=steps,
        confirmation=(read_confirmation(docs.child(docs.data["confirmation_depot"], "confirmation_depot"))
                      if "confirmation_depot" in docs.data else None),
        liste_pieces=read_liste(docs.child(docs.data.get("liste_pieces"), "liste_pieces")),
        identite={k: ident.text(k) for k in IDENTITE_KEYS},
        source=source,
        situation=acces.text("situation", required=False),
        renouvellement=tuple(str(c) for c in acces.items("renouvellement", required=False)),
        delai_renouvellement=delai,
        preambule=_preambule(r.child(r.data["preambule"], "preambule")) if "preambule" in r.data else None,
        type_demande=r.text("type_demande", required=False),
        contexte=tuple(contexte), attestations=attestations, textes=_textes(r),
    )
    check_references(definition, r)
    return definition


def load_file(path: Path) -> Definition:
    return load_text(Path(path).read_text(encoding="utf-8"), source=Path(path).name)
