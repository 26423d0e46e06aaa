"""Tag each scenario with the requirements it verifies: the catalogue's requirements whose text a
step of the scenario quotes (its Contexte included, an outline's Exemples filled in), plus the ones
listed in EXTRA below for checks a step makes without quoting the text (PDF fields, 2D-DOC, rules).

The tags go on a line of their own directly above the scenario's existing tag line (the line is
rewritten on each run, so it can be regenerated after the catalogue or a feature changes).

    python scripts/etiqueter_exigences.py [--verifier]   # --verifier: exit 1 if a feature would change
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pytest_bdd.parser import FeatureParser  # noqa: E402

from harness.catalogue import INPUTS, QUOTE, TAG_PREFIX, load, normalise, tag_for  # noqa: E402

FEATURES = ROOT / "features"
# (feature file, words of the scenario's name) → requirement ids its steps check without quoting them
EXTRA: dict[tuple[str, str], list[str]] = {
    # "Mes Notifications": its title, the bell's link, the way back, the filter and the pager, found by
    # their wording by harness/instruction.py (the features name the actions, not these texts)
    ("instruction.feature", "Plus de dix notifications"): [
        "G02-MES-NOTIFICATIONS-TITRE", "G02-MES-NOTIFICATIONS-VOIR-TOUTES", "G02-MES-NOTIFICATIONS-RETOUR-TOUTES",
        "G02-MES-NOTIFICATIONS-FILTRE", "G02-MES-NOTIFICATIONS-PAGE-SUR", "SIM-PAGE-SUIVANTE", "SIM-FILTRER"],
    # "la démarche est à 20% terminée, plus que 15 minutes" / "… à 90% terminée": the step's own words
    ("enfant_de_francais.feature", "Parcours complet"): [
        "G02-ETAPE2-PROGRESSION-20", "G02-ETAPE2-PLUS-QUE-15-MINUTES", "G02-ETAPE5-PROGRESSION-90",
        "G02-PHOTOGRAPHIE-IDENTITE-SUPPRIMER"],  # the ephoto confirmed shows its SUPPRIMER button
    ("enfant_de_francais.feature", "Chaque document refusé"): ["G02-PHOTOGRAPHIE-IDENTITE-SUPPRIMER"],
    # "la confirmation de dépôt porte mon état civil, ma nationalité et mon adresse" (every field of
    # guide 02's PDF against the persona) and "ce courriel porte en pièce jointe la confirmation de dépôt"
    ("enfant_de_francais.feature", "Parcours complet "): [
        "G02-ETAPE-6-CONFIRMATION-DEPOT-UNE", "G02-ETAPE-6-DOCUMENT-CONSTITUE-PREUVE", "G02-ETAPE-6-CONSTITUE-PAS-UNE",
        "G02-ETAPE-6-VOUS-SEREZ-INFORME"] + [f"G02-ETAPE6-{x}" for x in (
        "CONFIRMATION-NUMERO-DEMANDE", "CONFIRMATION-DATE-EMISSION",
        "CONFIRMATION-NOM-NAISSANCE", "CONFIRMATION-PRENOM", "CONFIRMATION-NE-LE", "CONFIRMATION-LIEU-NAISSANCE",
        "CONFIRMATION-NATIONALITE", "CONFIRMATION-ADRESSE",
        "COURRIEL-CONFIRMATION-JOINTE")],
    ("enfant_de_francais.feature", "Un numéro ephoto déjà utilisé"): ["G01-FAQ10-EPHOTO-UNE-SEULE-DEMARCHE"],
    # "le document téléchargé est mon attestation de prolongation d'instruction, valable six mois",
    # "son 2D-DOC, signé par une autorité de test, porte mon identité…", "ce courriel porte en pièce jointe
    # mon attestation, nommée d'après mon numéro étranger et sa date d'émission"
    ("bpi_renouvellement.feature", "Renouvellement complet"): [f"G04-ANNEXE{x}" for x in (
        "1-ADP-2DDOC", "1-ADP-IDENTIFIANT", "1-ADP-DEPOT", "1-ADP-VALIDITE-SIX-MOIS",
        "1-ADP-SCHENGEN", "2-COURRIEL-ADP-JOINTE", "1-ACTIVITE-PROFESSIONNELLE")]
    + ["G04-ETAPE-5-UNE-DEMANDE-TITRE"],
    # "le document téléchargé est ma confirmation de dépôt : mon identité…" (guide 03's title; guide 05's
    # is the simulator's own)
    ("ase.feature", "CAS 1, un mineur"): ["G03-ETAPE-5-CONFIRMATION-DEPOT-UNE"],
    ("ase.feature", "CAS 2, un mineur"): ["G03-ETAPE-5-CONFIRMATION-DEPOT-UNE"],
    ("ase.feature", "CAS 3, un majeur atteste"): ["G03-ETAPE-5-CONFIRMATION-DEPOT-UNE"],
    # "l'adresse connue de mon titre est pré-remplie, à vérifier" (guide 05 étape 1 2/2, its own words)
    ("famille_ue.feature", "Le conjoint d'un Français"): ["SIM-CONFIRMATION-DEPOT-UNE", "G05-ETAPE-1-VERIFIER-ADRESSE"],
    ("famille_ue.feature", "titulaire d'un titre de séjour : son identité"): ["SIM-CONFIRMATION-DEPOT-UNE"],
    # "le document téléchargé est mon attestation de décision favorable, que son 2D-DOC (6J = 3) confirme"
    ("instruction.feature", "Enfant de Français : le compte"): [
        "G01-FAQ16-ADF-ESPACE-PERSONNEL", "G03-ETAPE-4-ATTESTATION-DECISION-FAVORABLE", "G03-ETAPE-4-SUR-UNE-DEMANDE",
        "G03-ETAPE-4-DOCUMENT-AUTORISE-FRANCHISSEMENT", "G03-ETAPE4-ADF-DECISION",
        "G03-ETAPE4-ADF-IDENTIFIANT", "G03-ETAPE4-ADF-NUMERO-DEMANDE", "G03-ETAPE4-ADF-CARTE"],
    ("instruction.feature", "ASE : un complément"): [
        "G01-FAQ16-ADF-ESPACE-PERSONNEL", "G03-ETAPE-4-ATTESTATION-DECISION-FAVORABLE", "G03-ETAPE-4-SUR-UNE-DEMANDE",
        "G03-ETAPE-4-DOCUMENT-AUTORISE-FRANCHISSEMENT", "G03-ETAPE4-ADF-DECISION",
        "G03-ETAPE4-ADF-IDENTIFIANT", "G03-ETAPE4-ADF-NUMERO-DEMANDE", "G03-ETAPE4-ADF-CARTE",
        "G01-FAQ7-ADP-ESPACE-PERSONNEL", "G04-ANNEXE1-ADP-2DDOC"],
    ("instruction.feature", "Famille UE : la confirmation"): [
        "G01-FAQ16-ADF-ESPACE-PERSONNEL", "G03-ETAPE-4-ATTESTATION-DECISION-FAVORABLE", "G03-ETAPE-4-SUR-UNE-DEMANDE",
        "G03-ETAPE-4-DOCUMENT-AUTORISE-FRANCHISSEMENT", "SIM-ADF-DECISION-RENOUVELLEMENT",
        "G03-ETAPE4-ADF-IDENTIFIANT", "G03-ETAPE4-ADF-NUMERO-DEMANDE"],
    ("instruction.feature", "BPI : la confirmation (son ADP)"): [
        "G01-FAQ7-CONFIRMATION-COMPTE-PERSONNEL", "G01-FAQ7-ADP-ESPACE-PERSONNEL",
        "G01-FAQ16-ADF-ESPACE-PERSONNEL", "G03-ETAPE-4-ATTESTATION-DECISION-FAVORABLE", "G03-ETAPE-4-SUR-UNE-DEMANDE",
        "G03-ETAPE-4-DOCUMENT-AUTORISE-FRANCHISSEMENT", "SIM-ADF-DECISION-RENOUVELLEMENT",
        "G03-ETAPE4-ADF-IDENTIFIANT", "G03-ETAPE4-ADF-NUMERO-DEMANDE"],
}

# a step's own words → the requirements it checks, wherever it is used
STEP_RULES: list[tuple[re.Pattern[str], list[str]]] = [
    (re.compile(r"^je suis à l'étape "), ["SIM-STRUCTURE-ETAPE-COURANTE"]),  # the stepper's aria-current
    # a field marked "*" left empty, then refused next to it: guide 02's rule itself (issue 16, bornes.feature)
    (re.compile(r"^je vide le champ "), ["G02-ETAPE-2-CHAMPS-MARQUES-OBLIGATOIRES"]),
    (re.compile(r"^la notification m'informe que ma demande a été acceptée"), ["G02-NOTIFICATION-DECISION-DEMANDE-ACCEPTEE"]),
    (re.compile(r"^la cloche indique \d+ notification"), ["SIM-CLOCHE-NOTIFICATIONS-NON-LUES"]),
    (re.compile(r"^« Historique de mes Titres de Séjour » montre la carte décidée"), ["G03-ETAPE-4-ACCEPTE"]),
    (re.compile(r", envoyée le jour du dépôt$"), ["G03-SUIVI-DEMANDE-ENVOYEE"]),  # harness/suivi.py
    (re.compile(r"^le document \"[^\"]+\" porte l'observation "), ["G02-COMPLEMENT-OBSERVATIONS"]),  # harness/complement.py
    (re.compile(r'^« Mes demandes en cours » montre ma demande à l\'état "Dépôt de la demande", envoyée'), ["G01-FAQ12-DEPOT-DEMANDE"]),
    (re.compile(r'^je télécharge "TÉLÉCHARGER LA CONFIRMATION DE DÉPÔT" depuis « Mes demandes en cours »'),
     ["G01-FAQ7-CONFIRMATION-COMPTE-PERSONNEL"]),
    (re.compile(r'^je télécharge "TÉLÉCHARGER : ATTESTATION DE PROLONGATION'), ["G01-FAQ7-ADP-ESPACE-PERSONNEL"]),
    (re.compile(r"^l'identité de mon accueillant (n'est pas )?confirmée"), ["SIM-IDENTITE-CONFIRMEE"]),
]


def quoted_ids(steps: list[str], rows: list[dict[str, str]], catalogue) -> set[str]:
    ids = set()
    for step in steps:
        ids |= {i for rx, extra in STEP_RULES if rx.search(step) for i in extra}
        for row in rows or [{}]:
            filled = re.sub(r"<([^>]+)>", lambda m, row=row: row.get(m.group(1), m.group(0)), step)
            skip = next((idx for rx, idx in INPUTS if rx.search(filled)), set())
            for n, quote in enumerate(QUOTE.findall(filled)):
                if n in skip or not quote.strip():
                    continue
                ids |= matching(quote, catalogue)
    return ids


def matching(quote: str, catalogue) -> set[str]:
    """Every requirement showing this text (the same sentence may be in several guides)."""
    wanted = normalise(quote)
    # the agent's back-office (SIM-AGENT-…) is never quoted by a feature: the same words in a step
    # ("Se connecter", "Mot de passe") are the applicant's pages'
    entries = [e for e in catalogue.exigences if not e.id.startswith("SIM-AGENT-")]
    found = {e.id for e in entries if normalise(e.texte) == wanted}
    if not found:
        template = catalogue.find_template(quote)
        found = {e.id for e in entries if template is not None and e.texte == template.texte}
    return found


def tags_by_line(path: Path, catalogue) -> dict[int, list[str]]:
    """Scenario line (1-based) → the sorted tags of the requirements it verifies."""
    feature = FeatureParser(str(path.parent), path.name).parse()
    background = [s.name for s in feature.background.steps] if feature.background else []
    out = {}
    for template in feature.scenarios.values():
        rows = [dict(zip(ex.example_params, values, strict=False)) for ex in template.examples for values in ex.examples]
        ids = quoted_ids(background + [s.name for s in template._steps], rows, catalogue)
        for step in template._steps:  # a step's table: each cell a text the page shows (the préambule's steps)
            if step.datatable is not None:
                ids |= {i for row in step.datatable.raw() for cell in row for i in matching(str(cell), catalogue)}
        for (fname, words), extra in EXTRA.items():
            if fname == path.name and words in template.name:
                ids |= set(extra)
        out[template.line_number] = sorted(tag_for(i) for i in ids)
    return out


def retag(path: Path, catalogue) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    wanted = tags_by_line(path, catalogue)
    for line_number in sorted(wanted, reverse=True):   # bottom up: insertions keep the lines above valid
        i = line_number - 1
        j = i
        while j > 0 and lines[j - 1].lstrip().startswith("@") and not _is_requirement_line(lines[j - 1]):
            j -= 1
        indent = re.match(r"\s*", lines[i]).group(0)
        new = f"{indent}{' '.join('@' + t for t in wanted[line_number])}\n" if wanted[line_number] else None
        if j > 0 and _is_requirement_line(lines[j - 1]):
            if new:
                lines[j - 1] = new
            else:
                del lines[j - 1]
        elif new:
            lines.insert(j, new)
    return "".join(lines)


def _is_requirement_line(line: str) -> bool:
    words = line.split()
    return bool(words) and all(w.startswith("@" + TAG_PREFIX) for w in words)


def main(argv: list[str]) -> int:
    catalogue = load()
    changed = []
    for path in sorted(FEATURES.glob("*.feature")):
        text = retag(path, catalogue)
        if text != path.read_text(encoding="utf-8"):
            changed.append(path.name)
            if "--verifier" not in argv:
                path.write_text(text, encoding="utf-8")
    print(("à réétiqueter : " if "--verifier" in argv else "réétiquetés : ") + (", ".join(changed) or "aucun"))
    return 1 if changed and "--verifier" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
