// Site search over the Pagefind index of this page's script (Pagefind picks the index by
// <html lang>). Results are read out through the role="status" line.
(function () {
  var script = document.currentScript;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !form || !input || !status || !list) return;
  var bundle = script.dataset.bundle;
  // Messages are in the page (hidden), so they are converted to the page's script with the rest.
  function message(name) {
    var el = document.getElementById("search-msg-" + name);
    return el ? el.textContent : "";
  }
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ basePath: bundle }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function show(query) {
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    status.textContent = message("searching");
    var total = 0;
    load().then(function (pf) { return pf.search(query); }).then(function (search) {
      total = search.results.length;
      return Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }));
    }).then(function (items) {
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = (item.meta && item.meta.title) || item.url;
        var p = document.createElement("p");
        // Pagefind's excerpt is text from our own pages with <mark> around the matches.
        p.innerHTML = item.excerpt;
        li.appendChild(a);
        li.appendChild(p);
        list.appendChild(li);
      });
      status.textContent = items.length
        ? message("found").replace("{n}", String(total))
        : message("none");
    }).catch(function () {
      status.textContent = message("none");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    show(query);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial.trim()); }
})();
