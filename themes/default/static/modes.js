// 大字 / 高对比 switches. The page is complete without this script: it only adds the buttons'
// behaviour and remembers the choice (applied before first paint by the inline script in <head>).
// The buttons are shown by CSS as soon as that inline script marks the page `js`, before first
// paint, so nothing moves when this deferred script runs (no layout shift).
(function () {
  var root = document.documentElement;
  var box = document.querySelector(".mode-switch");
  if (!box) return;
  function save() {
    var modes = [];
    box.querySelectorAll("button[data-mode]").forEach(function (b) {
      if (root.classList.contains(b.dataset.mode)) modes.push(b.dataset.mode);
    });
    try { localStorage.setItem("stdportal-modes", modes.join(" ")); } catch (e) { /* private mode */ }
  }
  box.querySelectorAll("button[data-mode]").forEach(function (button) {
    var mode = button.dataset.mode;
    button.setAttribute("aria-pressed", root.classList.contains(mode) ? "true" : "false");
    button.addEventListener("click", function () {
      var on = root.classList.toggle(mode);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      save();
    });
  });
})();

// The script switch (简体中文/繁體中文) keeps the reader's anchor: headings have the same ids in
// both scripts, so a reader on #一-发展基础与环境 lands on the same section in the other script.
(function () {
  var sw = document.querySelector(".lang-switch");
  if (!sw) return;
  sw.addEventListener("click", function () {
    if (location.hash) sw.href = sw.href.split("#")[0] + location.hash;
  });
})();
