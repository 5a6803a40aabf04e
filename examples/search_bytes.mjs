// Bytes a search downloads, in headless Chromium, for the benchmark (examples/bench.rs):
//
//     node examples/search_bytes.mjs PUBLIC_DIR [PAGEFIND_BUNDLE_DIR] < queries.json
//
// For each query (a JSON array of strings), with an empty cache: stdportal's search page
// (`/search/?q=…`) until its first page of results is shown, counting the responses under
// /search/data/ and search.js; and, when a Pagefind bundle is given (served at /pagefind/),
// Pagefind's own JavaScript API on the same page: `search(q)` and the data of its first ten
// results (what its UI shows first), counting the responses under /pagefind/. Prints JSON:
// [{"query", "stdportal": {"bytes", "files", "results"}, "pagefind": {...}}].
// Needs playwright-core (tests/browser/node_modules, `bash scripts/browser-test-setup.sh`).
import { readFileSync } from "node:fs";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const [publicDir, pagefindDir] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(0, "utf8"));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm" };

const server = createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let dir = publicDir;
  if (pagefindDir && path.startsWith("/pagefind/")) { dir = pagefindDir; path = path.slice("/pagefind".length); }
  if (path.endsWith("/")) path += "index.html";
  try {
    const body = await readFile(join(dir, path));
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = await mkdtemp(join(tmpdir(), "stdportal-bytes-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Responses (body sizes as sent: the files are stored compressed) whose path starts with one
// of `prefixes`, while `run` runs in a page with an empty cache.
async function counted(prefixes, run) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const files = new Map();
  page.on("response", async (r) => {
    const path = new URL(r.url()).pathname;
    if (!prefixes.some((p) => path.startsWith(p))) return;
    try { files.set(path, (await r.body()).length); } catch { /* redirected */ }
  });
  const results = await run(page);
  await page.waitForTimeout(100);
  await page.close();
  return { bytes: [...files.values()].reduce((a, b) => a + b, 0), files: files.size, results };
}

const out = [];
for (const query of queries) {
  const row = { query };
  row.stdportal = await counted(["/search/data/", "/search.js"], async (page) => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status").textContent;
      return s && !/正在/.test(s);
    }, null, { timeout: 60000 });
    return page.$$eval("#search-results > li", (l) => l.length);
  });
  if (pagefindDir) {
    row.pagefind = await counted(["/pagefind/"], async (page) => {
      await page.goto(`${origin}/search/`);
      return page.evaluate(async (q) => {
        const pf = await import("/pagefind/pagefind.js");
        await pf.options({ basePath: "/pagefind/" });
        const search = await pf.search(q);
        await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
        return search.results.length;
      }, query);
    });
  }
  out.push(row);
}
await context.close();
server.close();
await rm(profile, { recursive: true, force: true });
process.stdout.write(JSON.stringify(out));
