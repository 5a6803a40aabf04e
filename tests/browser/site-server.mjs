// A static file server for a built site (the layout test and scripts/screenshots.sh): pages
// link root-relative (/style.css), so they cannot be opened as file:// URLs.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".json": "application/json", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain",
  ".wasm": "application/wasm",
};

/** Serves `root` on a free loopback port; resolves to `{ url, close }`. With `prefix` (a path
 * ending in "/"), the site is served beneath it, as a site built for a sub-path is deployed;
 * `outside(path)` is told of each request outside it (a link that forgot the sub-path). */
export async function serve(root, prefix = "/", outside = () => {}) {
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (!full.startsWith(prefix)) {
        outside(full);
        throw new Error("outside the prefix");
      }
      const path = "/" + full.slice(prefix.length);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      const body = await readFile(join(root, "404.html")).catch(() => "not found");
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(body);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Chromium as NOTES.md says it runs here: headless, no sandbox, a fresh profile. */
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
