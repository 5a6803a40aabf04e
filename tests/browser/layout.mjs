// The layout test in headless Chromium, run by tests/it/layout.rs: node layout.mjs SITE_DIR
//
// Over one page of every template, in both scripts, at 320, 390 and 1280 px, in normal and
// 大字 (large-text) mode:
// 1. the page never scrolls sideways (only a table's own wrapper may);
// 2. no number, with its unit or as a date (14861项, 93.2%, 2015年), wraps inside itself in a
//    table cell: the client rects of its text lie on one line;
// 3. every chart label is at least 12 px at 1280 px, and larger in 大字 mode than in normal mode
//    (the same label, same page, same width);
// 3b. every chart label shown is at least 0.8 × the body text at every width, in both modes
//     (charts in closed <details> are opened to be measured; the smallest ratio at each width
//     is printed);
//     no label (<dt>: 联系方式, 发文机关) breaks across lines;
//     no caption repeats its chart's description to a screen reader; links to targets that
//     share a name have different texts;
// 4. below 600 px every table of targets is a column of cards (status before the figures),
//    and so is the catalogue's table of documents (each value after its label); neither
//    scrolls sideways;
// 5. each status (已完成, 按期推进, 滞后, 暂无数据) has one colour, one chart shape and one
//    symbol on every page, and no two statuses share any of them.
// Then each page is loaded afresh at 320×568 in 大字 mode, as a phone reader who chose it comes
// back (the mode saved, applied by the page's inline script before first paint):
// 6. the page's own h1 starts within the first 40 % of the screen;
// 7. the load shifts nothing (cumulative layout shift 0, from the browser's own layout-shift
//    entries: the mode buttons appearing, fonts, charts);
// and a full-page screenshot of it is written to SHOT_DIR (CI keeps the folder as an artifact).
// Prints the counts; exits 1 listing every failure.
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve, CHROMIUM_ARGS } from "./site-server.mjs";

const [site, shots] = process.argv.slice(2);
if (!site) {
  console.error("usage: node layout.mjs SITE_DIR [SHOT_DIR]");
  process.exit(2);
}
const WIDTHS = [320, 390, 1280];
const MODES = ["normal", "large-text"];
const SCRIPTS = [["zh-Hans", ""], ["zh-Hant", "/zh-hant"]];

