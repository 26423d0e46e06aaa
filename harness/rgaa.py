"""axe-core rules → RGAA 4.1 criteria, so a finding is read in the French standard's terms.

Where the mapping comes from:
- axe-core (4.12 and later, bundled by axe-playwright-python) tags its rules with Deque's own RGAA
  mapping: "RGAA-11.1.1" is RGAA test 11.1.1, hence criterion 11.1. Those tags are read from each
  result at run time, so a newer axe-core brings its newer mapping with it.
- AXE_TO_RGAA is the same mapping written down (transcribed from axe-core 4.12.1's tags, rules listed
  by `axe.getRules()`), for results without tags, plus the rules axe-core leaves untagged that have an
  obvious RGAA 4.1 criterion (marked "ours" below): landmarks → 12.6, headings → 9.1, duplicate ids →
  8.2, tabindex → 12.8, table headers → 5.6/5.7, other ARIA rules → 7.1, text spacing → 10.12.
- CRITERES: each criterion's title verbatim as RGAA 4.1 publishes it (DINUM, "Critères et tests",
  https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/), copied from its source file
  v4.1/JSON/criteres.json of https://github.com/DISIC/RGAA (glossary links removed); the number is
  what an auditor looks up.
Rules with no RGAA counterpart (WCAG 2.2 target size, AAA contrast, some best practices) map to None.
"""

from __future__ import annotations

import re

THEMES = {1: "Images", 2: "Cadres", 3: "Couleurs", 4: "Multimédia", 5: "Tableaux", 6: "Liens", 7: "Scripts",
          8: "Éléments obligatoires", 9: "Structuration de l'information", 10: "Présentation de l'information",
          11: "Formulaires", 12: "Navigation", 13: "Consultation"}

CRITERES = {
    "1.1": "Chaque image porteuse d'information a-t-elle une alternative textuelle ?",
    "2.1": "Chaque cadre a-t-il un titre de cadre ?",
    "2.2": "Pour chaque cadre ayant un titre de cadre, ce titre de cadre est-il pertinent ?",
    "3.2": "Dans chaque page web, le contraste entre la couleur du texte et la couleur de son arrière-plan "
           "est-il suffisamment élevé (hors cas particuliers) ?",
    "4.3": "Chaque média temporel synchronisé pré-enregistré a-t-il, si nécessaire, des sous-titres "
           "synchronisés (hors cas particuliers) ?",
    "4.10": "Chaque son déclenché automatiquement est-il contrôlable par l'utilisateur ?",
    "5.2": "Pour chaque tableau de données complexe ayant un résumé, celui-ci est-il pertinent ?",
    "5.4": "Pour chaque tableau de données ayant un titre, le titre est-il correctement associé au tableau "
           "de données ?",
    "5.6": "Pour chaque tableau de données, chaque en-tête de colonne et chaque en-tête de ligne sont-ils "
           "correctement déclarés ?",
    "5.7": "Pour chaque tableau de données, la technique appropriée permettant d'associer chaque cellule "
           "avec ses en-têtes est-elle utilisée (hors cas particuliers) ?",
    "6.1": "Chaque lien est-il explicite (hors cas particuliers) ?",
    "6.2": "Dans chaque page web, chaque lien a-t-il un intitulé ?",
    "7.1": "Chaque script est-il, si nécessaire, compatible avec les technologies d'assistance ?",
    "7.3": "Chaque script est-il contrôlable par le clavier et par tout dispositif de pointage (hors cas "
           "particuliers) ?",
    "8.2": "Pour chaque page web, le code source généré est-il valide selon le type de document spécifié ?",
    "8.3": "Dans chaque page web, la langue par défaut est-elle présente ?",
    "8.4": "Pour chaque page web ayant une langue par défaut, le code de langue est-il pertinent ?",
    "8.5": "Chaque page web a-t-elle un titre de page ?",
    "8.8": "Dans chaque page web, le code de langue de chaque changement de langue est-il valide et pertinent ?",
    "9.1": "Dans chaque page web, l'information est-elle structurée par l'utilisation appropriée de titres ?",
    "9.2": "Dans chaque page web, la structure du document est-elle cohérente (hors cas particuliers) ?",
    "9.3": "Dans chaque page web, chaque liste est-elle correctement structurée ?",
    "10.4": "Dans chaque page web, le texte reste-t-il lisible lorsque la taille des caractères est "
            "augmentée jusqu'à 200%, au moins (hors cas particuliers) ?",
    "10.6": "Dans chaque page web, chaque lien dont la nature n'est pas évidente est-il visible par rapport "
            "au texte environnant ?",
    "10.8": "Pour chaque page web, les contenus cachés ont-ils vocation à être ignorés par les technologies "
            "d'assistance ?",
    "10.12": "Dans chaque page web, les propriétés d'espacement du texte peuvent-elles être redéfinies par "
             "l'utilisateur sans perte de contenu ou de fonctionnalité (hors cas particuliers) ?",
    "11.1": "Chaque champ de formulaire a-t-il une étiquette ?",
    "11.2": "Chaque étiquette associée à un champ de formulaire est-elle pertinente (hors cas particuliers) ?",
    "11.9": "Dans chaque formulaire, l'intitulé de chaque bouton est-il pertinent (hors cas particuliers) ?",
    "11.13": "La finalité d'un champ de saisie peut-elle être déduite pour faciliter le remplissage "
             "automatique des champs avec les données de l'utilisateur ?",
    "12.6": "Les zones de regroupement de contenus présentes dans plusieurs pages web (zones d'en-tête, de "
            "navigation principale, de contenu principal, de pied de page et de moteur de recherche) peuvent-elles être atteintes ou évitées ?",
    "12.7": "Dans chaque page web, un lien d'évitement ou d'accès rapide à la zone de contenu principal "
            "est-il présent (hors cas particuliers) ?",
    "12.8": "Dans chaque page web, l'ordre de tabulation est-il cohérent ?",
    "13.1": "Pour chaque page web, l'utilisateur a-t-il le contrôle de chaque limite de temps modifiant le "
            "contenu (hors cas particuliers) ?",
    "13.8": "Dans chaque page web, chaque contenu en mouvement ou clignotant est-il contrôlable par l'utilisateur ?",
    "13.9": "Dans chaque page web, le contenu proposé est-il consultable quelle que soit l'orientation de "
            "l'écran (portrait ou paysage) (hors cas particuliers) ?",
}

