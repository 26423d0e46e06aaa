"""Labels are matched as a person reads them: the guide's words, whatever the page's "*" or ":"."""

from harness.browser import fold, label_pattern


def test_label_pattern_tolerates_decorations_but_not_other_labels() -> None:
    pattern = label_pattern("Adresse email")
    assert pattern.match("Adresse email * :")
    assert pattern.match("Adresse email")
    assert not pattern.match("Confirmation de l'adresse email * :")
    assert label_pattern("Mot de passe").match("Mot de passe * :")
    assert not label_pattern("Mot de passe").match("Confirmation du mot de passe * :")
    assert label_pattern("Nom d'usage").match("Nom d'usage (facultatif) :")


def test_fold_ignores_accents_and_case() -> None:
    assert fold("ALGERIENNE") == fold("Algérienne")
