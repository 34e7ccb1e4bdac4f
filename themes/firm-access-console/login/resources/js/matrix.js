// The access matrix saves a cell as soon as it changes, without reloading the page. Without this
// script the table is a plain form and its Save button applies the changed cells.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("matrix-form");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var status = document.getElementById("matrix-status");
  form.classList.add("fa-matrix-live");
  form.querySelectorAll("select.fa-matrix-cell").forEach(function (select) {
    select.addEventListener("change", function () {
      var shown = form.elements[select.dataset.was];
      var cell = select.closest("td");
      var body = new URLSearchParams();
      body.set("csrf", form.elements.csrf.value);
      body.set("columns", form.elements.columns.value);
      body.set("business", select.dataset.business);
      body.set("subject", select.dataset.subject);
      body.set("level", select.value);
      cell.setAttribute("aria-busy", "true");
      fetch(form.dataset.cellUrl, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          shown.value = select.value;
          cell.dataset.level = select.value;
          status.textContent = form.dataset.saved.replace("{0}", select.getAttribute("aria-label"));
        })
        .catch(function () {
          select.value = shown.value;
          status.textContent = form.dataset.failed.replace("{0}", select.getAttribute("aria-label"));
        })
        .then(function () {
          cell.removeAttribute("aria-busy");
        });
    });
  });
});
