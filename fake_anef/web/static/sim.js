// Progressive enhancement only: every page works without it.
// A radio with data-reveals="ID" shows the block ID while it is checked (guide 04 §3: "Moi-même").
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
  document.querySelectorAll(`input[type=radio][name="${input.name}"]`).forEach((radio) => {
    const id = radio.dataset.reveals;
    if (id) document.getElementById(id).hidden = !radio.checked;
  });
});

// A file field outside the téléprocédures (a demande de complément, guides 02-04): choosing a file
// sends it at once ("Joindre un document"); without JavaScript, its "Envoyer le document" button does.
document.querySelectorAll("form:not(.demarche)").forEach((form) => {
  const inputs = form.querySelectorAll("input[type=file][data-joindre]");
  if (!inputs.length) return;
  form.querySelectorAll("button.no-js").forEach((b) => { b.hidden = true; });
  inputs.forEach((input) => {
    input.addEventListener("change", () => {
      if (input.files.length) form.requestSubmit(document.getElementById(input.dataset.joindre));
    });
  });
});
