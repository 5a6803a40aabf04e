// The header's search box in real headless Chromium, on a site published under a sub-path,
// run by tests/it/search.rs (browser_suggests_in_the_header_box):
//
//     node search-header.mjs PUBLIC_DIR /bzh/ [FILES_QUERY]
//
// The built site is served under the sub-path only (a request outside it is a failure). In
// each script, on a document page: typing into the header's box offers suggestions as an ARIA
// combobox (role, aria-expanded, aria-controls, aria-activedescendant, aria-selected), in the
// page's script; ArrowDown/ArrowUp move, Escape closes, Enter on a city searches it on the
// search page and Enter on a title opens that page; axe finds no WCAG 2.1 AA violation with
// the list open. With JavaScript off, the same box submits to the search page. With
// FILES_QUERY (a query finding one page with four attachments, the first with a hostile name):
// in each script its result shows 附件： with three links under the sub-path (not the script's
// folder) that download, then 等4个; the names stay text; Tab from the title reaches them; axe
// finds no violation; and with the index's attachments tampered with (wrong shapes, markup as a
// name, addresses to another host or `javascript:`), only well-formed entries show, as text,
// under the site's root.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serve } from "./site-server.mjs";

const require = createRequire(import.meta.url);
const [publicDir, prefix, filesQuery] = process.argv.slice(2);
if (!publicDir || !prefix || !prefix.startsWith("/") || !prefix.endsWith("/")) {
  console.error("usage: node search-header.mjs PUBLIC_DIR /SUB/PATH/");
  process.exit(2);
}
const TIMEOUT = 10_000;
const errors = [];

// The site under the sub-path only, as a host publishing it there would serve it.
const site = await serve(publicDir, prefix, (path) => {
  if (path !== "/favicon.ico") errors.push(`request outside ${prefix}: ${path}`);
});
const origin = site.url;

const profile = await mkdtemp(join(tmpdir(), "stdportal-chromium-"));
const launch = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1000, height: 800 },
  args: CHROMIUM_ARGS,
};
const context = await chromium.launchPersistentContext(profile, launch);
const axe = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The open suggestions: text and kind label of each option.
async function options(page) {
  await page.waitForSelector("#site-search-suggest li", { timeout: TIMEOUT });
  return page.$$eval("#site-search-suggest li", (lis) => lis.map((li) => ({
    id: li.id,
    role: li.getAttribute("role"),
    text: li.firstChild.textContent,
    kind: li.querySelector(".suggest-kind").textContent.trim(),
  })));
}
const attr = (page, name) => page.getAttribute("#site-search-q", name);

// Moves the active option down to the first one whose kind starts with `kind`, and returns it.
async function moveTo(page, list, kind) {
  const at = list.findIndex((o) => o.kind.startsWith(kind));
  check(at >= 0, `a suggestion of kind ${kind}: ${JSON.stringify(list)}`);
  for (let i = 0; i <= at; i++) await page.keyboard.press("ArrowDown");
  check(await attr(page, "aria-activedescendant") === `site-search-suggest-${at}`, `option ${at} is active`);
  check(await page.getAttribute(`#site-search-suggest-${at}`, "aria-selected") === "true", `option ${at} is selected`);
  return list[at];
}

