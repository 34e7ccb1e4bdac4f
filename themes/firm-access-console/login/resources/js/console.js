// Progressive enhancement only: every page works without it.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-select-all]").forEach(function (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll("input[name='" + all.dataset.selectAll + "']").forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });
  document.querySelectorAll("[data-navigate]").forEach(function (select) {
    select.addEventListener("change", function () {
      window.location.assign(select.dataset.navigate + encodeURIComponent(select.value) + "/");
    });
  });
});
