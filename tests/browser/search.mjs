// End-to-end test of site search in real headless Chromium, run by tests/it/search.rs
// (browser_searches_from_the_header): node search.mjs PUBLIC_DIR
//
// In each script: on a document page, type a query into the header's search box and press
// Enter; the search page shows results (kind, city, date, excerpt with the phrase marked) and
// announces their number; a filter narrows them; axe finds no WCAG 2.1 AA violation on the
// results page; the script switch keeps the query; opening a result shows that page; a query
// in no page shows nothing.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [publicDir] = process.argv.slice(2);
if (!publicDir) {
  console.error("usage: node search.mjs PUBLIC_DIR");
  process.exit(2);
}
const TIMEOUT = 10_000;
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

// A static server for the built site, on a free port.
const server = createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (path.endsWith("/")) path += "index.html";
  try {
    const body = await readFile(join(publicDir, path));
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const profile = await mkdtemp(join(tmpdir(), "stdportal-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1000, height: 800 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const axe = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const errors = [];
async function results(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status").textContent;
    return s && !/正在/.test(s);
  }, null, { timeout: TIMEOUT });
  return page.evaluate(() => ({
    status: document.getElementById("search-status").textContent,
    items: [...document.querySelectorAll("#search-results > li")].map((li) => ({
      href: li.querySelector("h2 a").getAttribute("href"),
      title: li.querySelector("h2 a").textContent,
      info: (li.querySelector(".result-info") || {}).textContent || "",
      marks: [...li.querySelectorAll(".excerpt mark")].map((m) => m.textContent),
      excerpt: li.querySelector(".excerpt").textContent,
    })),
  }));
}

let failed = false;
try {
  for (const [root, query, found, city] of [
    ["/", "标准化", /^“标准化”：找到约?\d+条结果。$/, "泰安市"],
    ["/zh-hant/", "標準化", /^“標準化”：找到約?\d+條結果。$/, "泰安市"],
  ]) {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`${root}: ${e.message}`));
    page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

    // The header's box on a document page, with the keyboard.
    await page.goto(`${origin}${root}policies/rizhao-quality-13th-plan/`);
    await page.focus("#site-search-q");
    await page.keyboard.type(query);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `${root}search/` && u.searchParams.get("q") === query,
      { timeout: TIMEOUT });
    let got = await results(page);
    check(found.test(got.status), `${root}: status "${got.status}"`);
    check(got.items.length === 10, `${root}: ${got.items.length} results on the first page`);
    check(got.items.every((i) => i.href.startsWith(root)), `${root}: links into this script`);
    check(got.items.every((i) => i.marks.length > 0 && i.marks.every((m) => m === query)),
      `${root}: every excerpt marks the query: ${JSON.stringify(got.items.map((i) => i.marks))}`);
    check(got.items.every((i) => !/\. /.test(i.excerpt)), `${root}: no ASCII ". " joins`);
    check(got.items.some((i) => i.info.includes("·")), `${root}: kind · city · date`);
    check(await page.$eval("#search-status", (e) => e.getAttribute("role")) === "status",
      `${root}: the count is announced`);
    // The script switch keeps the query.
    const other = await page.$eval(".lang-switch", (a) => a.getAttribute("href"));
    check(other.includes("?q="), `${root}: the script switch keeps the query: ${other}`);

    // axe on the results page: WCAG 2.0/2.1 A and AA.
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    check(violations.length === 0, `${root}: axe: ${violations.join("; ")}`);

    // A filter: the city (the filters are collapsed under their summary).
    await page.click(".search-filters-box summary");
    await page.selectOption("#search-city", { label: city });
    await page.waitForFunction(() => new URL(location.href).searchParams.get("city") === "taian",
      null, { timeout: TIMEOUT });
    got = await results(page);
    check(got.items.length > 0 && got.items.every((i) => i.href.includes("taian")),
      `${root}: filtered by city: ${JSON.stringify(got.items.map((i) => i.href))}`);
    check(got.items.every((i) => i.info.includes(city)), `${root}: the city is shown`);

    check(/已筛选：泰安市|已篩選：泰安市/.test(got.status), `${root}: the status names the filter: "${got.status}"`);

    // Open a result.
    const first = got.items[0];
    await page.click("#search-results > li h2 a");
    await page.waitForURL((u) => u.pathname === first.href, { timeout: TIMEOUT });
    check((await page.textContent("h1")).includes(first.title.slice(0, 4)), `${root}: opened ${first.href}`);

    // Nothing for a phrase in no page: the page says so and how to search otherwise.
    await page.goto(`${origin}${root}search/?q=${encodeURIComponent("量子计算机")}&city=taian`);
    got = await results(page);
    check(got.items.length === 0 && /没有找到|沒有找到/.test(got.status), `${root}: "${got.status}"`);
    check(await page.isVisible("#search-none") && await page.isVisible("#search-clear"),
      `${root}: zero results offer help and to clear the filters`);
    await page.click("#search-clear");
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("city"), null, { timeout: TIMEOUT });

    // A phrase in no page whose words are: the fallback says what it searched.
    await page.goto(`${origin}${root}search/?q=${encodeURIComponent("地方标准制定")}`);
    got = await results(page);
    check(got.items.length > 0 && await page.isVisible("#search-notice"), `${root}: fallback results`);
    check(/没有找到完整的|沒有找到完整的/.test(await page.textContent("#search-notice")), `${root}: the step is said`);
    console.log(`${root}: ok`);
    await page.close();
  }

  // One history entry per query, and Back restores "show more" and the scroll position.
  {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`history: ${e.message}`));
    await page.goto(`${origin}/`);
    await page.goto(`${origin}/search/?q=${encodeURIComponent("品牌")}`);
    await results(page);
    await page.fill("#search-input", "标准化");
    await page.press("#search-input", "Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "标准化", null, { timeout: TIMEOUT });
    await results(page);
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 10, null, { timeout: TIMEOUT });
    const shownBefore = await page.$$eval("#search-results > li", (l) => l.length);
    await page.$eval("#search-results > li:nth-child(11) h2 a", (a) => a.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(400);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.click("#search-results > li:nth-child(11) h2 a");
    await page.waitForURL((u) => !u.pathname.startsWith("/search/"), { timeout: TIMEOUT });
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length >= n, shownBefore, { timeout: TIMEOUT });
    await page.waitForTimeout(300);
    const scrollAfter = await page.evaluate(() => window.scrollY);
    check(Math.abs(scrollAfter - scrollBefore) < 50, `Back restores the scroll: ${scrollBefore} → ${scrollAfter}`);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "品牌", null, { timeout: TIMEOUT });
    await page.goBack();
    await page.waitForURL((u) => u.pathname === "/", { timeout: TIMEOUT });
    console.log("history: ok");
    await page.close();
  }

  // Suggestions while typing, with the keyboard (combobox pattern).
  {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`suggest: ${e.message}`));
    await page.goto(`${origin}/search/`);
    await page.focus("#search-input");
    await page.keyboard.type("日照");
    await page.waitForSelector("#search-suggest li", { timeout: TIMEOUT });
    check(await page.getAttribute("#search-input", "aria-expanded") === "true", "suggest: expanded");
    await page.keyboard.press("ArrowDown");
    const active = await page.getAttribute("#search-input", "aria-activedescendant");
    check(active === "search-suggest-0", `suggest: active option ${active}`);
    check(await page.getAttribute("#search-suggest-0", "aria-selected") === "true", "suggest: selected");
    await page.keyboard.press("Escape");
    check(await page.getAttribute("#search-input", "aria-expanded") === "false", "suggest: Escape closes");
    console.log("suggest: ok");
    await page.close();
  }

  // At 360 px, the first result is above the fold after a search.
  {
    const page = await context.newPage({ viewport: { width: 360, height: 640 } });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${origin}/search/?q=${encodeURIComponent("标准化")}`);
    await results(page);
    const top = await page.$eval("#search-results > li h2", (h) => h.getBoundingClientRect().bottom);
    check(top <= 640, `360 px: the first result's title ends at ${top} px, below the fold`);
    console.log(`360 px: first result at ${Math.round(top)} px`);
    await page.close();
  }
  check(errors.length === 0, `errors: ${errors.join("; ")}`);
} catch (e) {
  console.error(`FAILED: ${e.message}`);
  failed = true;
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