const exists = (p) => stat(join(site, p)).then(() => true, () => false);
const first = async (dir) => {
  const found = (await readdir(join(site, dir), { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return found[0];
};
// One page per template. The city and indicator are the first city with targets.
let city;
for (const c of (await readdir(join(site, "cities"), { withFileTypes: true }))
  .filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  if (await exists(`cities/${c}/indicators`)) { city = c; break; }
}
const policy = await first("policies");
const topic = await first("topics");
const kind = await first("kinds");
const templates = [
  ["index", "/"],
  ["section", "/policies/"],
  ["page", `/policies/${policy}/`],
  ["list", `/cities/${city}/documents/`],
  ["cities", "/cities/"],
  ["city", `/cities/${city}/`],
  ["dashboard", "/dashboard/"],
  ["indicator", `/cities/${city}/indicators/${await first(`cities/${city}/indicators`)}/`],
  ["topics", "/topics/"],
  ["topic", `/topics/${topic}/`],
  ["taxonomy", `/kinds/${kind}/`],
  ["catalogue", "/catalogue/"],
  ["sitemap", "/sitemap/"],
  ["search", "/search/"],
  ["404", "/404.html"],
];
const failures = [];
for (const [name, path] of templates) {
  const file = path.endsWith(".html") ? path : `${path}index.html`;
  if (path.includes("undefined") || !(await exists(file))) failures.push(`${name}: no page at ${path}`);
}

// Runs in the page: everything measured at once.
function measure() {
  // Charts folded away in <details> (a city's fields) are measured open, as a reader sees them.
  for (const d of document.querySelectorAll("details")) d.open = true;
  const out = { overflow: 0, wrapped: [], labels: [], statuses: [], numbers: 0, cards: 0, notCards: [] };
  out.overflow = document.documentElement.scrollWidth - window.innerWidth;
  // Below 600 px a table of targets is a column of cards: nothing to scroll sideways, and in
  // each card the status comes right after the name, before the figures.
  if (window.innerWidth < 600) {
    for (const table of document.querySelectorAll("table.target-table")) {
      const box = table.closest(".table-scroll") || table.parentElement;
      if (box.scrollWidth > box.clientWidth + 1) out.notCards.push(`scrolls sideways by ${box.scrollWidth - box.clientWidth} px`);
      for (const row of table.querySelectorAll("tbody tr")) {
        out.cards++;
        const top = (sel) => row.querySelector(sel)?.getBoundingClientRect().top;
        if (getComputedStyle(row).display !== "flex") out.notCards.push("a row is not a card");
        else if (!(top(".target-status") < top(".target-latest") && top(".target-latest") < top(".target-target"))) {
          out.notCards.push(`"${row.querySelector("th").textContent}": status, latest and target not in that order`);
        }
      }
    }
    // The catalogue's documents too: one card per document, each label before its value.
    for (const table of document.querySelectorAll("table.doc-table")) {
      const box = table.closest(".table-scroll") || table.parentElement;
      if (box.scrollWidth > box.clientWidth + 1) out.notCards.push(`documents scroll sideways by ${box.scrollWidth - box.clientWidth} px`);
      for (const row of table.querySelectorAll("tbody tr")) {
        out.cards++;
        if (getComputedStyle(row).display !== "flex") out.notCards.push("a document's row is not a card");
        for (const cell of row.querySelectorAll("td")) {
          if (!cell.dataset.label || ["none", "normal"].includes(getComputedStyle(cell, "::before").content)) {
            out.notCards.push(`a document's ${cell.className} has no label`);
          }
        }
      }
    }
  }
  const NUMBER = /[-+−]?\d[\d,.]*\s?(?:[%％‰])?(?:[年月日项个家名起件次万亿元])?/g;
  for (const cell of document.querySelectorAll("table td, table th")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(NUMBER)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].trimEnd().length);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
        const lines = tops.filter((t, i) => tops.findIndex((u) => Math.abs(u - t) < 3) === i);
        out.numbers++;
        if (lines.length > 1) out.wrapped.push(m[0]);
      }
    }
  }
  // A label (联系方式, 发文机关) never breaks inside itself: its text on one line.
  out.brokenLabels = [];
  for (const dt of document.querySelectorAll("dt")) {
    const range = document.createRange();
    range.selectNodeContents(dt);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    if (tops.some((t) => Math.abs(t - tops[0]) >= 3)) out.brokenLabels.push(dt.textContent);
  }
  out.body = parseFloat(getComputedStyle(document.body).fontSize);
  for (const t of document.querySelectorAll("svg.chart text")) {
    if (!t.textContent.trim() || t.closest("title")) continue;
    // A chart in a closed <details> or a layout not shown at this width is not laid out.
    const shown = t.getClientRects().length > 0;
    const scale = t.getScreenCTM()?.a ?? 1;
    out.labels.push({ text: t.textContent, shown, px: parseFloat(getComputedStyle(t).fontSize) * scale });
  }
  // Each chart comes in two layouts of which exactly one is shown (the other display: none, out
  // of the accessibility tree too).
  out.layouts = 0;
  out.badLayouts = [];
  for (const box of document.querySelectorAll(".chart-layouts")) {
    out.layouts++;
    const shown = [...box.querySelectorAll("svg.chart")].filter((svg) => svg.getClientRects().length > 0);
    if (shown.length !== 1) out.badLayouts.push(`${shown.length} layouts of "${box.querySelector("title")?.textContent}" shown`);
  }
  // Each chart is described once to a screen reader: a visible caption that repeats the
  // chart's own title or description must be hidden from the accessibility tree.
  out.twice = [];
  for (const fig of document.querySelectorAll("figure")) {
    const svg = fig.querySelector("svg.chart[aria-labelledby]");
    const cap = fig.querySelector("figcaption");
    if (!svg || !cap || cap.closest("[aria-hidden=true]")) continue;
    const said = svg.getAttribute("aria-labelledby").split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    const text = cap.textContent.trim().replace(/[。.]$/, "");
    if (text && said.includes(text)) out.twice.push(text.slice(0, 30));
  }
  // A link text leads to one page: links to targets that share a name say which is which.
  const targets = new Map();
  for (const a of document.querySelectorAll(".target-table a, .target-lines a")) {
    const key = a.textContent.trim();
    if (!targets.has(key)) targets.set(key, new Set());
    targets.get(key).add(new URL(a.href).pathname);
  }
  out.ambiguous = [...targets].filter(([, hrefs]) => hrefs.size > 1).map(([t]) => t);
  const STATUS = /\bstatus-(achieved|on-track|behind|no-data)\b/;
  // A path's shape: its number of corners and whether it starts at the top (▲) or the
  // bottom (▼) of its box.
  const pathShape = (el) => {
    const n = (el.getAttribute("d").match(/-?[\d.]+/g) || []).map(Number);
    const ys = n.filter((_, i) => i % 2 === 1);
    const mid = (Math.min(...ys) + Math.max(...ys)) / 2;
    return `path/${ys.length}/${ys[0] < mid ? "top" : "bottom"}`;
  };
  const shapeOf = (el) => el.tagName === "path"
    ? pathShape(el)
    : el.tagName === "g" ? `g/${[...el.children].filter((c) => c.tagName !== "title").map((c) => c.tagName).join("+")}`
    : el.tagName;
  for (const el of document.querySelectorAll("svg.chart [class*='status-']")) {
    const status = (el.getAttribute("class").match(STATUS) || [])[1];
    if (!status || el.tagName === "text") continue;
    const paint = el.tagName === "g" ? el.querySelector("circle") : el;
    const style = getComputedStyle(paint);
    // A ring shows its colour as a stroke; everything else as a fill.
    const hollow = style.fill === "rgb(255, 255, 255)";
    const colour = hollow ? style.stroke : style.fill;
    const isBar = el.tagName === "rect";
    out.statuses.push({ status, colour, shape: isBar ? null : shapeOf(el), where: "chart" });
  }
  for (const el of document.querySelectorAll(".status")) {
    const status = (el.className.match(STATUS) || [])[1];
    if (!status) continue;
    const symbol = el.querySelector("[aria-hidden]")?.textContent.trim() || null;
    out.statuses.push({ status, colour: getComputedStyle(el).color, symbol, where: "text" });
  }
  return out;
}

