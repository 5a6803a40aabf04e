// Screenshots of the pages older and phone readers use most (scripts/screenshots.sh):
// node screenshots.mjs SITE_DIR OUT_DIR [WIDTH] [MODES]
// Full-page PNGs of the home, a city, the dashboard and an indicator page, both scripts, at
// WIDTH px (390) in MODES ("large-text"), named like home-zh-Hans-390-large-text.png.
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve, CHROMIUM_ARGS } from "./site-server.mjs";

const [site, out, width = "390", modes = "large-text"] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node screenshots.mjs SITE_DIR OUT_DIR [WIDTH] [MODES]");
  process.exit(2);
}

// The first city with indicators and its first indicator, whatever the site holds.
const cities = (await readdir(join(site, "cities"), { withFileTypes: true }))
  .filter((d) => d.isDirectory()).map((d) => d.name).sort();
let city = cities[0];
let indicator;
for (const c of cities) {
  const found = (await readdir(join(site, "cities", c, "indicators")).catch(() => [])).sort();
  if (found.length) { [city, indicator] = [c, found[0]]; break; }
}
const pages = [
  ["home", "/"],
  ["city", `/cities/${city}/`],
  ["dashboard", "/dashboard/"],
  ...(indicator ? [["indicator", `/cities/${city}/indicators/${indicator}/`]] : []),
];
// Full pages are many screens tall; the parts, one screen each, are what a person can read.
const PART = 1200;

await mkdir(out, { recursive: true });
const server = await serve(site);
const profile = await mkdtemp(join(tmpdir(), "stdportal-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: Number(width), height: 800 },
  args: CHROMIUM_ARGS,
});
// The page's own inline script applies the saved modes before first paint.
await context.addInitScript((m) => localStorage.setItem("stdportal-modes", m), modes);
try {
  const page = await context.newPage();
  for (const [name, path] of pages) {
    for (const [script, prefix] of [["zh-Hans", ""], ["zh-Hant", "/zh-hant"]]) {
      await page.goto(server.url + prefix + path, { waitUntil: "load" });
      const file = join(out, `${name}-${script}-${width}-${modes.replace(/ /g, "+") || "normal"}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < height; y += PART, n++) {
        const part = file.replace(/\.png$/, `-part${n}.png`);
        const clip = { x: 0, y, width: Number(width), height: Math.min(PART, height - y) };
        await page.screenshot({ path: part, fullPage: true, clip });
      }
    }
  }
} finally {
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