AXE_TO_RGAA: dict[str, str] = {
    # axe-core 4.12.1's own RGAA tags
    "area-alt": "1.1", "image-alt": "1.1", "input-image-alt": "1.1", "object-alt": "1.1", "role-img-alt": "1.1",
    "server-side-image-map": "1.1", "svg-img-alt": "1.1",
    "frame-title": "2.1", "frame-title-unique": "2.2",
    "color-contrast": "3.2",
    "video-caption": "4.3", "no-autoplay-audio": "4.10",
    "table-duplicate-name": "5.2", "table-fake-caption": "5.4", "th-has-data-cells": "5.7", "td-has-header": "5.7",
    "td-headers-attr": "5.7",
    "label-content-name-mismatch": "6.1", "link-name": "6.2",
    "aria-allowed-attr": "7.1", "aria-conditional-attr": "7.1", "aria-deprecated-role": "7.1",
    "aria-prohibited-attr": "7.1", "aria-required-attr": "7.1", "aria-roles": "7.1", "aria-tab-name": "7.1",
    "aria-toggle-field-name": "7.1", "aria-valid-attr": "7.1", "aria-valid-attr-value": "7.1",
    "nested-interactive": "7.1",
    "frame-focusable-content": "7.3", "scrollable-region-focusable": "7.3",
    "duplicate-id-aria": "8.2", "html-has-lang": "8.3", "html-xml-lang-mismatch": "8.3", "html-lang-valid": "8.4",
    "document-title": "8.5", "valid-lang": "8.8",
    "p-as-heading": "9.1", "region": "9.2",
    "aria-required-children": "9.3", "aria-required-parent": "9.3", "list": "9.3", "listitem": "9.3",
    "definition-list": "9.3", "dlitem": "9.3",
    "meta-viewport": "10.4", "link-in-text-block": "10.6", "aria-hidden-body": "10.8", "aria-hidden-focus": "10.8",
    "aria-input-field-name": "11.1", "aria-meter-name": "11.1", "aria-progressbar-name": "11.1", "label": "11.1",
    "select-name": "11.1", "form-field-multiple-labels": "11.2",
    "aria-command-name": "11.9", "button-name": "11.9", "input-button-name": "11.9",
    "autocomplete-valid": "11.13",
    "bypass": "12.7", "skip-link": "12.7", "focus-order-semantics": "12.8",
    "meta-refresh": "13.1", "blink": "13.8", "marquee": "13.8", "css-orientation-lock": "13.9",
    # ours: untagged by axe-core, an obvious RGAA 4.1 criterion
    "landmark-one-main": "12.6", "landmark-no-duplicate-main": "12.6", "landmark-main-is-top-level": "12.6",
    "landmark-banner-is-top-level": "12.6", "landmark-contentinfo-is-top-level": "12.6",
    "landmark-complementary-is-top-level": "12.6", "landmark-no-duplicate-banner": "12.6",
    "landmark-no-duplicate-contentinfo": "12.6", "landmark-unique": "12.6",
    "page-has-heading-one": "9.1", "heading-order": "9.1", "empty-heading": "9.1",
    "duplicate-id": "8.2", "duplicate-id-active": "8.2", "tabindex": "12.8",
    "empty-table-header": "5.6", "scope-attr-valid": "5.7",
    "aria-dialog-name": "7.1", "aria-tooltip-name": "7.1", "aria-treeitem-name": "7.1", "aria-text": "7.1",
    "aria-allowed-role": "7.1", "aria-roledescription": "7.1", "aria-braille-equivalent": "7.1",
    "presentation-role-conflict": "7.1", "summary-name": "7.1",
    "avoid-inline-spacing": "10.12",
}

_TAG = re.compile(r"^RGAA-(\d+)\.(\d+)\.(\d+)$")


def criterion(rule_id: str, tags: list[str] | None = None) -> str | None:
    """The RGAA 4.1 criterion ("11.1") a rule checks: from axe-core's own tag, else from the table."""
    for tag in tags or []:
        match = _TAG.match(tag)
        if match:
            return f"{match[1]}.{match[2]}"
    return AXE_TO_RGAA.get(rule_id)


def tests(tags: list[str] | None) -> list[str]:
    """The RGAA tests ("11.1.1") axe-core names for a rule, when it names them."""
    return [tag.removeprefix("RGAA-") for tag in tags or [] if _TAG.match(tag)]


def label(critere: str | None) -> str:
    """"RGAA 11.1 (Formulaires) — Chaque champ de formulaire a-t-il une étiquette ?", or why there is none."""
    if critere is None:
        return "hors RGAA 4.1 (bonne pratique axe-core)"
    theme = THEMES.get(int(critere.split(".")[0]), "")
    question = CRITERES.get(critere, "")
    return f"RGAA {critere} ({theme})" + (f" — {question}" if question else "")
