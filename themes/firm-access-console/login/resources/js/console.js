// Progressive enhancement only: every page works without it.
// Marks the page as scripted at once, so that the Save buttons meant for browsers without scripts never show.
document.documentElement.classList.add("fa-scripted");
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
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.dataset.copy);
      field.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value);
      }
      button.textContent = button.dataset.copied;
    });
  });
});
// Times arrive in UTC; shown in the viewer's own time zone and language, the exact moment as the tooltip.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("time[data-local]").forEach(function (time) {
    var moment = new Date(time.getAttribute("datetime"));
    if (isNaN(moment.getTime())) {
      return;
    }
    time.title = time.textContent;
    time.textContent = moment.toLocaleString(document.documentElement.lang || undefined, {
      dateStyle: "medium",
      timeStyle: time.dataset.local === "seconds" ? "medium" : "short"
    });
  });
});
// A choice that saves itself where scripts run (role, programmatic access); without them the form's Save button does it.
document.addEventListener("DOMContentLoaded", function () {
  // Arrow keys change a closed select at once; a keyboard user leaving through the options must not save each of them,
  // so a choice made with keys saves on Enter or when the field is left, one made with the pointer at once.
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    var saved = control.type === "checkbox" ? control.checked : control.value;
    var byKeys = false;
    function save() {
      var current = control.type === "checkbox" ? control.checked : control.value;
      if (current !== saved) {
        saved = current;
        control.form.requestSubmit();
      }
    }
    control.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        save();
      } else if (control.tagName === "SELECT") {
        byKeys = true;
      }
    });
    control.addEventListener("change", function () {
      if (!byKeys) {
        save();
      }
    });
    control.addEventListener("blur", function () {
      byKeys = false;
      save();
    });
  });
  // Buttons that tick or untick every box of one name on the page; hidden where they could not work.
  document.querySelectorAll("[data-check]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      document.querySelectorAll("input[type='checkbox'][name='" + button.dataset.check + "']").forEach(function (box) {
        box.checked = button.dataset.checked === "true";
      });
    });
  });
});
// An import that runs after its upload: its status is fetched again each second until it has finished.
document.addEventListener("DOMContentLoaded", function () {
  var status = document.querySelector("[data-poll]");
  if (!status) {
    return;
  }
  var poll = function () {
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (reply) { return reply.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(status.id);
        if (!fresh) {
          return;
        }
        status.innerHTML = fresh.innerHTML;
        status.dataset.state = fresh.dataset.state;
        if (fresh.hasAttribute("data-poll")) {
          window.setTimeout(poll, 1000);
        } else {
          status.removeAttribute("data-poll");
        }
      });
  };
  window.setTimeout(poll, 1000);
});
