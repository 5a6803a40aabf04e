// Runs the search page's own client (themes/default/static/search.js) in Node.js over a built
// site's index, for tests/it/search.rs: node search-client.mjs PUBLIC_DIR < queries.json
//
// Input: [{"q": "...", "hant": false, "filters": {"city": "...", ...}}, ...]
// Output: [{"candidates": n, "exact": bool, "step": "phrase", "hits": ["route/path/", ...],
// "files": [[[name, address, type, size], ...], ...]}, ...], every candidate verified, in the
// order the search page shows them, each with its attachments (附件) as the result shows them
// ([] for none); {"error": "..."} for a query
// whose search failed (a damaged index must fail, not hang).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { Engine } = require("../../themes/default/static/search.js");
const [dir] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(0, "utf8"));
const fetcher = async (url) => {
  try {
    return new Response(await readFile(join(dir, url)));
  } catch {
    return new Response(null, { status: 404 });
  }
};
const out = [];
for (const { q, hant, filters } of queries) {
  const engine = Engine("search/data/", hant, fetcher);
  try {
    const meta = await engine.load();
    const st = await engine.search(meta, q, filters || {}, Infinity, Infinity);
    const hits = st.first || [];
    out.push({ candidates: (st.items || []).length, exact: !!st.exact, short: !!st.short, step: st.step, hits: hits.map((f) => f[0].u), files: hits.map((f) => f[0].a || []) });
  } catch (e) {
    out.push({ error: String(e && e.message || e) });
  }
}
process.stdout.write(JSON.stringify(out));
