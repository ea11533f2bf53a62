/*
 * subwatch pages: small progressive enhancements on top of htmx. Every page works without this file.
 * - live regions ([data-poll]) poll only while the tab is visible and not paused; "updated N s ago"; failed polls
 *   keep the last good content and say so;
 * - a refresh keeps ticked checkboxes, opened <details> and the log's scroll position;
 * - CSRF header on htmx requests, copy-to-clipboard, auto-submitting selects, select-this-page, single submit.
 * No inline handlers and no eval: the Content-Security-Policy can forbid both.
 */
(function () {
  "use strict";

  /*
   * The browser's time zone reaches the server in a cookie, so pages can show times in it (when the reader chose
   * "Browser"). If it changed while that choice was in force, the page was written in another zone: load it again,
   * once (the cookie then matches, so this cannot loop).
   */
  (function reportTimeZone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }
    if (!zone) {
      return;
    }
    var name = "subwatch-browser-tz";
    var current = (document.cookie.match(/(?:^|;\s*)subwatch-browser-tz=([^;]*)/) || [])[1];
    var encoded = encodeURIComponent(zone);
    if (current === encoded) {
      return;
    }
    document.cookie = name + "=" + encoded + "; path=/; max-age=31536000; SameSite=Lax"
      + (location.protocol === "https:" ? "; Secure" : "");
    document.addEventListener("DOMContentLoaded", function () {
      var label = document.getElementById("zone-label");
      if (label && label.getAttribute("data-zone-mode") === "local" && label.getAttribute("data-zone") !== zone) {
        location.reload();
      }
    });
  }());

  var paused = false;
  var lastSuccess = Date.now();
  var failedAt = null;
  var kept = { key: null, checked: {}, open: {}, log: null };

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function format(message, value) { return (message || "").replace("{0}", value); }
  function viewKey() { return location.pathname + location.search; }
  function meta(name) { var m = $('meta[name="' + name + '"]'); return m ? m.getAttribute("content") : null; }

  /* CSRF: htmx requests other than GET carry the token the page was rendered with. */
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token && event.detail.verb !== "get") {
      event.detail.headers[header] = token;
    }
  });

  /* Polls wait while the tab is hidden or the reader paused them. */
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-poll") && (paused || document.hidden)) {
      event.preventDefault();
    }
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !paused) {
      refreshNow();
    }
    renderLive();
  });

  function refreshNow() {
    if (window.htmx) {
      $all("[data-poll]").forEach(function (elt) { window.htmx.trigger(elt, "refresh"); });
    }
  }

  function isPoll(event) {
    var elt = event.detail && event.detail.elt;
    return elt && elt.hasAttribute && elt.hasAttribute("data-poll");
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    if (!isPoll(event)) {
      return;
    }
    if (event.detail.successful) {
      lastSuccess = Date.now();
      failedAt = null;
    } else {
      failedAt = failedAt || new Date();
    }
    renderLive();
  });
  ["htmx:sendError", "htmx:timeout"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (isPoll(event)) {
        failedAt = failedAt || new Date();
        renderLive();
      }
    });
  });

  function renderLive() {
    var bar = $("#live-bar");
    var status = $("#live-status");
    if (!bar || !status) {
      return;
    }
    var error = $("#live-error");
    var polling = $all("[data-poll]").length > 0;
    bar.classList.toggle("is-live", polling && !paused && !failedAt);
    bar.classList.toggle("is-paused", polling && paused);
    bar.classList.toggle("is-failed", polling && !!failedAt);
    bar.classList.toggle("is-done", !polling);
    if (!polling) {
      status.textContent = bar.getAttribute("data-msg-done");
      var toggle = $("#live-toggle");
      if (toggle) { toggle.hidden = true; }
    } else if (paused) {
      status.textContent = bar.getAttribute("data-msg-paused");
    } else if (document.hidden) {
      status.textContent = bar.getAttribute("data-msg-hidden");
    } else {
      status.textContent = format(bar.getAttribute("data-msg-ago"), Math.round((Date.now() - lastSuccess) / 1000));
    }
    if (error) {
      error.textContent = (polling && failedAt)
        ? format(bar.getAttribute("data-msg-failed"), failedAt.toLocaleTimeString()) : "";
    }
  }

  function setUpLive() {
    var toggle = $("#live-toggle");
    if (toggle && !toggle.hasAttribute("data-ready")) {
      toggle.setAttribute("data-ready", "");
      toggle.hidden = $all("[data-poll]").length === 0;
      toggle.addEventListener("click", function () {
        paused = !paused;
        toggle.setAttribute("aria-pressed", paused ? "true" : "false");
        toggle.textContent = toggle.getAttribute(paused ? "data-label-resume" : "data-label-pause");
        if (!paused) { refreshNow(); }
        renderLive();
      });
    }
    renderLive();
  }
  setInterval(renderLive, 1000);

  /* What a refresh must not take away: ticked boxes, opened details, the log's scroll. */
  function resetKeptIfNavigated() {
    if (kept.key !== viewKey()) {
      kept = { key: viewKey(), checked: {}, open: {}, log: null };
    }
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "checkbox" && input.id && input.closest("#results, #counters")) {
      resetKeptIfNavigated();
      kept.checked[input.id] = input.checked;
    }
    if (input.hasAttribute && input.hasAttribute("data-select")) {
      updateSelection();
    }
  });
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.tagName === "DETAILS" && details.id) {
      resetKeptIfNavigated();
      kept.open[details.id] = details.open;
    }
  }, true);
  document.addEventListener("scroll", function (event) {
    var log = event.target;
    if (log && log.id === "log") {
      resetKeptIfNavigated();
      kept.log = {
        key: log.getAttribute("data-key"),
        top: log.scrollTop,
        bottom: log.scrollTop + log.clientHeight >= log.scrollHeight - 4
      };
    }
  }, true);

  function restoreKept() {
    if (kept.key !== viewKey()) {
      return;
    }
    Object.keys(kept.checked).forEach(function (id) {
      var input = document.getElementById(id);
      if (input && input.type === "checkbox") { input.checked = kept.checked[id]; }
    });
    Object.keys(kept.open).forEach(function (id) {
      var details = document.getElementById(id);
      if (details && details.tagName === "DETAILS") { details.open = kept.open[id]; }
    });
    var log = $("#log");
    if (log && kept.log && kept.log.key === log.getAttribute("data-key")) {
      log.scrollTop = kept.log.bottom ? log.scrollHeight : kept.log.top;
    }
    updateSelection();
  }

  /* Select this page, and how many are ticked. */
  function updateSelection() {
    var boxes = $all("input[data-select]");
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    var all = $("#select-page");
    if (all) {
      all.checked = boxes.length > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    var count = $("#selected-count");
    if (count) {
      count.textContent = ticked > 0 ? format(count.getAttribute("data-msg"), ticked) : "";
    }
  }
  function setUpSelection() {
    var all = $("#select-page");
    if (all && !all.hasAttribute("data-ready")) {
      all.setAttribute("data-ready", "");
      all.hidden = false;
      $all("[data-select-page-label]").forEach(function (label) { label.hidden = false; });
      all.addEventListener("change", function () {
        resetKeptIfNavigated();
        $all("input[data-select]").forEach(function (box) {
          box.checked = all.checked;
          kept.checked[box.id] = box.checked;
        });
        updateSelection();
      });
    }
    updateSelection();
  }

  /* Copy hosts: fetch the text list and put it on the clipboard. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy-url]") : null;
    if (!button) {
      return;
    }
    var status = $("#copy-status");
    fetch(button.getAttribute("data-copy-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (text) {
        return writeClipboard(text).then(function () {
          var lines = text ? text.split("\n").filter(function (l) { return l.length > 0; }).length : 0;
          if (status) { status.textContent = format(status.getAttribute("data-msg-copied"), lines.toLocaleString()); }
        });
      })
      .catch(function () {
        if (status) { status.textContent = status.getAttribute("data-msg-failed"); }
      });
  });
  /* Copy a list the page already holds (the pasted hosts that were not found). */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy-text]") : null;
    if (!button) {
      return;
    }
    var text = button.getAttribute("data-copy-text");
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    writeClipboard(text).then(function () {
      var lines = text.split("\n").filter(function (l) { return l.length > 0; }).length;
      if (status) { status.textContent = format(status.getAttribute("data-msg-copied"), lines.toLocaleString()); }
    }).catch(function () {
      if (status) { status.textContent = status.getAttribute("data-msg-failed"); }
    });
  });
  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  /* Selects that apply at once (the Apply button stays for keyboard and no-JS use). */
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.hasAttribute && select.hasAttribute("data-autosubmit") && select.form) {
      if (select.form.requestSubmit) { select.form.requestSubmit(); } else { select.form.submit(); }
    }
  });

  /* A confirmation submits once: the button turns busy (the server ignores a repeat anyway). */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute("data-once")) {
      if (form.getAttribute("data-submitted")) {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-submitted", "true");
      setTimeout(function () {
        $all("button[type=submit]", form).forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });

  var liveKey = null;

  function setUp() {
    if (liveKey !== viewKey()) {
      liveKey = viewKey();
      lastSuccess = Date.now();
      failedAt = null;
      paused = false;
    }
    $all("button[data-copy-url], button[data-copy-text]").forEach(function (b) { b.hidden = false; });
    setUpLive();
    setUpSelection();
    restoreKept();
  }
  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", setUp);
  document.addEventListener("htmx:oobAfterSwap", function () { setTimeout(setUp, 0); });
  document.addEventListener("htmx:historyRestore", setUp);
}());
