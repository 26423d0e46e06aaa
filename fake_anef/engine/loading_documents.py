"""Procedure definitions, loading the documents: the confirmation de dépôt, the attestations and
their 2D-DOC, the liste des pièces (docs/procedures.md, "Documents")."""

from __future__ import annotations

from ..documents.twoddoc import FIELD_SPECS, MANDATORY_TYPE_13
from .reader import _Reader
from .schema import EMISSIONS
from .schema_documents import (
    Attestation,
    Confirmation,
    DeuxDDoc,
    Groupe,
    Ligne,
    ListePieces,
    Paragraphe,
    Rubrique,
    TitreDelivre,
)


def _lignes(r: _Reader, key: str) -> tuple[Ligne, ...]:
    out = []
    for i, raw in enumerate(r.items(key)):
        line = r.child(raw, f"{key}[{i}]")
        line.known("libelle", "valeur", "majuscules", "omise_si_vide")
        out.append(Ligne(libelle=line.text("libelle"), valeur=line.text("valeur"), majuscules=line.flag("majuscules"),
                         omise_si_vide=line.flag("omise_si_vide")))
    return tuple(out)


def _paragraphes(r: _Reader, key: str, *, required: bool = True) -> tuple[Paragraphe, ...]:
    out = []
    for i, raw in enumerate(r.items(key, required=required)):
        p = r.child(raw, f"{key}[{i}]")
        p.known("texte", "gras", "when")
        out.append(Paragraphe(texte=p.text("texte"), gras=p.flag("gras"), when=p.condition()))
    return tuple(out)


def read_confirmation(r: _Reader) -> Confirmation:
    r.known("fichier", "titre", "references", "lignes", "paragraphes")
    refs = r.child(r.data.get("references"), "references")
    refs.known("titre", "lignes")
    return Confirmation(fichier=r.text("fichier"), titre=r.text("titre"), references_titre=refs.text("titre"),
                        references=_lignes(refs, "lignes"), lignes=_lignes(r, "lignes"),
                        paragraphes=_paragraphes(r, "paragraphes"))


def _deux_d_doc(r: _Reader) -> DeuxDDoc:
    r.known("type_document", "perimetre", "pays", "champs")
    raw = r.data.get("champs")
    if not isinstance(raw, dict) or not raw:
        r.fail("« champs » : une table identifiant: valeur est attendue")
    champs = []
    for identifier, value in raw.items():
        identifier = str(identifier).upper()
        if identifier not in FIELD_SPECS:
            r.fail(f"champs : identifiant 2D-DOC « {identifier} » inconnu")
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            r.fail(f"champs.{identifier} : un texte est attendu")
        champs.append((identifier, str(value)))
    code = DeuxDDoc(type_document=r.text("type_document"), perimetre=r.text("perimetre"), pays=r.text("pays"),
                    champs=tuple(champs))
    if code.type_document == "13":
        missing = sorted(MANDATORY_TYPE_13 - {i for i, _ in champs})
        if missing:
            r.fail(f"champs : un 2D-DOC de type 13 doit porter {', '.join(missing)} (§8.5)")
    return code


def read_attestation(r: _Reader) -> Attestation:
    r.known("id", "fichier", "lien", "courriel", "titre", "references", "statut", "lignes", "paragraphes",
            "validite_mois", "deux_d_doc", "emise", "titres")
    emise = r.text("emise", required=False) or "depot"
    if emise not in EMISSIONS:
        r.fail(f"emise : « {emise} » inconnu ({', '.join(EMISSIONS)})")
    titres = []
    for i, raw in enumerate(r.items("titres", required=False)):
        t = r.child(raw, f"titres[{i}]")
        t.known("nature", "mention", "when")
        titres.append(TitreDelivre(nature=t.text("nature"), mention=t.text("mention"), when=t.condition()))
    if emise == "decision" and not titres:
        r.fail("titres : une attestation émise à la décision dit quel titre est délivré")
    if emise == "instruction" and not r.text("lien", required=False):
        r.fail("lien : une attestation délivrée pendant l'instruction est nommée par sa notification (« lien »)")
    if emise != "depot" and r.data.get("courriel"):
        r.fail("courriel : une attestation émise après le dépôt est remise par sa notification, pas au dépôt")
    refs = r.child(r.data.get("references"), "references")
    refs.known("titre", "lignes")
    titre = r.data.get("titre")
    lines = tuple(str(x) for x in titre) if isinstance(titre, list) else (r.text("titre"),)
    return Attestation(
        id=r.text("id"), fichier=r.text("fichier"), lien=r.text("lien", required=False), courriel=r.flag("courriel"),
        titre=lines,
        references_titre=refs.text("titre"), references=_lignes(refs, "lignes"),
        statut=_paragraphes(r, "statut", required=False), lignes=_lignes(r, "lignes"),
        paragraphes=_paragraphes(r, "paragraphes"), validite_mois=r.integer("validite_mois"),
        deux_d_doc=_deux_d_doc(r.child(r.data["deux_d_doc"], "deux_d_doc")) if "deux_d_doc" in r.data else None,
        emise=emise, titres=tuple(titres),
    )


def read_liste(r: _Reader) -> ListePieces:
    r.known("fichier", "titre", "sous_titre", "intro", "groupes")
    groupes = []
    for i, raw in enumerate(r.items("groupes")):
        g = r.child(raw, f"groupes[{i}]")
        g.known("titre", "cas", "rubriques")
        rubriques = []
        for j, rr in enumerate(g.items("rubriques")):
            rub = g.child(rr, f"rubriques[{j}]")
            rub.known("titre", "justificatifs")
            rubriques.append(Rubrique(titre=rub.text("titre"),
                                      justificatifs=tuple(str(x) for x in rub.items("justificatifs"))))
        cas = g.text("cas", required=False) or None
        # A lone groupe may have neither titre nor cas: printed without a heading (guide 03 ANNEXE 1).
        groupes.append(Groupe(titre=g.text("titre", required=False), cas=cas, rubriques=tuple(rubriques)))
    return ListePieces(fichier=r.text("fichier"), titre=r.text("titre"), sous_titre=r.text("sous_titre"),
                       intro=tuple(str(x) for x in r.items("intro", required=False)), groupes=tuple(groupes))
