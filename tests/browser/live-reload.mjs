// End-to-end test of `stdportal serve` in real headless Chromium, run by tests/it/serve.rs
// (browser_sees_live_reload): node live-reload.mjs PAGE_URL MARKDOWN_FILE CSS_FILE
//
// 1. an edit to the Markdown file appears in the open page without a manual reload;
// 2. a broken front matter shows the accessible error overlay (in the page's script), Escape
//    closes it, and fixing the file makes it go away by itself;
// 3. a stylesheet change is applied without reloading the page or losing its scroll position.
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [url, markdown, css] = process.argv.slice(2);
if (!url || !markdown || !css) {
  console.error("usage: node live-reload.mjs PAGE_URL MARKDOWN_FILE CSS_FILE");
  process.exit(2);
}
const STEP_TIMEOUT = 10_000;
const profile = await mkdtemp(join(tmpdir(), "stdportal-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 800, height: 500 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const errors = [];
async function open(pageUrl) {
  const page = await context.newPage();
  page.loads = 0;
  page.on("load", () => page.loads++);
  page.on("pageerror", (e) => errors.push(`${pageUrl}: ${e.message}`));
  // The page is only live once its event stream is open.
  const connected = page.waitForResponse((r) => r.url().endsWith("/__stdportal/events"),
    { timeout: STEP_TIMEOUT });
  connected.catch(() => {}); // Awaited below; this only keeps a failed goto from leaving it unhandled.
  await page.goto(pageUrl, { waitUntil: "load" });
  await connected;
  return page;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

let failed = false;
try {
  const page = await open(url);
  const hant = await open(url.replace(/^(https?:\/\/[^/]+)\//, "$1/zh-hant/"));
  const original = await readFile(markdown, "utf8");

  // 1. Edit → the new text appears by itself.
  const marker = `浏览器实时刷新${Date.now()}`;
  let started = Date.now();
  await appendFile(markdown, `\n${marker}\n`);
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, {
    timeout: STEP_TIMEOUT, polling: 20,
  });
  console.log(`edit → new text in the page: ${Date.now() - started} ms`);
  check(page.loads === 2, `the page should have reloaded once by itself, loads: ${page.loads}`);
  const edited = await readFile(markdown, "utf8");

  // 2. Broken front matter → overlay in the page's script; Escape closes it; a fix removes it.
  started = Date.now();
  await writeFile(markdown, edited.replace("+++", "+++\nbroken = ["));
  const overlay = page.locator('[role="alertdialog"]');
  await overlay.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  console.log(`broken front matter → overlay: ${Date.now() - started} ms`);
  check((await overlay.locator("h2").innerText()) === "Build failed", "overlay heading (the tests' serve speaks English)");
  check(/plan\.md:\d+:\d+: error:/.test(await overlay.locator("pre").innerText()),
    "the overlay shows file:line:column");
  check(await page.evaluate((m) => document.body.innerText.includes(m), marker),
    "the last good page is still shown under the overlay");
  const hantOverlay = hant.locator('[role="alertdialog"]');
  await hantOverlay.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  check((await hantOverlay.locator("h2").innerText()) === "Build failed", "overlay heading on a Traditional page");
  check(await page.evaluate(() => document.activeElement?.textContent === "Close"),
    "focus moves to the close button");
  await page.keyboard.press("Escape");
  await overlay.waitFor({ state: "detached", timeout: STEP_TIMEOUT });

  await writeFile(markdown, edited.replace("+++", "+++\nbroken = [[["));
  await overlay.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
  const loads = page.loads;
  started = Date.now();
  await writeFile(markdown, edited);
  await overlay.waitFor({ state: "detached", timeout: STEP_TIMEOUT });
  await hantOverlay.waitFor({ state: "detached", timeout: STEP_TIMEOUT });
  console.log(`fixed → overlay gone: ${Date.now() - started} ms`);
  // The fixed page is the one already shown, so it need not even reload.
  check(page.loads === loads, "restoring the last good text does not reload the page");

  // 3. CSS → applied in place, scroll position kept.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const scrolled = await page.evaluate(() => window.scrollY);
  check(scrolled > 0, "the page is long enough to scroll");
  started = Date.now();
  await appendFile(css, "\nmain { color: rgb(1, 2, 3); }\n");
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("main")).color === "rgb(1, 2, 3)",
    null, { timeout: STEP_TIMEOUT, polling: 20 });
  console.log(`stylesheet edit → applied: ${Date.now() - started} ms`);
  check(page.loads === loads, "a CSS change does not reload the page");
  check((await page.evaluate(() => window.scrollY)) === scrolled, "scroll position kept");

  check(errors.length === 0, `no script errors: ${errors.join("; ")}`);
  await writeFile(markdown, original);
  console.log("browser live reload: all checks passed");
} catch (e) {
  failed = true;
  console.error(`browser live reload FAILED: ${e.stack || e}`);
} finally {
  await context.close().catch(() => {});
  await rm(profile, { recursive: true, force: true }).catch(() => {});
}
process.exit(failed ? 1 : 0);
