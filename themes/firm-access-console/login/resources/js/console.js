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
  enableCheckButtons(document);
});
// Buttons that tick or untick every box of one name in their part of the page (the page, or a modal's content);
// hidden where they could not work.
function enableCheckButtons(root) {
  root.querySelectorAll("[data-check]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      root.querySelectorAll("input[type='checkbox'][name='" + button.dataset.check + "']").forEach(function (box) {
        box.checked = button.dataset.checked === "true";
      });
    });
  });
}
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
// A modal dialog in PatternFly's modal box, built from the page's #fa-modal template. While it is open the page behind
// it is inert, so focus stays in the dialog; Tab wraps round inside it; Escape, the close button and Cancel close it, and
// focus goes back to the control that opened it. Answers the dialog's body and footer for the caller to fill.
function openModal(title, size, onClose) {
  var opener = document.activeElement;
  var page = document.querySelector(".fa-page");
  var backdrop = document.getElementById("fa-modal").content.firstElementChild.cloneNode(true);
  var box = backdrop.querySelector(".pf-v5-c-modal-box");
  box.classList.add(size);
  backdrop.querySelector("#fa-modal-title").textContent = title;
  function focusable() {
    return Array.prototype.filter.call(box.querySelectorAll("a[href], button, input, select, textarea"), function (element) {
      return !element.disabled && element.type !== "hidden" && element.getClientRects().length > 0;
    });
  }
  function keys(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      var all = focusable();
      var first = all[0];
      var last = all[all.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }
  function close() {
    document.removeEventListener("keydown", keys);
    backdrop.remove();
    page.inert = false;
    document.body.classList.remove("pf-v5-c-backdrop__open");
    if (opener && opener.focus) {
      opener.focus();
    }
    if (onClose) {
      onClose();
    }
  }
  backdrop.querySelector("#fa-modal-close").addEventListener("click", close);
  backdrop.querySelector("#fa-modal-cancel").addEventListener("click", close);
  document.addEventListener("keydown", keys);
  page.inert = true;
  document.body.classList.add("pf-v5-c-backdrop__open");
  document.body.appendChild(backdrop);
  return {
    body: backdrop.querySelector("#fa-modal-body"),
    footer: backdrop.querySelector("#fa-modal-footer"),
    focusFirst: function () {
      var all = focusable();
      (all.length > 1 ? all[1] : all[0]).focus();
    },
    close: close
  };
}
// A destructive action asks in a small modal instead of opening its details: the danger button submits the same form
// the details hold without scripts, Cancel and Escape leave everything as it was.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("details.fa-confirm[data-confirm-title]").forEach(function (details) {
    var form = details.querySelector("form");
    details.querySelector("summary").addEventListener("click", function (event) {
      event.preventDefault();
      var modal = openModal(details.dataset.confirmTitle, "pf-m-sm");
      modal.body.textContent = form.querySelector(".fa-confirm-question").textContent;
      var confirm = form.querySelector(".fa-confirm-button").cloneNode(true);
      confirm.type = "button";
      confirm.classList.remove("pf-m-small");
      confirm.id = "fa-modal-confirm";
      confirm.addEventListener("click", function () {
        confirm.disabled = true;
        form.requestSubmit();
      });
      modal.footer.insertBefore(confirm, modal.footer.firstChild);
      confirm.focus();
    });
  });
});
// A link whose page has a part the current page can show in a modal (manage access on the staff page): the part is
// loaded into the dialog, and its search, paging and form work there without leaving the page. Without scripts the
// link opens that page. Once something was saved, closing the dialog reloads the page so that its counts agree.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("a[data-modal-panel]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var saved = false;
      var modal = openModal(link.textContent, "pf-m-lg", function () {
        if (saved) {
          window.location.reload();
        }
      });
      function show(html, notice) {
        var answer = new DOMParser().parseFromString(html, "text/html");
        var panel = answer.getElementById(link.dataset.modalPanel);
        var refusal = answer.getElementById("error-page");
        if (refusal) {
          var old = modal.body.querySelector("#error-page");
          if (old) {
            old.remove();
          }
          modal.body.insertBefore(document.importNode(refusal, true), modal.body.firstChild);
          return;
        }
        if (!panel) {
          // Not the expected page (the sign-in has ended, say): the link's own page takes over.
          window.location.assign(link.href);
          return;
        }
        modal.body.textContent = "";
        modal.body.closest(".pf-v5-c-modal-box").querySelector("#fa-modal-title").textContent =
            answer.getElementById("page-title").textContent;
        if (notice) {
          var alert = document.getElementById("fa-modal-notice").content.firstElementChild.cloneNode(true);
          modal.body.appendChild(alert);
        }
        modal.body.appendChild(document.importNode(panel, true));
        modal.body.scrollTop = 0;
        enableCheckButtons(modal.body);
        wire();
      }
      function load(url, options, notice) {
        return fetch(url, Object.assign({credentials: "same-origin", headers: {"Accept": "text/html"}}, options || {}))
          .then(function (reply) { return reply.text(); })
          .then(function (html) { show(html, notice); });
      }
      function wire() {
        modal.body.querySelectorAll("form[method='get']").forEach(function (search) {
          search.addEventListener("submit", function (submitted) {
            submitted.preventDefault();
            load(search.action + "?" + new URLSearchParams(new FormData(search)));
          });
        });
        modal.body.querySelectorAll(".pf-v5-c-pagination a[href]").forEach(function (pageLink) {
          pageLink.addEventListener("click", function (clicked) {
            clicked.preventDefault();
            load(pageLink.href);
          });
        });
        modal.body.querySelectorAll("form[method='post']").forEach(function (form) {
          form.addEventListener("submit", function (submitted) {
            submitted.preventDefault();
            load(form.action, {method: "POST", body: new URLSearchParams(new FormData(form))}, true)
              .then(function () {
                saved = saved || !modal.body.querySelector("#error-page");
              });
          });
        });
      }
      load(link.href).then(modal.focusFirst);
    });
  });
});