let failed = false;
try {
  for (const [root, typed, titleLabel, otherScript] of [
    [prefix, "日照", "标题", /標題|[質發規們]/],
    [`${prefix}zh-hant/`, "日照", "標題", /标题|[质发规们]/],
  ]) {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`${root}: ${e.message}`));
    page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    const doc = `${origin}${root}policies/jining-standardization-measures/`;
    await page.goto(doc);

    // The box is a combobox once the script runs.
    check(await attr(page, "role") === "combobox", `${root}: role=combobox`);
    check(await attr(page, "aria-controls") === "site-search-suggest", `${root}: aria-controls`);
    check(await attr(page, "aria-autocomplete") === "list", `${root}: aria-autocomplete`);
    check(await attr(page, "aria-expanded") === "false", `${root}: closed at first`);

    await page.focus("#site-search-q");
    await page.keyboard.type(typed);
    let list = await options(page);
    check(await attr(page, "aria-expanded") === "true", `${root}: expanded`);
    check(list.length > 1 && list.every((o) => o.role === "option"), `${root}: options ${JSON.stringify(list)}`);
    check(list.every((o) => o.text.includes(typed)), `${root}: every option starts with what was typed: ${JSON.stringify(list)}`);
    const shownText = list.map((o) => `${o.text} ${o.kind}`).join(" ");
    check(!otherScript.test(shownText), `${root}: suggestions in this page's script: ${shownText}`);
    check(list.some((o) => o.kind.startsWith(titleLabel)), `${root}: titles offered: ${shownText}`);

    // Arrow keys move and wrap; Escape closes; ArrowDown opens again.
    await page.keyboard.press("ArrowDown");
    check(await attr(page, "aria-activedescendant") === "site-search-suggest-0", `${root}: ArrowDown → first`);
    await page.keyboard.press("ArrowUp");
    check(await attr(page, "aria-activedescendant") === `site-search-suggest-${list.length - 1}`, `${root}: ArrowUp wraps to the last`);

    // axe with the list open: WCAG 2.0/2.1 A and AA.
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    check(violations.length === 0, `${root}: axe: ${violations.join("; ")}`);

    await page.keyboard.press("Escape");
    check(await attr(page, "aria-expanded") === "false", `${root}: Escape closes`);
    check(await page.isHidden("#site-search-suggest"), `${root}: the list is hidden`);
    check(await page.inputValue("#site-search-q") === typed, `${root}: Escape keeps the text`);
    await page.keyboard.press("ArrowDown");
    list = await options(page);

    // Enter on a city: its name is searched on this script's search page.
    const city = await moveTo(page, list, "城市");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `${root}search/` && u.searchParams.get("q") === city.text,
      { timeout: TIMEOUT });
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status").textContent;
      return s && !/正在/.test(s);
    }, null, { timeout: TIMEOUT });
    const shown = await page.$$eval("#search-results > li h2 a", (l) => l.map((a) => a.getAttribute("href")));
    check(shown.length > 0 && shown.every((h) => h.startsWith(root)), `${root}: results under the sub-path: ${JSON.stringify(shown)}`);

    // Enter on a title opens that page.
    await page.goto(doc);
    await page.focus("#site-search-q");
    await page.keyboard.type(typed);
    list = await options(page);
    const title = await moveTo(page, list, titleLabel);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname !== new URL(doc).pathname && !u.pathname.includes("/search/"),
      { timeout: TIMEOUT });
    const opened = new URL(page.url()).pathname;
    check(opened.startsWith(root) && !opened.slice(root.length).startsWith("zh-hant/"), `${root}: opened ${opened}`);
    check((await page.textContent("h1")).includes(title.text), `${root}: opened the page titled ${title.text}`);
    console.log(`${root}: ok (${list.length} suggestions for ${typed}; searched ${city.text}; opened ${opened})`);
    await page.close();
  }

  if (filesQuery) {
    for (const [root, more] of [[prefix, "等4个"], [`${prefix}zh-hant/`, "等4個"]]) {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`files ${root}: ${e.message}`));
      page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
      await page.goto(`${origin}${root}search/?q=${encodeURIComponent(filesQuery)}`);
      await page.waitForFunction(() => {
        const s = document.getElementById("search-status").textContent;
        return s && !/正在/.test(s);
      }, null, { timeout: TIMEOUT });
      const got = await page.$$eval("#search-results > li", (lis) => lis.map((li) => {
        const p = li.querySelector(".result-files");
        return p && {
          text: p.textContent,
          links: [...p.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href"), name: a.textContent })),
          markup: p.querySelectorAll(":not(a):not(span)").length,
          above: p.previousElementSibling && p.previousElementSibling.className,
        };
      }));
      check(got.length === 1 && got[0], `${root}: one result, with 附件: ${JSON.stringify(got)}`);
      const files = got[0];
      check(files.above === "result-info", `${root}: 附件 under the info line, not ${files.above}`);
      check(files.text.startsWith("附件：") && files.text.endsWith(more), `${root}: "${files.text}"`);
      check(files.links.length === 3, `${root}: three shown: ${JSON.stringify(files.links)}`);
      check(files.markup === 0 && files.links[0].name.includes("&lt;script&gt;alert(1) & {{x}}"), `${root}: the name is text: ${files.links[0].name}`);
      check(/（PDF，100 B）/.test(files.text), `${root}: type and size: "${files.text}"`);
      for (const { href, name } of files.links) {
        check(href.startsWith(prefix) && !href.startsWith(`${prefix}zh-hant/`), `${root}: ${href} under the site's root`);
        const response = await page.request.get(`${origin}${href}`);
        check(response.status() === 200, `${root}: ${name} downloads from ${href}: ${response.status()}`);
      }
      // The keyboard reaches them: Tab from the result's title.
      await page.focus("#search-results > li h2 a");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement.textContent);
      check(focused === files.links[0].name, `${root}: Tab from the title reaches the first attachment, not "${focused}"`);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => (await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
      check(violations.length === 0, `${root}: axe: ${violations.join("; ")}`);
      console.log(`files ${root}: ok (${files.text})`);
      await page.close();
    }
    // A damaged or tampered index: its attachments are entries of the wrong shape, markup as a
    // name, and addresses that try to leave the site. Only entries with a name and an address
    // are shown, as text, each under the site's root; no script runs.
    {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`tampered: ${e.message}`));
      page.on("dialog", (d) => { errors.push(`tampered: a dialog opened: ${d.message()}`); d.dismiss(); });
      let tampered = 0;
      await page.route("**/search/data/s/**", async (route) => {
        const response = await route.fetch();
        const fragment = JSON.parse(gunzipSync(await response.body()).toString("utf8"));
        if (fragment.a) {
          tampered++;
          fragment.a = [
            "not a list", null, [7, "x.pdf"], ["a name alone"],
            ["<img src=x onerror=alert(1)>", "//evil.example/x.pdf", "PDF", "1 KB"],
            ["脚本", "javascript:alert(1)", 7, null],
            ["反斜杠", "\\\\evil.example\\x.pdf"],
          ];
        }
        await route.fulfill({ response, body: gzipSync(Buffer.from(JSON.stringify(fragment))) });
      });
      await page.goto(`${origin}${prefix}search/?q=${encodeURIComponent(filesQuery)}`);
      await page.waitForFunction(() => {
        const s = document.getElementById("search-status").textContent;
        return s && !/正在/.test(s);
      }, null, { timeout: TIMEOUT });
      const files = await page.$eval("#search-results > li .result-files", (p) => ({
        text: p.textContent,
        hrefs: [...p.querySelectorAll("a")].map((a) => a.href),
        markup: p.querySelectorAll(":not(a):not(span)").length,
      }));
      check(tampered > 0, "tampered: no fragment with attachments was served");
      check(files.hrefs.length === 3 && !/等/.test(files.text), `tampered: the three entries with a name and an address: ${JSON.stringify(files)}`);
      check(files.markup === 0 && files.text.includes("<img src=x onerror=alert(1)>"), `tampered: the name is text: "${files.text}"`);
      for (const href of files.hrefs) {
        const url = new URL(href);
        check(url.origin === origin && url.pathname.startsWith(prefix), `tampered: ${href} stays under ${origin}${prefix}`);
      }
      console.log(`tampered index: ok (${files.text})`);
      await page.close();
    }
  }

  // Without JavaScript the box is a plain form: Enter submits it to the search page.
  {
    const browser = await chromium.launch(launch);
    const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await off.goto(`${origin}${prefix}zh-hant/policies/rizhao-quality-13th-plan/`);
    check(await off.getAttribute("#site-search-q", "role") === null, "no script: a plain field");
    check(await off.isHidden("#site-search-suggest"), "no script: no list");
    await off.fill("#site-search-q", "標準化");
    await off.press("#site-search-q", "Enter");
    await off.waitForURL((u) => u.pathname === `${prefix}zh-hant/search/` && u.searchParams.get("q") === "標準化",
      { timeout: TIMEOUT });
    check((await off.textContent("main")).includes("JavaScript"), "no script: the search page says what it needs");
    console.log("no script: ok");
    await browser.close();
  }
  check(errors.length === 0, `errors: ${errors.join("; ")}`);
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
  if (errors.length) console.error(`errors: ${errors.join("; ")}`);
}
await context.close();
await site.close();
await rm(profile, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
