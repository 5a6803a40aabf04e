// Site search over the index in search/data/ (built by stdportal, see docs/SEARCH.md). Plain
// JavaScript, nothing fetched from elsewhere. A query is folded to Simplified with the site's
// table and split into words (at spaces); each word into keys as the index was made (pairs of
// Han characters, Latin words, numbers). Only the shards holding those keys are fetched. A
// document must hold every key of every word; documents are ranked by where and how often the
// keys occur, and each one shown is first verified to contain every word as a phrase, in the
// fragment of this page's script, which also gives its title, kind, city, date and excerpt.
(function () {
  "use strict";
  var PAGE = 10, BATCH = 10, MAX_CHECKS = 40;
  var FILTERS = ["city", "kind", "year", "topic", "validity"];
  var KINDS = ["policy", "interpretation", "news", "page", "indicator", "city"];
  var decoder = new TextDecoder(), encoder = new TextEncoder();

  // ---- text: the rules of src/search/normalize.rs ----
  var table = new Map();
  function fold(c) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 32;
    if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
    if (c === 0x3000) return 32;
    if (c < 0x2e80) return c;
    return table.get(c) || c;
  }
  // 1: Han, 2: letter, 3: digit, 0: other.
  function cls(c) {
    if (c >= 0x30 && c <= 0x39) return 3;
    if (c >= 0x61 && c <= 0x7a) return 2;
    if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 2;
    if (c >= 0x370 && c <= 0x4ff) return 2;
    if (c === 0x3007 || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
        (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0x20000 && c <= 0x2fa1f) || (c >= 0x30000 && c <= 0x3134f)) return 1;
    return 0;
  }
  // Units of text: {c: class, t: folded text, j: follows the previous unit directly,
  // s/e: where it is in the text}.
  function units(text) {
    var out = [], joined = false, last = null;
    for (var i = 0; i < text.length;) {
      var c = text.codePointAt(i), w = c > 0xffff ? 2 : 1, f = fold(c), k = cls(f);
      if (k === 0) { joined = false; last = null; }
      else if (k !== 1 && last && last.c === k) { last.t += String.fromCodePoint(f); last.e = i + w; }
      else { last = { c: k, t: String.fromCodePoint(f), j: joined, s: i, e: i + w }; out.push(last); joined = true; }
      i += w;
    }
    return out;
  }
  // Canonical text, and for each of its code units the unit it is part of (-1: a space).
  function canon(us) {
    var s = "", at = [];
    us.forEach(function (u, i) {
      if (i && !(us[i - 1].c === 1 && u.c === 1 && u.j)) { s += " "; at.push(-1); }
      s += u.t;
      for (var k = 0; k < u.t.length; k++) at.push(i);
    });
    return { s: s, at: at };
  }
  function edge(s, i) { var c = s.codePointAt(i); return c >= 0xdc00 && c <= 0xdfff ? s.codePointAt(i - 1) : c; }
  // Where the canonical text `h` holds the phrase `n`, from `from` on (-1: nowhere).
  function find(h, n, from) {
    var bs = cls(n.codePointAt(0)) !== 1, be = cls(edge(n, n.length - 1)) !== 1;
    for (var i = h.indexOf(n, from); i >= 0; i = h.indexOf(n, i + 1)) {
      if ((!bs || i === 0 || h[i - 1] === " ") && (!be || i + n.length === h.length || h[i + n.length] === " ")) return i;
    }
    return -1;
  }
  // The keys of a query word (see src/search/tokens.rs).
  function keys(us) {
    var segs = [], out = [];
    us.forEach(function (u, i) {
      if (i && u.c === 1 && us[i - 1].c === 1 && u.j) segs[segs.length - 1].push(u);
      else segs.push([u]);
    });
    segs.forEach(function (seg, i) {
      if (seg.length === 1 && seg[0].c !== 1) { if (encoder.encode(seg[0].t).length <= 48) out.push(seg[0].t); }
      else if (seg.length === 1) { if (i && i < segs.length - 1) out.push(seg[0].t); }
      else for (var k = 1; k < seg.length; k++) out.push(seg[k - 1].t + seg[k].t);
    });
    return out.filter(function (k, i) { return out.indexOf(k) === i; });
  }
  function hash(key) {
    var b = encoder.encode(key), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193); }
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  // Reads the index's numbers (LEB128) and bytes. A file that is cut short or damaged (a host
  // that rewrites it, a disk error) throws instead of being read past its end: counts taken from
  // it would otherwise run loops for ever, and the page would stay on "searching".
  function Reader(bytes, at) { this.b = bytes; this.i = at || 0; }
  function damaged() { throw new Error("damaged search index"); }
  Reader.prototype.v = function () {
    var x = 0, s = 1, c;
    do {
      if (this.i >= this.b.length || s > 0x10000000000000) damaged();
      c = this.b[this.i++]; x += (c & 127) * s; s *= 128;
    } while (c & 128);
    return x;
  };
  Reader.prototype.byte = function () {
    if (this.i >= this.b.length) damaged();
    return this.b[this.i++];
  };
  // A count of items that take at least `each` bytes each: never more than the bytes left.
  Reader.prototype.count = function (each) {
    var n = this.v();
    if (n * each > this.b.length - this.i) damaged();
    return n;
  };
  // Skips `n` bytes, which must be there.
  Reader.prototype.skip = function (n) {
    if (n > this.b.length - this.i) damaged();
    this.i += n;
  };

  // The index under `base`, read with `fetcher` (window.fetch), fragments in Traditional when
  // `hant`.
  function Engine(base, hant, fetcher) {
    // ---- files ----
    var files = {};
    function unpack(bytes) {
      // gzip, unless a host already took the compression off.
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
    }
    function get(name, fresh) {
      if (!files[name]) {
        files[name] = fetcher(base + name, fresh ? { cache: "no-cache" } : {}).then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + name);
          return r.arrayBuffer();
        }).then(function (b) { return unpack(new Uint8Array(b)); });
        files[name].catch(function () { delete files[name]; });
      }
      return files[name];
    }
    function json(name, fresh) {
      return get(name, fresh).then(function (b) { return JSON.parse(decoder.decode(b)); });
    }

    var meta = null;
    function load() {
      if (!meta) {
        meta = json("entry.json", true).then(function (entry) {
          return Promise.all([json(entry.meta), get(entry.chars)]);
        }).then(function (got) {
          var m = got[0], r = new Reader(got[1]), n = r.count(2), from = 0;
          m.table = new Map();
          for (var i = 0; i < n; i++) {
            from += r.v();
            var z = r.v();
            m.table.set(from, from + (z % 2 ? -(z + 1) / 2 : z / 2));
          }
          m.mask = m.shards.length / 8 - 1;
          return m;
        });
        meta.catch(function () { meta = null; });
      }
      return meta;
    }

    // ---- index ----
    function shard(m, s) {
      return get("i/" + s + "." + m.shards.substr(s * 8, 8) + ".bin").then(function (bytes) {
        var r = new Reader(bytes), n = r.count(3), map = new Map();
        for (var k = 0; k < n; k++) {
          var len = r.v(), at = r.i;
          r.skip(len);
          var key = decoder.decode(bytes.subarray(at, r.i)), count = r.v(), size = r.v();
          if (count * 2 > size) damaged();
          map.set(key, { n: count, at: r.i, b: bytes });
          r.skip(size);
        }
        return map;
      });
    }
    // Documents holding every key of a word: id → {i: lowest impact, t: all in the title,
    // c: chunks holding all (-1: not chunked)}.
    function holding(ks, maps, m) {
      var lists = ks.map(function (k) { return maps[hash(k) & m.mask].get(k); });
      if (lists.some(function (p) { return !p; })) return new Map();
      lists.sort(function (a, b) { return a.n - b.n; });
      var docs = null;
      lists.forEach(function (p) {
        var r = new Reader(p.b, p.at), doc = 0, seen = new Map();
        for (var i = 0; i < p.n; i++) {
          var d = r.v(); doc = i ? doc + d : d;
          var v = r.byte(), c = v & 128 ? r.v() : -1;
          if (!docs) seen.set(doc, { i: v & 31, t: v & 32, c: c });
          else {
            var e = docs.get(doc);
            if (e) { seen.set(doc, e); e.i = Math.min(e.i, v & 31); if (!(v & 32)) e.t = 0; if (c >= 0) e.c &= c; }
          }
        }
        docs = seen;
      });
      docs.forEach(function (e, d) { if (e.c === 0) docs.delete(d); });
      return docs;
    }
    var facets = null;
    function loadFacets(m) {
      if (!facets) facets = get("facets." + m.facets + ".bin").then(function (bytes) {
        var r = new Reader(bytes), n = r.count(5), f = { kind: [], validity: [], city: [], year: [], topic: [] }, i;
        f.kind = bytes.subarray(r.i, r.i + n); f.validity = bytes.subarray(r.i + n, r.i + 2 * n); r.skip(2 * n);
        for (i = 0; i < n; i++) f.city.push(r.v());
        for (i = 0; i < n; i++) f.year.push(r.v());
        for (i = 0; i < n; i++) { var t = [], c = r.count(1); while (c--) t.push(r.v()); f.topic.push(t); }
        return f;
      });
      return facets;
    }
    // Whether document d passes the filters (values as the selects give them).
    function passes(m, f, want, d) {
      return (!want.city || (m.cities[f.city[d] - 1] || [])[0] === want.city) &&
        (!want.kind || KINDS[f.kind[d]] === want.kind) &&
        (!want.year || String(f.year[d]) === want.year) &&
        (!want.validity || String(f.validity[d] - 1) === want.validity) &&
        (!want.topic || f.topic[d].some(function (t) { return m.topics[t][0] === want.topic; }));
    }

    // ---- a search ----
    function parse(q, m) {
      var words = [];
      q.split(/[\s\u3000]+/).slice(0, 10).forEach(function (raw) {
        var us = units(raw.slice(0, m.chunk)), c = canon(us).s;
        if (!c || words.some(function (w) { return w.canon === c; })) return;
        var ks = keys(us);
        words.push({ canon: c, keys: ks, verify: !(ks.length === 1 && ks[0] === c) });
      });
      return words;
    }
    function search(m, q, want) {
      return Promise.resolve().then(function () {
        table = m.table;
        var words = parse(q, m);
        var keyed = words.filter(function (w) { return w.keys.length; });
        if (!keyed.length) return { m: m, words: words, items: [], short: words.length > 0, next: 0, shown: 0, checked: 0, passed: 0 };
        var needed = [];
        keyed.forEach(function (w) {
          w.keys.forEach(function (k) { var s = hash(k) & m.mask; if (needed.indexOf(s) < 0) needed.push(s); });
        });
        var filtering = FILTERS.some(function (k) { return want[k]; });
        return Promise.all(needed.map(function (s) { return shard(m, s); }).concat(filtering ? [loadFacets(m)] : []))
          .then(function (got) {
            var maps = {};
            needed.forEach(function (s, i) { maps[s] = got[i]; });
            var f = filtering ? got[got.length - 1] : null;
            var per = keyed.map(function (w) { return holding(w.keys, maps, m); });
            per.sort(function (a, b) { return a.size - b.size; });
            var items = [];
            per[0].forEach(function (e, d) {
              if (f && !passes(m, f, want, d)) return;
              var score = 0, title = 1, chunks = -1;
              for (var k = 0; k < per.length; k++) {
                var x = per[k].get(d);
                if (!x) return;
                var n = per[k].size;
                score += Math.log(1 + (m.docs - n + 0.5) / (n + 0.5)) * x.i;
                if (!x.t) title = 0;
                if (x.c >= 0) chunks = chunks < 0 ? x.c : chunks | x.c;
              }
              // Data pages (indicators, cities) count half: they quote the documents.
            if (d >= m.classes[0] + m.classes[1]) score /= 2;
            items.push({ d: d, s: Math.round(score * 100), t: title, c: chunks });
            });
            items.sort(function (a, b) { return b.t - a.t || b.s - a.s || a.d - b.d; });
            var exact = !words.some(function (w) { return w.verify; });
            return { m: m, words: words, items: items, exact: exact, next: 0, shown: 0, checked: 0, passed: 0 };
          });
      });
    }
    function fragment(m, d, k) {
      var g = m.groups.substr(Math.floor(d / m.group) * 8, 8);
      return json((hant ? "t/" : "s/") + d + "-" + k + "." + g + ".bin");
    }
    // The fragments of a candidate in which every word is found, or null.
    function verify(st, item) {
      var chunks = [];
      for (var k = 0; k < 32; k++) if (item.c > 0 && item.c & (1 << k)) chunks.push(k);
      if (!chunks.length) chunks.push(0);
      var found = st.words.map(function (w) { return !w.verify; }), got = [], i = 0;
      function next() {
        return fragment(st.m, item.d, chunks[i++]).then(function (f) {
          var h = canon(units(f.n || f.x)).s + " " + canon(units(f.t)).s;
          st.words.forEach(function (w, wi) { if (!found[wi] && find(h, w.canon, 0) >= 0) found[wi] = true; });
          got.push(f);
          if (found.every(Boolean)) return got;
          return i < chunks.length ? next() : null;
        });
      }
      return next();
    }
    // Verifies candidates in ranking order, a batch at a time, until `count` more results, `max`
    // candidates checked or none left; resolves to the new results' fragments, in order.
    function more(st, count, max) {
      var want = st.shown + count, checks = 0, out = [];
      var whole = st.words.map(function (w) { return w.canon; }).join(" ");
      function batch() {
        if (st.cancelled || st.shown >= want || st.next >= st.items.length || checks >= max) return out;
        var from = st.next, take = st.items.slice(from, from + (st.exact ? want - st.shown : BATCH));
        st.next += take.length;
        checks += take.length;
        return Promise.all(take.map(function (it) { return verify(st, it); })).then(function (all) {
          var got = [];
          for (var i = 0; i < all.length; i++) {
            if (st.shown + got.length >= want) { st.next = from + i; break; }
            st.checked++;
            if (all[i]) got.push(all[i]);
          }
          // A page whose title is the query first (among those shown from this batch).
          got.map(function (f, i) { return [canon(units(f[0].t)).s === whole ? 0 : 1, i, f]; })
            .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
            .forEach(function (x) { out.push(x[2]); st.shown++; st.passed++; });
          return batch();
        });
      }
      return Promise.resolve().then(batch);
    }
    return { load: load, search: search, verify: verify, more: more };
  }

  if (typeof document === "undefined" || !document.currentScript) {
    if (typeof module === "object") module.exports = { Engine: Engine, units: units, canon: canon, keys: keys, hash: hash, find: find };
    return;
  }
  var script = document.currentScript;
  var $ = function (id) { return document.getElementById("search-" + id); };
  var form = $("form"), input = $("input"), status = $("status"), list = $("results"), more = $("more");
  if (!form || !input || !status || !list || !more) return;
  var root = script.getAttribute("data-root");
  var hant = document.documentElement.lang === "zh-Hant";
  var engine = Engine(script.getAttribute("data-index"), hant, window.fetch && window.fetch.bind(window));
  var current = null;

  // Messages and labels are in the page (hidden), so they are in the page's script.
  function msg(name, n) {
    var el = $("msg-" + name);
    return el ? el.textContent.replace("{n}", n) : "";
  }
  function label(kind, code) {
    var el = document.querySelector("[data-" + kind + "-label=\"" + code + "\"]");
    return el ? el.textContent : "";
  }
  function say(text) { status.textContent = text; }

  // ---- showing results ----
  function marked(el, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] < at) return;
      el.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      el.appendChild(mark);
      at = r[1];
    });
    el.appendChild(document.createTextNode(text.slice(at)));
  }
  function matches(text, words) {
    var us = units(text), c = canon(us), out = [];
    words.forEach(function (w) {
      for (var i = find(c.s, w.canon, 0); i >= 0; i = find(c.s, w.canon, i + 1)) {
        out.push([us[c.at[i]].s, us[c.at[i + w.canon.length - 1]].e]);
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }
  function dateText(d) {
    if (!d) return "";
    var p = d.split("-").map(Number);
    return p[0] + "年" + (p[1] ? p[1] + "月" : "") + (p[2] ? p[2] + "日" : "");
  }
  function item(st, frags) {
    var f = frags[0], m = st.m, li = document.createElement("li"), h = document.createElement("h2"), a = document.createElement("a");
    a.href = root + f.u;
    marked(a, f.t, matches(f.t, st.words));
    h.appendChild(a);
    var city = m.cities.filter(function (c) { return c[0] === f.c; })[0];
    var info = document.createElement("p");
    info.className = "result-info";
    info.textContent = [label("kind", f.k), city ? city[hant ? 2 : 1] : "", dateText(f.d)].filter(Boolean).join(" · ");
    // A document no longer in force as written (已修改, 已废止, 已失效) says so first.
    if (f.v) {
      var badge = document.createElement("span");
      badge.className = "tag validity-badge";
      badge.textContent = label("validity", f.v);
      info.insertBefore(document.createTextNode(" "), info.firstChild);
      info.insertBefore(badge, info.firstChild);
    }
    // The excerpt: around the first match after the title, cut at a sentence where it can be.
    var text = f.x, ranges = [];
    frags.some(function (g) {
      var r = matches(g.x, st.words), at = g.x.indexOf(g.t), skip = at >= 0 && at < 100 ? at + g.t.length : 0;
      // Matches after the title, those in running text (a line of 40 characters or more) first.
      var after = r.filter(function (x) { return x[0] >= skip; }), prose = after.filter(function (x) {
        var a = g.x.lastIndexOf("\n", x[0]) + 1, b = g.x.indexOf("\n", x[1]);
        return (b < 0 ? g.x.length : b) - a >= 40;
      });
      after = prose.concat(after.filter(function (x) { return prose.indexOf(x) < 0; }));
      if (after.length || (!ranges.length && r.length)) { ranges = after.length ? after : r; text = g.x; }
      return after.length > 0;
    });
    var start = 0, end;
    if (ranges.length) {
      start = Math.max(0, ranges[0][0] - 36);
      var before = text.slice(start, ranges[0][0]);
      var cut = Math.max(before.lastIndexOf("。"), before.lastIndexOf("\n"), before.lastIndexOf("；"));
      if (cut >= 0) start += cut + 1;
      end = Math.max(ranges[0][1] + 80, start + 110);
    } else {
      var title = text.indexOf(f.t);
      if (title >= 0 && title < 100) start = title + f.t.length;
      end = start + 110;
    }
    end = Math.min(text.length, end);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    var lead = start > 0 ? "……" : "", p = document.createElement("p");
    p.className = "excerpt";
    marked(p, lead + text.slice(start, end).replace(/\n/g, "\u3000") + (end < text.length ? "……" : ""),
      ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
        .map(function (r) { return [r[0] - start + lead.length, r[1] - start + lead.length]; }));
    li.appendChild(h);
    if (info.textContent) li.appendChild(info);
    li.appendChild(p);
    return li;
  }
  function countText(st) {
    var left = st.items.length - st.next;
    if (st.exact || !left) return msg("found", st.exact ? st.items.length : st.passed);
    var estimate = st.passed + Math.round(left * (st.checked ? st.passed / st.checked : 1));
    return msg("about", estimate);
  }
  // Shows the next page of results; resolves to the first new one.
  function page(st) {
    return engine.more(st, PAGE, MAX_CHECKS).then(function (got) {
      if (st !== current) return null;
      var first = null;
      got.forEach(function (frags) {
        var li = item(st, frags);
        list.appendChild(li);
        first = first || li;
      });
      var left = st.next < st.items.length;
      more.hidden = !left;
      say(st.shown ? countText(st) : left ? msg("unsure", st.checked) : msg("none", ""));
      return first;
    });
  }

  // ---- the form ----
  function wanted() {
    var want = {};
    FILTERS.forEach(function (k) { var el = $(k); want[k] = el && el.value ? el.value : ""; });
    return want;
  }
  function fill(m) {
    var options = {
      city: m.cities.map(function (c) { return [c[0], c[hant ? 2 : 1]]; }),
      kind: m.kinds.map(function (k) { return [k, label("kind", k)]; }),
      year: m.years.map(function (y) { return [String(y), y + "年"]; }),
      topic: m.topics.map(function (t) { return [t[0], t[hant ? 1 : 0]]; }),
      validity: m.validity.map(function (v) { return [String(v), label("validity", v)]; })
    };
    FILTERS.forEach(function (k) {
      var el = $(k);
      if (!el || el.options.length > 1) return;
      var value = el.getAttribute("data-value") || el.value;
      options[k].forEach(function (o) { el.add(new Option(o[1], o[0], false, o[0] === value)); });
      el.closest(".search-filter").hidden = options[k].length < 2;
    });
  }
  function run() {
    list.textContent = "";
    more.hidden = true;
    var q = input.value.trim(), st0 = {};
    if (current) current.cancelled = true;
    current = st0;
    if (q) say(msg("searching", ""));
    return engine.load().then(function (m) {
      fill(m);
      var want = wanted(), params = new URLSearchParams();
      if (q) params.set("q", q);
      FILTERS.forEach(function (k) { if (want[k]) params.set(k, want[k]); });
      var query = params.toString() ? "?" + params : "";
      history.replaceState(null, "", location.pathname + query);
      var sw = document.querySelector(".lang-switch");
      if (sw) sw.href = sw.href.split("?")[0] + query;
      if (!q) { say(""); return null; }
      return engine.search(m, q, want);
    }).then(function (st) {
      if (!st || current !== st0) return;
      if (st.short) { say(msg("short", "")); return; }
      current = st;
      return page(st);
    }).catch(function () { if (current === st0) say(msg("error", "")); });
  }
  if (!window.DecompressionStream || !window.fetch) { say(msg("unsupported", "")); return; }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  FILTERS.forEach(function (k) { var el = $(k); if (el) el.addEventListener("change", run); });
  more.addEventListener("click", function () {
    if (!current || !current.items) return;
    var st = current;
    page(st).then(function (li) { var a = li && li.querySelector("a"); if (a) a.focus(); })
      .catch(function () { if (current === st) { more.hidden = true; say(msg("error", "")); } });
  });
  var params = new URLSearchParams(location.search);
  FILTERS.forEach(function (k) { var el = $(k); if (el && params.get(k)) el.setAttribute("data-value", params.get(k)); });
  var filters = $("filters");
  if (filters) filters.hidden = false;
  if (params.get("q")) input.value = params.get("q");
  run();
})();
