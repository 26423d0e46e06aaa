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
