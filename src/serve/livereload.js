// stdportal serve: live reload. Injected into served pages only, never into `build` output.
(function () {
  "use strict";
  var me = document.currentScript;
  var data = (me && me.dataset) || {};
  // The output files this page was made from: it reloads when one of them changes.
  var deps = (data.stdportalPaths || "").split(" ").filter(Boolean);
  // The build the page came from: a different one on (re)connecting means we missed a change
  // or the server restarted.
  var build = data.stdportalBuild || null;
  var ID = "__stdportal-overlay";
  var hant = /^zh-(hant|tw|hk|mo)\b/i.test(document.documentElement.lang || "");
  // The overlay's words, from the message catalogues (filled in by serve/livereload.rs).
  var TEXT = hant ? __STDPORTAL_TEXT_HANT__ : __STDPORTAL_TEXT_HANS__;
  var before = null;

  function affects(paths) {
    if (deps.indexOf("*") >= 0) return true;
    return paths.some(function (p) {
      // A script, image or font may be used by any page. Other files (feeds, CSV downloads,
      // the search index) are not part of a page, and stylesheets have their own event.
      return p === "*" || deps.indexOf(p) >= 0 ||
        /\.(m?js|wasm|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|otf)$/i.test(p);
    });
  }

  function hide() {
    var overlay = document.getElementById(ID);
    if (!overlay) return;
    overlay.remove();
    if (before && document.contains(before)) before.focus();
    before = null;
  }

  function wire(overlay) {
    if (overlay.dataset.wired) return;
    overlay.dataset.wired = "1";
    var button = overlay.querySelector("button");
    if (button) button.addEventListener("click", hide);
  }

  function show(message) {
    var overlay = document.getElementById(ID);
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = ID;
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-labelledby", ID + "-title");
      overlay.setAttribute("aria-describedby", ID + "-message");
      overlay.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.55);overflow:auto;padding:5vh 1rem");
      var box = document.createElement("div");
      box.setAttribute("style", "max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;border-top:.4rem solid #b3261e;padding:1rem 1.5rem;font:1rem/1.6 system-ui,sans-serif;text-align:left");
      var h = document.createElement("h2");
      h.id = ID + "-title";
      h.setAttribute("style", "margin:0 0 .5rem;color:#b3261e;font-size:1.4rem");
      h.textContent = TEXT.title;
      var pre = document.createElement("pre");
      pre.id = ID + "-message";
      pre.setAttribute("style", "white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;color:#1a1a1a;padding:.75rem;margin:0 0 .75rem;font:.9rem/1.5 ui-monospace,monospace");
      var p = document.createElement("p");
      p.setAttribute("style", "margin:0 0 .75rem");
      p.textContent = TEXT.note;
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("style", "font:inherit;padding:.3rem 1rem;cursor:pointer");
      button.textContent = TEXT.close;
      box.append(h, pre, p, button);
      overlay.append(box);
      document.body.append(overlay);
    }
    wire(overlay);
    overlay.querySelector("pre").textContent = message;
    var button = overlay.querySelector("button");
    if (button && document.activeElement !== button) {
      before = document.activeElement;
      button.focus();
    }
  }

  // Swaps each same-origin stylesheet for a fresh copy, removing the old one only once the new
  // one has loaded, so the page neither flashes unstyled nor loses its scroll position.
  function refreshCss() {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("stdportal", Date.now().toString(36));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.onload = function () { link.remove(); };
      fresh.onerror = function () { fresh.remove(); };
      link.after(fresh);
    });
  }

  var source = null;
  var wait = 500;
  function connect() {
    source = new EventSource("/__stdportal/events");
    source.addEventListener("hello", function (e) {
      wait = 500;
      if (build !== null && build !== e.data) location.reload();
      build = e.data;
    });
    source.addEventListener("reload", function (e) {
      if (e.lastEventId) build = e.lastEventId;
      var paths = [];
      try { paths = JSON.parse(e.data); } catch (_) { paths = ["*"]; }
      if (affects(paths)) return location.reload();
      hide();
      if (paths.some(function (p) { return /\.css$/i.test(p); })) refreshCss();
    });
    source.addEventListener("css", function (e) {
      if (e.lastEventId) build = e.lastEventId;
      refreshCss();
    });
    // The server's `error` event carries data; the browser's own `error` (connection lost) does not.
    source.addEventListener("error", function (e) {
      if (typeof e.data === "string") {
        show(e.data);
      } else if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (the server was stopped and answered oddly): keep trying, slowly.
        source.close();
        setTimeout(connect, wait);
        wait = Math.min(wait * 2, 5000);
      }
    });
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && document.getElementById(ID)) hide();
  });
  var existing = document.getElementById(ID);
  if (existing) wire(existing);
  connect();
})();