const server = await serve(site);
const profile = await mkdtemp(join(tmpdir(), "stdportal-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
});
const seen = { colour: new Map(), shape: new Map(), symbol: new Map() };
const counts = { pages: 0, loads: 0, checks: 0, numbers: 0, labels: 0, marks: 0, phone: 0, h1: 0, cards: 0, ratio: 0, minRatio: Object.fromEntries(WIDTHS.map((w) => [w, Infinity])) };
try {
  const page = await context.newPage();
  page.on("pageerror", (e) => failures.push(`${page.url()}: script error ${e.message}`));
  for (const [name, path] of templates) {
    for (const [script, prefix] of SCRIPTS) {
      counts.pages++;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(server.url + prefix + path, { waitUntil: "load" });
        const sizes = {};
        for (const mode of MODES) {
          await page.evaluate((on) => document.documentElement.classList.toggle("large-text", on),
            mode === "large-text");
          const m = await page.evaluate(measure);
          const where = `${name} ${script} ${width}px ${mode}`;
          counts.loads++;
          counts.checks++;
          if (m.overflow > 0) failures.push(`${where}: the page scrolls sideways by ${m.overflow} px`);
          counts.numbers += m.numbers;
          counts.cards += m.cards;
          counts.checks += m.cards;
          for (const c of new Set(m.notCards)) failures.push(`${where}: table of targets: ${c}`);
          counts.checks += m.numbers;
          for (const w of m.wrapped) failures.push(`${where}: "${w}" wraps inside itself in a table`);
          counts.labels += m.labels.length;
          sizes[mode] = m.labels;
          // Chart text at least 0.8 of the body text at every width, in both modes (the phone
          // layout below 400 px, src/chart/mod.rs).
          for (const l of m.labels) {
            if (!l.shown) continue;
            counts.ratio++;
            counts.checks++;
            counts.minRatio[width] = Math.min(counts.minRatio[width], l.px / m.body);
            if (l.px < 0.8 * m.body - 0.05) {
              failures.push(`${where}: chart label "${l.text}" is ${l.px.toFixed(1)} px, under 0.8 × the body's ${m.body} px`);
            }
          }
          counts.checks += 2 + m.layouts;
          for (const b of m.badLayouts) failures.push(`${where}: ${b}`);
          counts.checks++;
          for (const l of m.brokenLabels) failures.push(`${where}: the label "${l}" breaks across lines`);
          for (const t of m.twice) failures.push(`${where}: a caption repeats its chart's description: "${t}…"`);
          for (const t of m.ambiguous) failures.push(`${where}: the link text "${t}" leads to more than one page`);
          if (width === 1280) {
            counts.checks += m.labels.length;
            for (const l of m.labels) {
              if (l.px < 12) failures.push(`${where}: chart label "${l.text}" is ${l.px.toFixed(1)} px`);
            }
          }
          for (const s of m.statuses) {
            counts.marks++;
            counts.checks++;
            for (const key of ["colour", "shape", "symbol"]) {
              if (!s[key]) continue;
              const k = `${s.status}`;
              if (!seen[key].has(k)) seen[key].set(k, new Map());
              const values = seen[key].get(k);
              if (!values.has(s[key])) values.set(s[key], `${where} (${s.where})`);
            }
          }
        }
        const [normal, large] = [sizes.normal, sizes["large-text"]];
        counts.checks += normal.length;
        if (normal.length !== large.length) {
          failures.push(`${name} ${script} ${width}px: ${normal.length} chart labels normal, ${large.length} in 大字 mode`);
        } else {
          normal.forEach((l, i) => {
            if (!(large[i].px > l.px)) {
              failures.push(`${name} ${script} ${width}px: chart label "${l.text}" is ${l.px.toFixed(1)} px normal and ${large[i].px.toFixed(1)} px in 大字 mode`);
            }
          });
        }
      }
    }
  }
  // The phone reader in 大字 mode, on a fresh load of every page.
  const PHONE = { width: 320, height: 568 };
  if (shots) await mkdir(shots, { recursive: true });
  const phone = await context.newPage();
  phone.on("pageerror", (e) => failures.push(`${phone.url()}: script error ${e.message}`));
  await phone.setViewportSize(PHONE);
  await phone.addInitScript(() => {
    localStorage.setItem("stdportal-modes", "large-text");
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const [name, path] of templates) {
    for (const [script, prefix] of SCRIPTS) {
      await phone.goto(server.url + prefix + path, { waitUntil: "load" });
      // Two frames after load: whatever the deferred scripts changed has been laid out.
      await phone.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const m = await phone.evaluate(() => ({
        large: document.documentElement.classList.contains("large-text"),
        h1: document.querySelector("h1")?.getBoundingClientRect().top ?? null,
        h1s: document.querySelectorAll("h1").length,
        cls: window.__shifts,
      }));
      const where = `${name} ${script} 320×568 大字`;
      counts.phone++;
      counts.checks += 3;
      if (!m.large) failures.push(`${where}: the saved 大字 mode is not applied on load`);
      if (m.h1s !== 1) failures.push(`${where}: ${m.h1s} h1 elements`);
      else if (m.h1 > 0.4 * PHONE.height) {
        failures.push(`${where}: the h1 starts at ${m.h1.toFixed(0)} px, below 40 % of the screen (${0.4 * PHONE.height} px)`);
      }
      counts.h1 = Math.max(counts.h1, m.h1 ?? 0);
      if (m.cls > 0) failures.push(`${where}: layout shift ${m.cls.toFixed(4)} while loading`);
      if (shots) await phone.screenshot({ path: join(shots, `${name}-${script}-320-large-text.png`), fullPage: true });
    }
  }
  // The script switch keeps the reader's anchor (headings share their ids across scripts).
  let doc;
  for (const p of (await readdir(join(site, "policies"))).sort()) {
    const html = await readFile(join(site, "policies", p, "index.html"), "utf8").catch(() => "");
    if (/<div class="prose">[\s\S]*?<h[2-4] id="/.test(html)) { doc = `/policies/${p}/`; break; }
  }
  if (!doc) failures.push("no document with a heading to test the script switch on");
  else await phone.goto(server.url + doc, { waitUntil: "load" });
  const anchor = doc && await phone.evaluate(() => document.querySelector(".prose [id]")?.id);
  if (anchor) {
    await phone.goto(`${server.url}${doc}#${encodeURIComponent(anchor)}`, { waitUntil: "load" });
    await phone.click(".lang-switch");
    await phone.waitForLoadState("load");
    counts.checks++;
    const landed = decodeURIComponent(new URL(phone.url()).hash.slice(1));
    if (!phone.url().includes("/zh-hant/") || landed !== anchor) {
      failures.push(`the script switch from ${doc}#${anchor} went to ${phone.url()}`);
    }
  }
} finally {
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}

// One look per status, and no look shared between statuses.
for (const [key, byStatus] of Object.entries(seen)) {
  const owner = new Map();
  for (const [status, values] of byStatus) {
    if (values.size > 1) {
      failures.push(`${status} has ${values.size} ${key}s: ${[...values].map(([v, w]) => `${v} on ${w}`).join("; ")}`);
    }
    for (const v of values.keys()) {
      if (owner.has(v) && owner.get(v) !== status) failures.push(`${status} and ${owner.get(v)} share the ${key} ${v}`);
      owner.set(v, status);
    }
  }
}
const statuses = [...seen.colour.keys()].sort().join(", ");
for (const w of WIDTHS) {
  if (counts.minRatio[w] === Infinity) failures.push(`no chart label was measured at ${w} px`);
}
console.log(`layout: ${templates.length} templates × ${SCRIPTS.length} scripts = ${counts.pages} pages, ` +
  `× ${WIDTHS.length} widths (${WIDTHS.join(", ")} px) × ${MODES.length} modes = ${counts.loads} page views; ` +
  `${counts.numbers} table numbers, ${counts.cards} target cards below 600 px, ${counts.labels} chart labels ` +
  `(smallest × the body text over ${counts.ratio} shown: ${WIDTHS.map((w) => `${counts.minRatio[w].toFixed(2)} at ${w} px`).join(", ")}), ${counts.marks} status marks (${statuses}); ` +
  `${counts.phone} fresh loads at 320×568 大字 (lowest h1 at ${counts.h1.toFixed(0)} px)${shots ? `, screenshots in ${shots}` : ""}; ` +
  `${counts.checks} checks, ${failures.length} failures`);
if (failures.length) {
  for (const f of failures.slice(0, 200)) console.log(`FAIL ${f}`);
  process.exit(1);
}
