"""harness.page_http reads a page as a browser does: names from labels, legends and aria-labelledby
(aria-hidden parts left out), roles, and the data set a form sends (the HTML entry-list rules: a
ticked box only, the selected option or else the first, no disabled control, the pressed button
only, the chosen files). No portal, no browser."""

from __future__ import annotations

import re

from harness.page_http import Document

PAGE = """<!doctype html><main>
<section aria-labelledby="t"><h2 id="t">ÉTAT <span aria-hidden="true">✓</span>CIVIL</h2>
<form method="post" enctype="multipart/form-data">
  <label for="nom">Nom de naissance * :</label><input id="nom" name="nom" value="Diallo">
  <label>Nom d'usage <input name="usage"></label>
  <fieldset><legend>Sexe</legend>
    <input type="radio" id="m" name="sexe" value="M"><label for="m">Masculin</label>
    <input type="radio" id="f" name="sexe" value="F" checked><label for="f">Féminin</label></fieldset>
  <input type="checkbox" id="a" name="atteste" value="oui"><label for="a">J'atteste</label>
  <input type="checkbox" id="b" name="coche" checked><label for="b">Coché</label>
  <select id="mois" name="mois"><option value="">Mois</option><option value="2">février</option></select>
  <label for="mois">Mois :</label>
  <textarea name="obs">
Ligne 1
Ligne 2</textarea>
  <input name="gele" value="x" disabled><input type="hidden" name="jeton" value="j">
  <input type="file" id="fi" name="fichier"><label for="fi">Joindre un document</label>
  <button name="_action" value="precedent"><span aria-hidden="true">&lt; </span>Revenir</button>
  <button name="_action" value="enregistrer">Enregistrer et poursuivre</button>
</form></section></main>"""


def test_names_and_roles_as_a_browser_computes_them() -> None:
    doc = Document("http://portail/etape", 200, PAGE)
    region = doc.by_role(doc.root, "region", re.compile("^ÉTAT CIVIL$"))
    assert len(region) == 1
    assert [doc.name(n) for n in doc.by_role(region[0], "group")] == ["Sexe"]
    assert [doc.name(n) for n in doc.by_role(doc.root, "button")] == ["Revenir", "Enregistrer et poursuivre"]
    assert [n.get("name") for n in doc.by_label(doc.root, re.compile(r"^Nom"))] == ["nom", "usage"]
    assert doc.name(doc.by_label(doc.root, re.compile("^Mois"))[0]) == "Mois :"


def test_the_data_set_is_what_a_browser_sends() -> None:
    doc = Document("http://portail/etape", 200, PAGE)
    save = doc.by_role(doc.root, "button", re.compile("Enregistrer"))[0]
    chooser = doc.by_label(doc.root, re.compile("Joindre"))[0]
    chooser.files = [{"name": "a.pdf", "mimeType": "application/pdf", "buffer": b"%PDF"}]
    data, files = doc.data_set(doc.form_of(save), save)
    assert data == [("nom", "Diallo"), ("usage", ""), ("sexe", "F"), ("coche", "on"), ("mois", ""),
                    ("obs", "Ligne 1\r\nLigne 2"), ("jeton", "j"), ("_action", "enregistrer")]
    assert files == [("fichier", chooser.files[0])]
