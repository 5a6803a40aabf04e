// Accessibility and runtime in headless Chromium (playwright-core drives Debian's Chromium):
// every page served on a loopback port, axe-core's WCAG 2.0 and 2.1 A and AA rules run on it in
// each display mode, and script errors, console errors and failed requests of the site noted.
//
// Modes: the default theme's 大字 and 高对比 switches put a class on <html> (`large-text`,
// `high-contrast`; themes/default/static/modes.js). The modes a page offers are read from its
// own switch (`[data-mode]` buttons), so a theme's new mode is audited without a change here;
// each is audited alone, then all together, as a reader may turn both on.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serve } from "../site-server.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const AXE_VERSION = require("axe-core/package.json").version;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const withTimeout = (promise, ms, what) => {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

/** The states to audit for the modes a page offers: none, each alone, all together. */
export function states(modes) {
  const out = [[]];
  for (const m of modes) out.push([m]);
  if (modes.length > 1) out.push([...modes]);
  return out;
}

function describe(violations) {
  const details = [];
  for (const v of violations) {
    const n = v.nodes.length;
    details.push(`[${v.impact}] ${v.id}: ${v.help} (${n} element${n > 1 ? "s" : ""}) ${v.helpUrl.replace(/\?.*$/, "")}`);
    for (const node of v.nodes.slice(0, 5)) {
      const why = (node.any[0] || node.all[0] || node.none[0] || {}).message || "";
      details.push(`  ${node.target.join(" ")}: ${why}`.slice(0, 300));
    }
    if (n > 5) details.push(`  … and ${n - 5} more`);
  }
  return details;
}

/** Audits one page in every state; adds its a11y results and its runtime result. */
async function auditPage(context, site, origin, file, options, report) {
  const page = await context.newPage();
  const runtime = [];
  let loaded = false;
  page.on("pageerror", (e) => runtime.push(`uncaught script error: ${String(e.message || e).split("\n")[0]}`));
  page.on("console", (m) => {
    // A failed load is reported once, below, with its address.
    if (m.type() === "error" && !/^Failed to load resource/.test(m.text())) runtime.push(`console error: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && r.url().startsWith(origin)) runtime.push(`HTTP ${r.status()} for ${decodeURI(r.url().slice(origin.length))}`);
  });
  page.on("requestfailed", (r) => {
    const why = r.failure()?.errorText || "?";
    if (r.url().startsWith(origin) && why !== "net::ERR_ABORTED") runtime.push(`request failed (${why}): ${decodeURI(r.url().slice(origin.length))}`);
  });
  // A redirect page (an alias's <meta http-equiv="refresh">) is audited itself, not where it
  // leads: the links check follows its address.
  await page.route("**/*", (route) => {
    const request = route.request();
    if (loaded && request.isNavigationRequest() && request.frame() === page.mainFrame()) return route.abort("aborted");
    return route.fallback();
  });
  const url = new URL(file.split("/").map(encodeURIComponent).join("/"), origin + site.origin.pathname).href;
  try {
    const response = await page.goto(url, { waitUntil: "load", timeout: options.pageTimeout });
    loaded = true;
    if (!response || !response.ok()) throw new Error(`HTTP ${response ? response.status() : "no answer"}`);
    await page.evaluate(AXE);
    const offered = await page.evaluate(() =>
      [...new Set([...document.querySelectorAll("[data-mode]")].map((b) => b.dataset.mode).filter(Boolean))]);
    const base = await page.evaluate(() => document.documentElement.className);
    for (const state of states(options.modes || offered)) {
      await page.evaluate(async ({ base, state }) => {
        document.documentElement.className = [base, ...state].join(" ").trim();
        // Measure colours once any transition the class started has ended.
        await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      }, { base, state });
      const res = await withTimeout(page.evaluate((tags) => window.axe.run(document, {
        runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"],
      }), TAGS), options.pageTimeout * 2, "axe");
      const review = res.incomplete.reduce((sum, v) => sum + v.nodes.length, 0);
      const target = state.length ? `${file} [${state.join(" + ")}]` : file;
      report.add("a11y", target, describe(res.violations), review ? `${review} elements for a person to review` : "");
    }
    report.add("runtime", file, runtime);
  } catch (e) {
    const why = String(e.message || e).split("\n")[0];
    report.add("a11y", file, [`not audited: ${why}`]);
    report.add("runtime", file, [`could not load: ${why}`, ...runtime]);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Audits the pages, `workers` at a time, in one Chromium. */
export async function checkInBrowser(site, pages, options, report) {
  const server = await serve(site.root, site.origin.pathname);
  const origin = server.url;
  const profile = mkdtempSync(join(tmpdir(), "stdportal-audit-chromium-"));
  let context;
  const blocked = new Set();
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: "block",
    });
    // Offline: anything not served by the loopback server is refused at once, never waited for.
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(origin + "/") || u.startsWith("data:") || u.startsWith("blob:")) return route.fallback();
      blocked.add(u);
      return route.abort("blockedbyclient");
    });
    const queue = [...pages];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        await auditPage(context, site, origin, file, options, report);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.workers) }, worker));
    if (blocked.size) report.note("runtime", `${blocked.size} requests off the site refused (offline), e.g. ${[...blocked][0]}`);
    return `axe-core ${AXE_VERSION}, tags ${TAGS.join(",")}`;
  } finally {
    if (context) await withTimeout(context.close(), 15_000, "closing Chromium").catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
