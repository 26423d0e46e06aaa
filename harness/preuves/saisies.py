"""What the user typed, and which screen each step left the page on, for the illustrated guide.

Why a listener in the page rather than wrappers around the harness's fill helpers: the values are
read as the page received them (every fill, choice, checkbox and upload, whichever helper made it),
through a script the browser runs on each document and a binding back to Python. Only with
`--preuves toutes`. Password fields are recorded masked: a package must not carry credentials."""

from __future__ import annotations

from typing import Any

import pytest

PENDING = pytest.StashKey[list[dict[str, Any]]]()        # what the page reported since the last step
SAISIES = pytest.StashKey[dict[int, list[dict[str, Any]]]]()        # step index → [{"champ", "valeur", "ecran" typed on}]
ECRANS = pytest.StashKey[dict[int, dict[str, Any]]]()         # step index → {"titre", "chemin"}
BINDING = "__anefSaisie"
MASQUE = "•••••••• (masqué)"

# the screen a step left the page on, as a user names it: the main heading and the current step of
# a stepper; else the first other heading, legend or plain paragraph of the main content; else the
# window's title. With the path, it tells one screen from the next.
SCREEN = """() => {
  const clean = (t) => (t || "").replace(/\\s+/g, " ").trim();
  const visible = (el) => el && el.offsetParent !== null;
  const main = document.querySelector("main") || document.body;
  const h1 = Array.from(main.querySelectorAll("h1")).find(visible);
  let titre = h1 ? clean(h1.innerText) : "";
  const step = document.querySelector('[aria-current="step"]');
  if (titre && step) titre += " — " + clean(step.innerText).replace(/\\s*\\(.*\\)$/, "");
  if (!titre) {
    const other = Array.from(main.querySelectorAll("h2, h3, legend")).find(visible)
      || Array.from(main.querySelectorAll("p")).find((p) => visible(p) && !p.querySelector("a") && clean(p.innerText).length > 8);
    titre = other ? clean(other.innerText) : "";
  }
  if (titre.length > 140) titre = titre.slice(0, 137) + "…";
  return {titre: titre || clean(document.title), chemin: location.pathname};
}"""


LISTENER = """(() => {
  if (window.__anefSaisiesInstallees) return;
  const screen = """ + SCREEN + """;
  window.__anefSaisiesInstallees = true;
  const clean = (t) => (t || "").replace(/\\s+/g, " ").trim().replace(/(\\s*[*:])+$/, "");
  const sent = {};   // the change event a blur fires repeats the last input event: sent once
  const labelOf = (el) => {
    let text = el.labels && el.labels.length ? clean(el.labels[0].innerText || el.labels[0].textContent) : "";
    if (!text) text = clean(el.getAttribute("aria-label"));
    const by = el.getAttribute("aria-labelledby");
    if (!text && by) text = clean(by.split(/\\s+/).map((id) => (document.getElementById(id) || {}).textContent).join(" "));
    return text || clean(el.name || el.id);
  };
  const legendOf = (el) => {
    const set = el.closest("fieldset");
    const legend = set && set.querySelector("legend");
    return legend ? clean(legend.innerText || legend.textContent) : "";
  };
  const report = (event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
    const type = (el.type || "").toLowerCase();
    if (["hidden", "submit", "button", "reset", "image"].includes(type)) return;
    const label = labelOf(el), legend = legendOf(el);
    let champ = legend && legend !== label ? legend + " — " + label : label, valeur, cle = el.name || el.id || label;
    if (type === "radio") {
      if (!el.checked) return;
      champ = legend || label; valeur = label;
    } else if (type === "checkbox") {
      champ = legend || label; valeur = (el.checked ? "☑ " : "☐ ") + label; cle += "=" + el.value;
    } else if (type === "password") {
      valeur = el.value ? "PASSWORD" : "";
    } else if (type === "file") {
      valeur = Array.from(el.files || []).map((f) => f.name).join(", ");
    } else if (el instanceof HTMLSelectElement) {
      valeur = Array.from(el.selectedOptions).map((o) => clean(o.textContent)).join(", ");
    } else {
      valeur = el.value;
    }
    if (sent[cle] === valeur) return;
    sent[cle] = valeur;
    if (window.""" + BINDING + """) window.""" + BINDING + """({cle: cle, champ: champ, valeur: valeur, ecran: screen().titre});
  };
  document.addEventListener("input", report, true);
  document.addEventListener("change", report, true);
})();"""

def install(page: Any, item: pytest.Item) -> None:
    """Listen to what is typed on every document of this page's context."""
    pending = item.stash.setdefault(PENDING, [])

    def received(_source: Any, data: Any) -> None:
        if isinstance(data, dict):
            pending.append(data)

    context = getattr(page, "context", page)
    context.expose_binding(BINDING, received)
    context.add_init_script(script=LISTENER)


def after_step(page: Any, item: pytest.Item, n: int) -> None:
    """Assign what was typed since the previous step to step n, and note the screen it ended on."""
    try:
        item.stash.setdefault(ECRANS, {})[n] = page.evaluate(SCREEN)
    except Exception:  # noqa: BLE001 - a page closing or navigating: the step keeps no screen
        pass
    pending = item.stash.setdefault(PENDING, [])
    entries, pending[:] = list(pending), []
    if entries:
        item.stash.setdefault(SAISIES, {})[n] = collapse(entries)


def collapse(entries: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One line per field, its last value (typing fires an event per key), in the order first typed;
    fields left empty are not something the user typed."""
    last: dict[str, dict[str, Any]] = {}
    for entry in entries:
        # one field per name and screen (a login and a reset page both have a "mot_de_passe"); a dict
        # keeps the key's first position
        last[f'{entry.get("cle")}|{entry.get("ecran")}'] = entry
    out = []
    for entry in last.values():
        valeur = str(entry.get("valeur") or "")
        if not valeur:
            continue
        out.append({"champ": str(entry.get("champ") or ""), "valeur": MASQUE if valeur == "PASSWORD" else valeur,
                    "ecran": str(entry.get("ecran") or "")})
    return out
