/*
 * Keyboard shortcuts of the pages (listed by "?" in both languages):
 *   /  search      j / k  next / previous host row      Enter  open the selected host
 *   n / p  next / previous failed host      r  pause or resume live refresh      ?  this list
 * They never fire while typing (inputs, text areas, selects, editable text, IME composition) or with Ctrl, Alt or
 * Meta held. The selected row is remembered by its id, so the table's live refresh (an htmx swap) keeps it selected
 * and focused. No inline handlers, no eval: the Content-Security-Policy can forbid both.
 */
(function () {
  "use strict";

  var selectedId = null;
  var rowHadFocus = false;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#host-rows tr"));
  }

  function typing(target) {
    if (!target || !target.closest) {
      return false;
    }
    return !!target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  }

  function openDialog() {
    var dialog = document.getElementById("shortcuts");
    return dialog && dialog.open ? dialog : null;
  }

  function select(row, focus) {
    rows().forEach(function (r) {
      r.classList.remove("is-selected");
      r.removeAttribute("aria-selected");
    });
    if (!row) {
      selectedId = null;
      return;
    }
    selectedId = row.id;
    row.classList.add("is-selected");
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("a.host-link");
    if (focus && link) {
      link.focus({ preventScroll: true });
      rowHadFocus = true;
    }
    row.scrollIntoView({ block: "nearest" });
  }

  function selected() {
    return selectedId ? document.getElementById(selectedId) : null;
  }

  /* Moves by {@code step} among the rows that {@code accept}, from the selected one (or before the first). */
  function move(step, accept) {
    var all = rows().filter(accept);
    if (all.length === 0) {
      return;
    }
    var current = selected();
    var index = all.indexOf(current);
    if (index < 0) {
      var every = rows();
      var at = current ? every.indexOf(current) : -1;
      // From an unselectable row (n/p from a succeeded host): the nearest in the direction of travel.
      var next = all.filter(function (r) { return step > 0 ? every.indexOf(r) > at : every.indexOf(r) < at; });
      select(step > 0 ? (next[0] || null) : (next[next.length - 1] || (at < 0 ? all[0] : null)), true);
      return;
    }
    var target = all[index + step];
    if (target) {
      select(target, true);
    }
  }

  function any() { return true; }
  function failed(row) { return row.getAttribute("data-status") === "FAILED"; }

  function showShortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open && dialog.showModal) {
      dialog.showModal();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey
        || typing(event.target) || openDialog()) {
      return;
    }
    var key = event.key;
    if (key === "/") {
      var search = document.getElementById("q");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (key === "j" || key === "k") {
      if (rows().length > 0) {
        event.preventDefault();
        move(key === "j" ? 1 : -1, any);
      }
    } else if (key === "n" || key === "p") {
      if (rows().length > 0) {
        event.preventDefault();
        move(key === "n" ? 1 : -1, failed);
      }
    } else if (key === "Enter") {
      var row = selected();
      var link = row ? row.querySelector("a.host-link") : null;
      // On the focused link itself the browser opens it; elsewhere (the page body) this does.
      if (link && (event.target === document.body || (row.contains(event.target) && event.target !== link))) {
        event.preventDefault();
        link.click();
      }
    } else if (key === "r") {
      var toggle = document.getElementById("live-toggle");
      if (toggle && !toggle.hidden) {
        event.preventDefault();
        toggle.click();
      }
    } else if (key === "?") {
      event.preventDefault();
      showShortcuts();
    }
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest ? event.target.closest("[data-shortcuts-open]") : null;
    if (opener) {
      showShortcuts();
      return;
    }
    var closer = event.target.closest ? event.target.closest("[data-shortcuts-close]") : null;
    if (closer) {
      var dialog = openDialog();
      if (dialog) { dialog.close(); }
    }
  });

  /* A refresh replaced the rows: select the same one again, and give it back the focus it had. */
  function restore() {
    if (!selectedId) {
      return;
    }
    var row = selected();
    if (!row) {
      selectedId = null;
      return;
    }
    var lost = !document.activeElement || document.activeElement === document.body;
    select(row, rowHadFocus && lost);
  }

  document.addEventListener("focusin", function (event) {
    var row = selected();
    rowHadFocus = !!(row && row.contains(event.target));
  });
  document.addEventListener("htmx:afterSettle", restore);
  document.addEventListener("htmx:oobAfterSwap", function () { setTimeout(restore, 0); });
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.slice.call(document.querySelectorAll("[data-shortcuts-open]")).forEach(function (b) {
      b.hidden = false;
    });
  });
}());
