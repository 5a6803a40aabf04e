// The audit's results: one per check and file (per page and mode for a11y), printed as each
// check's failures with what and where, then a table and the closing line "N passed, N failed".

export const CHECKS = {
  site: "the folder",
  html: "Nu Html Checker: HTML, CSS and SVG, errors only",
  links: "links and #anchors, offline",
  "zh-script": "Simplified and Traditional characters against lang",
  sitemap: "the sitemaps.org schema (xmllint), every address leads to a page",
  feed: "Atom feeds: RFC 4287 elements and dates, links",
  xml: "other XML: well-formed",
  a11y: "axe-core WCAG 2.1 A and AA in headless Chromium, in each mode",
  runtime: "the same pages: script errors, console errors, failed requests",
};

export class Report {
  constructor() {
    this.results = [];
    this.notes = [];
  }

  /** One checked unit: it passes when `problems` is empty. */
  add(check, target, problems, summary = "") {
    this.results.push({ check, target, problems, summary });
  }

  /** Something worth knowing that is neither a pass nor a failure. */
  note(check, text) {
    this.notes.push({ check, text });
  }

  get failed() {
    return this.results.filter((r) => r.problems.length).length;
  }

  get passed() {
    return this.results.length - this.failed;
  }

  print(write, verbose) {
    const order = Object.keys(CHECKS);
    const checks = [...new Set(this.results.map((r) => r.check).concat(this.notes.map((n) => n.check)))]
      .sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const check of checks) {
      const mine = this.results.filter((r) => r.check === check);
      const failed = mine.filter((r) => r.problems.length);
      write(`\n== ${check}: ${CHECKS[check] || ""} — ${mine.length - failed.length} passed, ${failed.length} failed\n`);
      for (const n of this.notes.filter((n) => n.check === check)) write(`   ${n.text}\n`);
      for (const r of mine) {
        if (!r.problems.length && !verbose) continue;
        // A failure's problems say enough; a pass says what was checked.
        write(r.problems.length ? `FAIL ${r.target}\n` : `pass ${r.target}${r.summary ? `  (${r.summary})` : ""}\n`);
        for (const p of r.problems) write(`     ${p.replace(/\n/g, "\n     ")}\n`);
      }
    }
    write(`\n${"check".padEnd(10)}${"passed".padStart(8)}${"failed".padStart(8)}\n`);
    for (const check of checks) {
      const mine = this.results.filter((r) => r.check === check);
      if (!mine.length) continue;
      const failed = mine.filter((r) => r.problems.length).length;
      write(`${check.padEnd(10)}${String(mine.length - failed).padStart(8)}${String(failed).padStart(8)}\n`);
    }
  }
}
