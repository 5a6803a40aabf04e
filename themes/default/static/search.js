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
  function find(h, n, from, prefix) {
    var bs = cls(n.codePointAt(0)) !== 1, be = !prefix && cls(edge(n, n.length - 1)) !== 1;
    for (var i = h.indexOf(n, from); i >= 0; i = h.indexOf(n, i + 1)) {
      if ((!bs || i === 0 || h[i - 1] === " ") && (!be || i + n.length === h.length || h[i + n.length] === " ")) return i;
    }
    return -1;
  }
  // The keys of a query word (see query_word in src/search/tokens.rs): k, the keys every page
  // holding it has; p, a last Latin word or number matched as a prefix; one, a single Han
  // character (its key is itself).
  function keys(us) {
    var segs = [], out = [], p = null;
    us.forEach(function (u, i) {
      if (i && u.c === 1 && us[i - 1].c === 1 && u.j) segs[segs.length - 1].push(u);
      else segs.push([u]);
    });
    if (segs.length === 1 && segs[0].length === 1 && segs[0][0].c === 1) return { k: [segs[0][0].t], p: null, one: true };
    var last = segs.length - 1;
    segs.forEach(function (seg, i) {
      if (seg.length === 1 && seg[0].c !== 1) {
        if (encoder.encode(seg[0].t).length <= 48) { if (i === last && i > 0) p = seg[0].t; else out.push(seg[0].t); }
      } else if (seg.length === 1) { if (i && i < last) out.push(seg[0].t); }
      else for (var k = 1; k < seg.length; k++) out.push(seg[k - 1].t + seg[k].t);
    });
    out = out.filter(function (k, i) { return out.indexOf(k) === i; });
    if (p !== null && out.indexOf(p) >= 0) p = null;
    return { k: out, p: p, one: false };
  }
  // A query word's pieces: cut where punctuation stands between two Han characters (质量，强市),
  // not where it joins numbers or letters (国发〔2015〕13号, GB/T 9704). `f` is folded.
  function pieces(f) {
    var out = [], cur = "", cs = Array.from(f);
    for (var i = 0; i < cs.length;) {
      if (cls(cs[i].codePointAt(0))) { cur += cs[i++]; continue; }
      var start = i;
      while (i < cs.length && !cls(cs[i].codePointAt(0))) i++;
      if (start > 0 && cls(cs[start - 1].codePointAt(0)) === 1 && i < cs.length && cls(cs[i].codePointAt(0)) === 1) { out.push(cur); cur = ""; }
      else cur += cs.slice(start, i).join("");
    }
    out.push(cur);
    return out;
  }
  // The first `limit` UTF-16 units of folded text, never inside a Latin word or a number.
  function cut(f, limit) {
    if (f.length <= limit) return f;
    var end = limit;
    if (f.codePointAt(end - 1) >= 0xd800 && f.codePointAt(end - 1) <= 0xdbff) end--;
    var k = cls(f.codePointAt(end));
    if ((k === 2 || k === 3) && end > 0 && cls(edge(f, end - 1)) === k) {
      while (end > 0 && cls(edge(f, end - 1)) === k) end--;
    }
    return f.slice(0, end);
  }
  function foldText(t) {
    var out = "";
    for (var i = 0; i < t.length;) { var c = t.codePointAt(i); out += String.fromCodePoint(fold(c)); i += c > 0xffff ? 2 : 1; }
    return out;
  }
  function allHan(c) { return Array.from(c).every(function (x) { return cls(x.codePointAt(0)) === 1; }); }
  function alt(c) { var q = keys(units(c)); return { canon: c, keys: q.k, prefix: q.p, one: q.one }; }
  function keyed(w) { return w.alts.every(function (a) { return a.keys.length > 0; }); }
  function needsCheck(w) {
    return !keyed(w) || w.alts.some(function (a) { return a.prefix !== null || !(a.keys.length === 1 && a.keys[0] === a.canon); });
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
    function posting(maps, m, k) { var map = maps[hash(k) & m.mask]; return map ? map.get(k) : undefined; }
    // Documents holding every key of `ks`: id → {i: lowest impact, t: all in the title,
    // c: chunks holding all (-1: not chunked)}.
    function holding(ks, maps, m) {
      var lists = ks.map(function (k) { return posting(maps, m, k); });
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
    // Documents holding a word: any of its forms (it and its synonyms).
    function holdingWord(w, maps, m) {
      var out = new Map();
      w.alts.forEach(function (a) {
        holding(a.keys, maps, m).forEach(function (x, d) {
          var e = out.get(d);
          if (!e) out.set(d, { i: x.i, t: x.t, c: x.c });
          else { e.i = Math.max(e.i, x.i); e.t = e.t || x.t; e.c = e.c < 0 || x.c < 0 ? -1 : e.c | x.c; }
        });
      });
      return out;
    }
    // Documents holding a word's last number or Latin word as typed (泰政发〔2021〕: 2021): it is
    // a prefix and not required, so without this every page of 泰政发 ranks alike and those of
    // 2021 may all lie past the candidates a page verifies. Empty without a prefix.
    function prefixHeld(w, maps, m) {
      var out = new Map();
      w.alts.forEach(function (a) {
        if (a.prefix === null) return;
        holding([a.prefix], maps, m).forEach(function (x, d) {
          var e = out.get(d);
          if (!e) out.set(d, { i: x.i, t: x.t, c: x.c });
          else e.i = Math.max(e.i, x.i);
        });
      });
      return out;
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

    // ---- a search (the same steps as src/search/query.rs) ----
    function parse(q, m) {
      var words = [], syn = m.synonyms || [], raws = [];
      // A number typed after a space joins a word ending in a letter or a number (GB/T 9704).
      q.split(/[\s\u3000]+/).forEach(function (raw) {
        if (!raw) return;
        var f = foldText(raw), cs = Array.from(f), prev = raws[raws.length - 1];
        var number = cs.some(function (c) { return cls(c.codePointAt(0)) === 3; }) &&
          cs.every(function (c) { var k = cls(c.codePointAt(0)); return k === 3 || k === 0; });
        var tail = prev ? Array.from(prev).reverse().filter(function (c) { return cls(c.codePointAt(0)) !== 0; })[0] : null;
        var k = tail ? cls(tail.codePointAt(0)) : 0;
        if (number && (k === 2 || k === 3)) raws[raws.length - 1] = prev + " " + f;
        else raws.push(f);
      });
      raws.forEach(function (raw) {
        pieces(raw).forEach(function (piece) {
          var c = canon(units(cut(piece, m.chunk))).s;
          if (!c || words.length >= 10 || words.some(function (w) { return w.alts[0].canon === c; })) return;
          var forms = [c], group = syn.filter(function (g) { return g.indexOf(c) >= 0; })[0];
          if (group) group.forEach(function (x) { if (x !== c) forms.push(x); });
          words.push({ alts: forms.map(alt) });
        });
      });
      return words;
    }
    function clone(w) { return { alts: w.alts.map(function (a) { return { canon: a.canon, keys: a.keys.slice(), prefix: a.prefix, one: a.one }; }) }; }
    // The query's words with the fewest cuts into Han words of two or more characters that some
    // page holds all of (the site's own text as the dictionary); among equal cuts, the one most
    // pages hold. null when no cut helps.
    function segmented(words, maps, m) {
      var places = [];
      words.forEach(function (w, i) {
        var n = Array.from(w.alts[0].canon).length;
        if (w.alts.length === 1 && allHan(w.alts[0].canon) && n >= 4) for (var at = 2; at <= n - 2; at++) places.push([i, at]);
      });
      if (!places.length) return null;
      var ones = places.map(function (p) { return [p]; }), twos = [];
      if (places.length <= 24) places.forEach(function (x, a) {
        places.slice(a + 1).forEach(function (y) { if (x[0] !== y[0] || y[1] - x[1] >= 2) twos.push([x, y]); });
      });
      var levels = [ones, twos];
      for (var l = 0; l < levels.length; l++) {
        var best = null, bestN = 0;
        levels[l].forEach(function (cuts) {
          var split = cutWords(words, cuts), ks = split.filter(keyed);
          if (!ks.length) return;
          var docs = null;
          ks.forEach(function (w) {
            var h = holdingWord(w, maps, m);
            if (!docs) docs = h;
            else { var next = new Map(); docs.forEach(function (v, d) { if (h.has(d)) next.set(d, v); }); docs = next; }
          });
          if (docs.size > 0 && (!best || docs.size > bestN)) { best = split; bestN = docs.size; }
        });
        if (best) return best;
      }
      return null;
    }
    function cutWords(words, cuts) {
      var out = [];
      words.forEach(function (w, i) {
        var at = cuts.filter(function (c) { return c[0] === i; }).map(function (c) { return c[1]; });
        if (!at.length) { out.push(w); return; }
        var cs = Array.from(w.alts[0].canon), from = 0;
        at.concat([cs.length]).forEach(function (to) { out.push({ alts: [alt(cs.slice(from, to).join(""))] }); from = to; });
      });
      return out;
    }
    // The fallback steps: [step, words, how many words a page must hold (null: all)].
    function fallbacks(words, maps, m) {
      var out = [], split = segmented(words, maps, m), pairs = [], any = false;
      if (split) out.push(["words", split, null]);
      words.forEach(function (w) {
        var c = w.alts[0].canon, cs = Array.from(c);
        if (allHan(c) && cs.length >= 3) {
          any = true;
          for (var k = 1; k < cs.length; k++) {
            var p = cs[k - 1] + cs[k];
            if (!pairs.some(function (x) { return x.alts[0].canon === p; })) pairs.push({ alts: [alt(p)] });
          }
        } else if (keyed(w)) pairs.push(w);
      });
      if (any) {
        out.push(["pairs", pairs, null]);
        if (pairs.length >= 3) out.push(["most", pairs, Math.ceil(2 * pairs.length / 3)]);
      }
      return out;
    }
    // Ranks the candidates of `words` (with `need`: documents holding that many, more first).
    function rank(m, words, maps, f, want, need) {
      var keyedWords = words.filter(keyed), st = { m: m, words: words, items: [], next: 0, shown: 0, checked: 0, passed: 0, step: "phrase" };
      if (!keyedWords.length) { st.short = words.length > 0; return st; }
      var per = keyedWords.map(function (w) { return holdingWord(w, maps, m); });
      per.sort(function (a, b) { return a.size - b.size; });
      var prefixes = keyedWords.map(function (w) { return prefixHeld(w, maps, m); }).filter(function (x) { return x.size > 0; });
      if (need === null) need = per.length;
      st.any = need < per.length;
      var ids = [];
      if (st.any) { var all = new Set(); per.forEach(function (x) { x.forEach(function (e, d) { all.add(d); }); }); all.forEach(function (d) { ids.push(d); }); }
      else per[0].forEach(function (e, d) { ids.push(d); });
      ids.sort(function (a, b) { return a - b; });
      var documents = m.classes[0] + m.classes[1];
      ids.forEach(function (d) {
        if (f && !passes(m, f, want, d)) return;
        var score = 0, title = 1, chunks = -1, held = 0;
        for (var k = 0; k < per.length; k++) {
          var x = per[k].get(d);
          if (!x) { title = 0; continue; }
          held++;
          var n = per[k].size;
          score += Math.log(1 + (m.docs - n + 0.5) / (n + 0.5)) * x.i;
          if (!x.t) title = 0;
          if (x.c >= 0) chunks = chunks < 0 ? x.c : chunks | x.c;
        }
        if (held < need) return;
        // The number as typed counts as a key would (it is not required).
        prefixes.forEach(function (p) {
          var x = p.get(d);
          if (x) score += Math.log(1 + (m.docs - p.size + 0.5) / (p.size + 0.5)) * x.i;
        });
        // Data pages (indicators, cities) count half: they quote the documents; and they do
        // not join the documents whose title holds every word.
        if (d >= documents) { score /= 2; title = 0; }
        st.items.push({ d: d, h: held, s: Math.round(score * 100), t: title, c: chunks });
      });
      st.items.sort(function (a, b) { return b.h - a.h || b.t - a.t || b.s - a.s || a.d - b.d; });
      st.exact = !words.some(needsCheck);
      return st;
    }
    // Searches, and verifies the first `count` results (checking at most `max` candidates):
    // resolves to the state, with `first` the results' fragments and `step` how they were found.
    function search(m, q, want, count, max) {
      if (count === undefined) { count = PAGE; max = MAX_CHECKS; }
      return Promise.resolve().then(function () {
        table = m.table;
        var words = parse(q, m), needed = [];
        words.forEach(function (w) {
          w.alts.forEach(function (a) {
            // A prefix is not required, but its own key is read: pages holding the number as
            // typed rank first (see `prefixHeld`).
            a.keys.concat(a.prefix !== null ? [a.prefix] : []).forEach(function (k) {
              var s = hash(k) & m.mask; if (needed.indexOf(s) < 0) needed.push(s);
            });
          });
        });
        var filtering = FILTERS.some(function (k) { return want[k]; });
        return Promise.all(needed.map(function (s) { return shard(m, s); }).concat(filtering ? [loadFacets(m)] : []))
          .then(function (got) {
            var maps = {};
            needed.forEach(function (s, i) { maps[s] = got[i]; });
            var f = filtering ? got[got.length - 1] : null;
            // A single character alone looks up the pages naming it; with other words it is
            // only checked in their text.
            if (words.some(function (w) { return keyed(w) && !w.alts.some(function (a) { return a.one; }); })) {
              words.forEach(function (w) { w.alts.forEach(function (a) { if (a.one) a.keys = []; }); });
            }
            var st = rank(m, words, maps, f, want, null);
            return more(st, count, max).then(function (first) {
              st.first = first;
              if (first.length || st.short || st.checked < st.items.length) return st;
              // Nothing: the fallback steps, in turn, until one finds something.
              var steps = fallbacks(words, maps, m);
              function next() {
                var step = steps.shift();
                if (!step || st.cancelled) return st;
                var nst = rank(m, step[1], maps, f, want, step[2]);
                nst.step = step[0];
                nst.query = words;
                return more(nst, count, max).then(function (got) {
                  nst.first = got;
                  return got.length ? nst : next();
                });
              }
              return next();
            });
          });
      });
    }
    function fragment(m, d, k) {
      var g = m.groups.substr(Math.floor(d / m.group) * 8, 8);
      return json((hant ? "t/" : "s/") + d + "-" + k + "." + g + ".bin");
    }
    // The fragments of a candidate in which every word (st.any: some word) is found, or null.
    function verify(st, item) {
      var chunks = [];
      for (var k = 0; k < 32; k++) if (item.c > 0 && item.c & (1 << k)) chunks.push(k);
      if (!chunks.length) chunks.push(0);
      var found = st.words.map(function (w) { return st.any || !needsCheck(w); }), got = [], i = 0;
      function next() {
        return fragment(st.m, item.d, chunks[i++]).then(function (f) {
          var h = canon(units(f.n || f.x)).s + " " + canon(units(f.t)).s;
          st.words.forEach(function (w, wi) {
            if (!found[wi] && w.alts.some(function (a) { return find(h, a.canon, 0, a.prefix !== null) >= 0; })) found[wi] = true;
          });
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
      var whole = st.words.map(function (w) { return w.alts[0].canon; }).join(" ");
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
    return { load: load, search: search, verify: verify, more: more, json: json };
  }

  if (typeof document === "undefined" || !document.currentScript) {
    if (typeof module === "object") module.exports = { Engine: Engine, units: units, canon: canon, keys: keys, hash: hash, find: find, pieces: pieces, cut: cut };
    return;
  }
  var script = document.currentScript;
  var root = script.getAttribute("data-root");
  // The site's root (a script's root is under it): files such as attachments are published once
  // for both scripts. A theme's older search page has no data-base: the index is under the root.
  var siteRoot = script.getAttribute("data-base") || (script.getAttribute("data-index") || "").replace(/search\/data\/$/, "");
  var hant = document.documentElement.lang === "zh-Hant";
  var engine = Engine(script.getAttribute("data-index"), hant, window.fetch && window.fetch.bind(window));
  var usable = !!(window.DecompressionStream && window.fetch);

  // ---- suggestions while typing (the ARIA 1.2 combobox pattern) ----
  // One for the header's box on every page and one for the search page's box. Without
  // JavaScript (or in a browser that cannot read the index) the box stays a plain form field
  // that submits to the search page. `pick(text)` runs a suggestion that is not a title (a
  // title opens its page).
  var buckets = {};
  var ORDER = { c: 0, p: 1, o: 2, n: 3, t: 4 };
  function combobox(input, box, pick) {
    var options = [], active = -1, typed = null;
    function label(code) {
      var el = document.querySelector("[data-suggest-label=\"" + code + "\"]");
      return el ? el.textContent : "";
    }
    function close() {
      box.hidden = true;
      box.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function choose(o) {
      close();
      if (o[2] === "t" && o[3]) { location.href = root + o[3]; return; }
      input.value = hant ? o[1] : o[0];
      pick(input.value);
    }
    function suggest() {
      var text = input.value.trim();
      if (!text) { close(); return; }
      engine.load().then(function (m) {
        table = m.table;
        var c = canon(units(text)).s;
        if (!c || !m.suggest) { close(); return; }
        var first = String.fromCodePoint(c.codePointAt(0)), n = m.suggest.length / 8;
        var b = hash(first) & (n - 1);
        if (!buckets[b]) {
          buckets[b] = engine.json("u/" + b + "." + m.suggest.substr(b * 8, 8) + ".bin");
          buckets[b].catch(function () { delete buckets[b]; });
        }
        return buckets[b].then(function (rows) {
          if (input.value.trim() !== text) return;
          var found = rows.filter(function (r) { return canon(units(r[0])).s.indexOf(c) === 0; });
          found.sort(function (x, y) { return ORDER[x[2]] - ORDER[y[2]] || x[0].length - y[0].length; });
          show(found.slice(0, 8), m);
        });
      }).catch(close);
    }
    function show(found, m) {
      box.textContent = "";
      options = found;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      found.forEach(function (o, i) {
        var li = document.createElement("li"), city = m.cities.filter(function (c) { return c[0] === o[4]; })[0];
        li.id = box.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = hant ? o[1] : o[0];
        var kind = document.createElement("span");
        kind.className = "suggest-kind";
        kind.textContent = " " + [label(o[2]), city && o[2] !== "c" ? city[hant ? 2 : 1] : ""].filter(Boolean).join(" · ");
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(o); });
        box.appendChild(li);
      });
      box.hidden = !found.length;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
    }
    function highlight(i) {
      if (!options.length) return;
      active = (i + options.length) % options.length;
      [].forEach.call(box.children, function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", box.id + "-" + active);
      box.children[active].scrollIntoView({ block: "nearest" });
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", box.id);
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", function () { clearTimeout(typed); typed = setTimeout(suggest, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && box.hidden) { e.preventDefault(); suggest(); return; }
      if (box.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active - 1); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(options[active]); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
    return { close: close };
  }

  // The header's box: a suggestion that is not a title is searched on the search page, as the
  // form would without JavaScript.
  var header = document.getElementById("site-search-q"), headerBox = document.getElementById("site-search-suggest");
  if (header && headerBox && header.form && usable) {
    combobox(header, headerBox, function () { header.form.submit(); });
  }

  var $ = function (id) { return document.getElementById("search-" + id); };
  var form = $("form"), input = $("input"), status = $("status"), list = $("results"), more = $("more");
  var notice = $("notice"), help = $("none"), box = $("suggest");
  if (!form || !input || !status || !list || !more) return;
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
  function say(text) { if (status.textContent !== text) status.textContent = text; }
  function quoted(text) { return msg("quote", "").replace("{q}", text); }

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
      w.alts.forEach(function (a) {
        for (var i = find(c.s, a.canon, 0, a.prefix !== null); i >= 0; i = find(c.s, a.canon, i + 1, a.prefix !== null)) {
          var end = c.at[i + a.canon.length - 1];
          out.push([us[c.at[i]].s, us[end].e]);
        }
      });
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }
  function dateText(d) {
    if (!d) return "";
    var p = d.split("-").map(Number);
    return p[0] + "年" + (p[1] ? p[1] + "月" : "") + (p[2] ? p[2] + "日" : "");
  }
  var WORDY = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％]/, CLOSING = /^[”’」』）)》〉】〕，。；：、,.;:！？!?\s]+/;
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
    var text = f.x, ranges = [], start = 0, end;
    if (f.k === "indicator") {
      // A target: its own words, its figures and its plan, not the table read as a line.
      var lines = f.x.split("\n"), src = lines.indexOf(lines.filter(function (l) { return /^(出处|出處)$/.test(l); })[0]);
      var plan = lines.filter(function (l) { return /^(规划文件|規劃文件)：/.test(l); })[0];
      text = [src >= 0 ? lines[src + 1] : "", lines[1] || "", plan || ""].filter(Boolean).join("\n");
      ranges = matches(text, st.words);
      end = text.length;
    } else {
      // The excerpt: around the first match after the title, cut at a sentence where it can be.
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
      // Never inside a number or a Latin word (……0月14日 was 10月14日), never after a quote's end.
      while (start > 0 && WORDY.test(text[start]) && WORDY.test(text[start - 1])) start--;
      while (end < text.length && WORDY.test(text[end]) && WORDY.test(text[end - 1])) end++;
      var stray = CLOSING.exec(text.slice(start));
      if (stray && start > 0 && (!ranges.length || start + stray[0].length <= ranges[0][0])) start += stray[0].length;
    }
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    var lead = start > 0 ? "……" : "", p = document.createElement("p");
    p.className = "excerpt";
    marked(p, lead + text.slice(start, end).replace(/\n/g, "\u3000") + (end < text.length ? "……" : ""),
      ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
        .map(function (r) { return [r[0] - start + lead.length, r[1] - start + lead.length]; }));
    li.appendChild(h);
    if (info.textContent) li.appendChild(info);
    var files = attached(f.a);
    if (files) li.appendChild(files);
    li.appendChild(p);
    return li;
  }
  // 附件 under a result, as the catalogue lists them: 附件：name（PDF，24 KB）、…; at most
  // FILES_SHOWN, then 等N个 (N: all of them, the page lists every one). Each entry of `list` is
  // [name, address from the site's root, type, size]; everything is text, never markup, and an
  // address stays under the site's root (leading slashes would make it another host's). Nothing
  // (null) without any; an entry that is not a name and an address (a damaged index) is left out.
  var FILES_SHOWN = 3;
  function attached(list) {
    list = (Array.isArray(list) ? list : []).filter(function (file) {
      return Array.isArray(file) && typeof file[0] === "string" && file[0] && typeof file[1] === "string";
    });
    if (!list.length) return null;
    var el = document.createElement("p");
    el.className = "result-files";
    el.appendChild(document.createTextNode(msg("files") || "附件："));
    list.slice(0, FILES_SHOWN).forEach(function (file, i) {
      if (i) el.appendChild(document.createTextNode("、"));
      var a = document.createElement("a");
      a.href = siteRoot + file[1].replace(/^[\/\\]+/, "");
      a.textContent = file[0];
      el.appendChild(a);
      var about = [file[2], file[3]].filter(function (x) { return typeof x === "string" && x; }).join("，");
      if (about) {
        var meta = document.createElement("span");
        meta.className = "file-meta";
        meta.textContent = "（" + about + "）";
        el.appendChild(meta);
      }
    });
    if (list.length > FILES_SHOWN) {
      el.appendChild(document.createTextNode(msg("more-files", list.length) || "等" + list.length + (hant ? "個" : "个")));
    }
    return el;
  }
  function countText(st) {
    var left = st.items.length - st.next;
    if (st.exact || !left) return msg("found", st.exact ? st.items.length : st.passed);
    var estimate = st.passed + Math.round(left * (st.checked ? st.passed / st.checked : 1));
    return msg("about", estimate);
  }
  // The filters that are on, by their names.
  function filterNames() {
    return FILTERS.map(function (k) { var el = $(k); return el && el.value ? el.options[el.selectedIndex].text : ""; }).filter(Boolean);
  }
  // What the live region says: the query, the count, the filters.
  function summary(st, q) {
    var f = filterNames(), text;
    if (st.shown) text = quoted(q) + countText(st);
    else if (st.next < st.items.length) text = quoted(q) + msg("unsure", st.checked);
    else text = quoted(q) + msg("none", "");
    return text + (f.length ? msg("filtered", "").replace("{f}", f.join("、")) : "") + msg("end", "");
  }
  function show(st, got) {
    var first = null;
    got.forEach(function (frags) {
      var li = item(st, frags);
      list.appendChild(li);
      first = first || li;
    });
    more.hidden = !(st.next < st.items.length);
    return first;
  }
  // The first page of a search: results, the step that found them, and help when none.
  function shown(st, q) {
    show(st, st.first || []);
    if (notice) {
      notice.hidden = st.step === "phrase" || !st.step;
      if (!notice.hidden) {
        var parts = st.words.map(function (w) { return w.alts[0].canon; }).join("、");
        notice.textContent = msg("step-" + st.step, "").replace("{q}", q).replace("{w}", parts);
      }
    }
    say(summary(st, q) + (notice && !notice.hidden ? notice.textContent : ""));
    if (help) {
      help.hidden = st.shown > 0 || st.next < st.items.length;
      var clear = $("clear");
      if (clear) clear.hidden = !filterNames().length;
    }
  }

  // ---- the form and the history: one entry per query, its place kept ----
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
  function address() {
    var want = wanted(), params = new URLSearchParams(), q = input.value.trim();
    if (q) params.set("q", q);
    FILTERS.forEach(function (k) { if (want[k]) params.set(k, want[k]); });
    return location.pathname + (params.toString() ? "?" + params : "");
  }
  // Remembers how many results are shown and where the page is scrolled, for Back.
  function remember() {
    if (!current || !current.items) return;
    history.replaceState({ shown: current.shown, scroll: window.scrollY }, "", location.href);
  }
  // Runs the search the form says. `how`: "push" (a new query: a new history entry),
  // "replace" (the first search on the page), or a saved state to restore (Back, Forward).
  function run(how) {
    list.textContent = "";
    more.hidden = true;
    if (notice) notice.hidden = true;
    if (help) help.hidden = true;
    var q = input.value.trim(), st0 = {}, saved = how && typeof how === "object" ? how : null;
    if (current) current.cancelled = true;
    current = st0;
    if (q) say(msg("searching", ""));
    return engine.load().then(function (m) {
      fill(m);
      var url = address();
      if (how === "push" && url !== location.pathname + location.search) history.pushState(null, "", url);
      else if (!saved) history.replaceState(null, "", url);
      var sw = document.querySelector(".lang-switch");
      if (sw) sw.href = sw.href.split("?")[0] + url.slice(location.pathname.length);
      if (!q) { say(""); return null; }
      var count = saved && saved.shown > PAGE ? saved.shown : PAGE;
      return engine.search(m, q, wanted(), count, Math.max(MAX_CHECKS, count * 4));
    }).then(function (st) {
      if (!st || current !== st0) return;
      if (st.short) { say(msg("short", "")); return; }
      current = st;
      shown(st, q);
      if (saved && saved.scroll) window.scrollTo(0, saved.scroll);
      else {
        // On a small screen the form and filters fill the first view: bring the count and the
        // first result into it (the form stays one swipe up).
        var li = list.firstElementChild;
        if (li && li.getBoundingClientRect().bottom > window.innerHeight) status.scrollIntoView({ block: "start" });
      }
    }).catch(function () { if (current === st0) say(msg("error", "")); });
  }
  if (!window.DecompressionStream || !window.fetch) { say(msg("unsupported", "")); return; }
  form.addEventListener("submit", function (e) { e.preventDefault(); suggestions.close(); run("push"); });
  // A filter searches when it is chosen, not at every arrow key on a closed list (Chrome fires
  // `change` for each): a short pause first.
  var pending = null;
  FILTERS.forEach(function (k) {
    var el = $(k);
    if (el) el.addEventListener("change", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { run("push"); }, 600);
    });
  });
  var clear = $("clear");
  if (clear) clear.addEventListener("click", function () {
    FILTERS.forEach(function (k) { var el = $(k); if (el) el.value = ""; });
    run("push");
    input.focus();
  });
  more.addEventListener("click", function () {
    if (!current || !current.items) return;
    var st = current;
    // The live region keeps what it said: the new results are announced by the focus moving.
    engine.more(st, PAGE, MAX_CHECKS).then(function (got) {
      if (st !== current) return;
      var li = show(st, got), a = li && li.querySelector("a");
      if (a) a.focus();
      remember();
    }).catch(function () { if (current === st) { more.hidden = true; say(msg("error", "")); } });
  });
  var scrolled = null;
  window.addEventListener("scroll", function () { clearTimeout(scrolled); scrolled = setTimeout(remember, 200); });
  window.addEventListener("pagehide", remember);
  function fromAddress(state) {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    FILTERS.forEach(function (k) {
      var el = $(k);
      if (!el) return;
      el.setAttribute("data-value", params.get(k) || "");
      if (el.options.length > 1) el.value = params.get(k) || "";
    });
    run(state || "replace");
  }
  window.addEventListener("popstate", function (e) { fromAddress(e.state || { shown: PAGE, scroll: 0 }); });
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  var suggestions = box ? combobox(input, box, function () { run("push"); }) : { close: function () {} };

  var params = new URLSearchParams(location.search);
  FILTERS.forEach(function (k) { var el = $(k); if (el && params.get(k)) el.setAttribute("data-value", params.get(k)); });
  var filters = $("filters");
  if (filters) filters.hidden = false;
  if (params.get("q")) input.value = params.get("q");
  run(history.state && history.state.shown ? history.state : "replace");
})();
