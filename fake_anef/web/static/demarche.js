// Téléprocédures, progressive enhancement only: every step works without it (the detailed address
// fields are editable, a file is sent with "Envoyer le document", a block shows after submitting).
(() => {
  const form = document.querySelector("form.demarche");
  if (!form) return;
  const context = JSON.parse(form.dataset.context || "{}");

  // 1. Conditions: the definition's condition, as a checked tree (fake_anef/engine/conditions.py).
  const valueOf = (name) => {
    const controls = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
    if (!controls.length) {
      if (form.querySelector(`[name^="${CSS.escape(name)}-"]`)) {
        return [...form.querySelectorAll(`[name^="${CSS.escape(name)}-"]`)].map((c) => c.value).filter(Boolean);
      }
      return context[name] ?? null;
    }
    const first = controls[0];
    if (first.type === "radio") {
      const checked = [...controls].find((c) => c.checked);
      return checked ? checked.value : null;
    }
    if (first.type === "checkbox") return first.checked;
    return first.value || null;
  };
  const functions = {
    premier: (v) => (Array.isArray(v) ? v[0] ?? null : v),
    any_in: (v, c) => (Array.isArray(v) ? v : [v]).some((x) => x !== null && c.includes(x)),
    len: (v) => (v && v.length) || 0,
    age: () => null,
    mois_apres: () => null,
    aujourdhui: () => null,
  };
  const compare = (op, a, b) => {
    switch (op) {
      case "==": return a === b;
      case "!=": return a !== b;
      case "in": return Array.isArray(b) && b.includes(a);
      case "not in": return !(Array.isArray(b) && b.includes(a));
      default:
        if (a === null || b === null) return false;
        return { "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b }[op];
    }
  };
  const evaluate = (node) => {
    const [kind, ...rest] = node;
    switch (kind) {
      case "and": return rest.every(evaluate);
      case "or": return rest.some(evaluate);
      case "not": return !evaluate(rest[0]);
      case "neg": return -evaluate(rest[0]);
      case "name": return valueOf(rest[0]);
      case "const": return rest[0];
      case "call": return functions[rest[0]](...rest[1].map(evaluate));
      case "compare": {
        const [ops, parts] = rest;
        const values = parts.map(evaluate);
        return ops.every((op, i) => compare(op, values[i], values[i + 1]));
      }
      default: return true;
    }
  };
  const refresh = () => {
    form.querySelectorAll("[data-when]").forEach((block) => {
      try { block.hidden = !evaluate(JSON.parse(block.dataset.when)); } catch (e) { block.hidden = false; }
    });
  };
  form.addEventListener("change", refresh);
  refresh();

  // 2. Files: choosing a file sends it at once; the no-JS button is not needed.
  form.querySelectorAll("button.no-js").forEach((b) => { b.hidden = true; });
  form.querySelectorAll("input[type=file][data-joindre]").forEach((input) => {
    input.addEventListener("change", () => {
      if (input.files.length) form.requestSubmit(document.getElementById(input.dataset.joindre));
    });
  });

  // 3. Address type-ahead: suggestions from the portal's list; choosing one fills the details.
  form.querySelectorAll("input[data-adresse]").forEach((input) => {
    const name = input.dataset.adresse;
    const list = document.getElementById(input.getAttribute("aria-controls"));
    let timer = null;
    let last = "";
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); };
    const choose = (s) => {
      input.value = s.libelle;
      for (const part of ["numero", "voie", "complement", "code_postal", "ville", "pays", "code_insee"]) {
        const field = form.querySelector(`[name="${name}_${part}"]`);
        if (field) field.value = s[part] || "";
      }
      close();
    };
    const show = (suggestions) => {
      list.replaceChildren(...suggestions.map((s, i) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = `${list.id}-${i}`;
        li.textContent = s.libelle + (s.complement ? ` (${s.complement})` : "");
        li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(s); });
        return li;
      }));
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 3) { close(); return; }
      timer = setTimeout(async () => {
        if (q === last) return;
        last = q;
        const response = await fetch(`${input.dataset.source}?q=${encodeURIComponent(q)}`);
        if (response.ok && input.value.trim() === q) show((await response.json()).suggestions);
      }, 120);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Escape") close();
      if (e.key === "Enter" && !list.hidden && list.firstChild) {
        e.preventDefault();
        list.firstChild.dispatchEvent(new MouseEvent("mousedown"));
      }
    });
    input.addEventListener("blur", close);
  });

  // 4. A récapitulatif's parts: the title button shows or hides its part (aria-expanded).
  form.querySelectorAll("button.disclosure[aria-controls]").forEach((button) => {
    button.addEventListener("click", () => {
      const part = document.getElementById(button.getAttribute("aria-controls"));
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      part.hidden = !open;
    });
  });
})();
