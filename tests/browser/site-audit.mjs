// stdportal's site audit: node site-audit.mjs DIR (scripts/site-audit.sh runs it).
//
// Checks a built site offline, each failure named once per file or page with what and where:
//   html       the Nu Html Checker (vnu.jar) on every page, stylesheet and SVG file, errors only
//   links      every address of the site in pages, SVG and CSS leads to a file, #anchors exist
//   zh-script  no Traditional-only character under zh-Hans, no Simplified-only one under zh-Hant
//              (pages and feeds), after CC-CEDICT
//   sitemap    the sitemaps.org schema (xmllint, shipped in schemas/), every <loc> and alternate
//              leads to a page
//   feed       Atom: well-formed, RFC 4287's required elements and dates, links lead to pages
//   a11y       axe-core WCAG 2.1 A and AA in headless Chromium, each page in each display mode
//              (大字, 高对比, both) that its mode switch offers
//   runtime    the same pages: script errors, console errors, failed requests
// The last line is "N passed, N failed"; exit 0 only if nothing failed, 1 if a check failed, 2
// when the audit could not run (no such folder, a tool missing: `bash scripts/test-setup.sh`).
//
// Environment: SITE_BASE_URL (the site's public address; default: from sitemap.xml),
// AUDIT_MODES (modes to audit instead of the page's own, comma-separated; "" for none),
// AUDIT_SKIP (checks left out, e.g. "a11y runtime"), AUDIT_VERBOSE=1 (list passes too),
// AUDIT_WORKERS (pages audited at once in Chromium, default 2), CHROMIUM (default
// /usr/bin/chromium), AUDIT_VNU_TIMEOUT (seconds, default 900), AUDIT_PAGE_TIMEOUT (seconds, 30).
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const started = Date.now();
const write = (s) => process.stdout.write(s);
const say = (s) => process.stderr.write(`site-audit: ${s}\n`);
const children = new Set();
const stopChildren = () => {
  for (const child of children) child.kill("SIGKILL");
};
process.on("exit", stopChildren);
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    stopChildren();
    process.exit(status);
  });
}

/** The audit cannot run: said on stderr, closed like any run, status 2. */
function cannotRun(why) {
  say(why);
  write("0 passed, 1 failed\n");
  process.exit(2);
}

const [dir, ...extra] = process.argv.slice(2);
if (!dir || extra.length) cannotRun("usage: site-audit.sh DIR");
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) cannotRun(`not a folder: ${dir}`);
const skip = new Set((process.env.AUDIT_SKIP || "").split(/[\s,]+/).filter(Boolean));
const browserNeeded = !skip.has("a11y") || !skip.has("runtime");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const SETUP = "run `bash scripts/test-setup.sh` (it installs what the audit needs)";

// The tools, before anything is checked: a missing one is a setup error, never a pass.
let modules;
try {
  modules = {
    site: await import("./audit/site.mjs"),
    report: await import("./audit/report.mjs"),
    links: await import("./audit/links.mjs"),
    html: await import("./audit/html.mjs"),
    xml: await import("./audit/xml.mjs"),
    script: await import("./audit/script.mjs"),
    browser: browserNeeded ? await import("./audit/browser.mjs") : null,
  };
} catch (e) {
  cannotRun(`the audit's Node.js modules are missing (${e.message.split("\n")[0]}); ${SETUP}`);
}
/** A tool's version as its own output says it (java writes it on stderr), or null. */
const version = (cmd, args, pattern) => {
  const run = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
  if (run.error || run.status !== 0) return null;
  return (pattern.exec(`${run.stdout}${run.stderr}`) || [])[1] || null;
};
const java = skip.has("html") ? "-" : version("java", ["-version"], /version "([^"]+)"/);
if (!java) cannotRun(`no java (the Nu Html Checker needs Java 17 or later); ${SETUP}`);
if (java !== "-" && Number(java.split(".")[0]) < 17) cannotRun(`java ${java} is too old (the Nu Html Checker needs 17); ${SETUP}`);
if (!skip.has("sitemap") && !version("xmllint", ["--version"], /(libxml[^\n]*)/)) cannotRun(`no xmllint (libxml2-utils); ${SETUP}`);
const browser = browserNeeded ? version(chromium, ["--version"], /([\d.]+)/) : "-";
if (!browser) cannotRun(`no Chromium at ${chromium} (set CHROMIUM to another); ${SETUP}`);
let sets = null;
if (!skip.has("zh-script")) {
  try {
    sets = modules.script.loadCharacterSets(fileURLToPath(new URL("python", import.meta.url)));
  } catch (e) {
    cannotRun(`python3 with zhon could not give the character sets (${String(e.stderr || e.message).trim().split("\n").pop()}); ${SETUP}`);
  }
}

const site = new modules.site.Site(dir, process.env.SITE_BASE_URL);
const report = new modules.report.Report();
const pages = site.list(modules.site.HTML_EXT);
say(`auditing ${site.root}: ${pages.length} pages, ${site.files.length} files; site address ${site.base ? site.base.href : "unknown (no sitemap.xml, no SITE_BASE_URL): absolute self-links are not checked"}`);
if (!pages.length) report.add("site", dir, ["no HTML pages in this folder"]);

// vnu's JVM runs beside the other checks.
const vnuTimeout = Number(process.env.AUDIT_VNU_TIMEOUT || 900) * 1000;
const htmlDone = skip.has("html") ? null : modules.html.startHtmlCheck(site, vnuTimeout, children);
if (!skip.has("links")) report.note("links", modules.links.checkLinks(site, report));
let feeds = [];
if (!skip.has("sitemap") || !skip.has("feed")) {
  const xml = await modules.xml.checkXml(site, report);
  if (!xml.sitemaps) report.note("sitemap", "no sitemap (*.xml with <urlset>)");
  if (!xml.feeds.length) report.note("feed", "no Atom feed");
  feeds = xml.feeds;
}
if (sets) report.note("zh-script", modules.script.checkScripts(site, sets, feeds, report));
if (browserNeeded && pages.length) {
  const modes = process.env.AUDIT_MODES;
  const options = {
    chromium,
    modes: modes === undefined ? null : modes.split(",").map((m) => m.trim()).filter(Boolean),
    workers: Number(process.env.AUDIT_WORKERS || 2),
    pageTimeout: Number(process.env.AUDIT_PAGE_TIMEOUT || 30) * 1000,
  };
  try {
    report.note("a11y", `Chromium ${browser}, ${await modules.browser.checkInBrowser(site, pages, options, report)}`);
  } catch (e) {
    report.add("a11y", "(Chromium)", [`the browser run failed: ${String(e.message || e).split("\n")[0]}`]);
  }
}
if (htmlDone) {
  await htmlDone(report);
  report.note("html", `vnu ${modules.html.VNU_VERSION}, java ${java}`);
}
for (const check of skip) report.note(check, "skipped (AUDIT_SKIP)");

report.results = report.results.filter((r) => !skip.has(r.check));
report.print(write, process.env.AUDIT_VERBOSE === "1");
write(`\ntime: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
write(`${report.passed} passed, ${report.failed} failed\n`);
process.exit(report.failed ? 1 : 0);
