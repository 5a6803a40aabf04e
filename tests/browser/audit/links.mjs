// Links and anchors, offline: every address in a page, an SVG file or a stylesheet that belongs to
// the site must lead to a file of the folder, and its #fragment to an element of that file.
// External addresses are counted, not fetched (the audit runs without a network).
import { attr, elements, lineOf, parseHtml } from "./site.mjs";

const URL_ATTRS = ["href", "xlink:href", "src", "poster", "data", "action", "formaction", "cite", "manifest", "background"];
const SRCSET_ATTRS = ["srcset", "imagesrcset"];
const STYLE_ATTRS = ["style", "fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end"];
// Schemes that are not fetched from the site (or not fetched at all).
const NOT_FETCHED = /^(mailto|tel|sms|javascript|data|blob|about|geo|urn|news|irc|ftp|file|webcal|magnet):/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** url() and @import addresses of CSS text, with their line (comments blanked, lines kept). */
export function cssUrls(text, firstLine = 1) {
  const clean = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  const out = [];
  for (const m of clean.matchAll(CSS_URL)) {
    const url = (m.slice(1).find((g) => g !== undefined) || "").trim();
    if (url) out.push({ line: firstLine + (clean.slice(0, m.index).match(/\n/g) || []).length, url });
  }
  return out;
}

/** The addresses one element refers to: `{ line, where, url }`. */
function refsOf(el) {
  const tag = el.tagName;
  const refs = [];
  const rel = (attr(el, "rel") || "").toLowerCase().split(/\s+/);
  for (const name of URL_ATTRS) {
    const value = attr(el, name)?.trim();
    if (!value) continue;
    if (tag === "base" || (tag === "link" && (rel.includes("preconnect") || rel.includes("dns-prefetch")))) continue;
    if ((name === "action" && tag !== "form") || (name === "cite" && !["blockquote", "q", "ins", "del"].includes(tag))) continue;
    refs.push({ line: lineOf(el, name), where: `<${tag} ${name}>`, url: value });
  }
  for (const name of SRCSET_ATTRS) {
    for (const candidate of (attr(el, name) || "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) refs.push({ line: lineOf(el, name), where: `<${tag} ${name}>`, url });
    }
  }
  for (const name of STYLE_ATTRS) {
    const value = attr(el, name);
    if (value && /url\(/i.test(value)) {
      for (const { url } of cssUrls(value)) refs.push({ line: lineOf(el, name), where: `<${tag} ${name}>`, url });
    }
  }
  if (tag === "meta" && (attr(el, "http-equiv") || "").toLowerCase() === "refresh") {
    const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(el, "content") || "");
    if (m) refs.push({ line: lineOf(el), where: "<meta refresh>", url: m[1].trim() });
  }
  if (tag === "style") {
    const text = (el.childNodes || []).map((n) => n.value || "").join("");
    for (const r of cssUrls(text, lineOf(el))) refs.push({ ...r, where: "<style> url()" });
  }
  return refs;
}

/** Checks one address; a problem sentence or null. `ids` are the document's own, for "#x". */
function problemOf(site, ref, docBase, pageUrl, ids, counts) {
  const raw = ref.url;
  if (NOT_FETCHED.test(raw)) return null;
  // "#x" is this document (unless a <base> moves where <a href="#x"> goes).
  if (raw.startsWith("#") && (docBase.href === pageUrl.href || !/^<(a|area) /.test(ref.where))) {
    const fragment = raw.slice(1);
    if (fragment === "" || fragment.toLowerCase() === "top" || fragment.startsWith(":~:")) return null;
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch { /* compared as written */ }
    return ids.has(fragment) || ids.has(decoded) ? null : `no element with id "${decoded}" in this page`;
  }
  let url;
  try {
    url = new URL(raw, docBase);
  } catch {
    return "not a valid address";
  }
  if (!/^https?:$/.test(url.protocol) || !site.owns(url)) {
    counts.external++;
    return null;
  }
  return site.problemOf(url);
}

/** One result per HTML, SVG and CSS file that refers to anything. */
export function checkLinks(site, report) {
  const counts = { files: 0, refs: 0, external: 0 };
  for (const file of site.list(/\.(html?|xhtml|svg|css)$/i)) {
    counts.files++;
    const pageUrl = site.urlOf(file);
    let refs, ids, docBase = pageUrl;
    if (/\.css$/i.test(file)) {
      // url(#x) in a stylesheet means the document using it: not checkable from here.
      refs = cssUrls(site.read(file)).filter((r) => !r.url.startsWith("#")).map((r) => ({ ...r, where: "url()" }));
      ids = new Set();
    } else {
      const tree = parseHtml(site.read(file));
      ids = site.idsOf(file, tree);
      refs = [];
      for (const { el } of elements(tree)) {
        if (el.tagName === "base" && attr(el, "href") && docBase === pageUrl) {
          try {
            docBase = new URL(attr(el, "href"), pageUrl);
          } catch { /* an invalid <base> is the HTML check's to report */ }
        }
        refs.push(...refsOf(el));
      }
    }
    counts.refs += refs.length;
    const problems = [];
    for (const ref of refs) {
      const problem = problemOf(site, ref, docBase, pageUrl, ids, counts);
      if (problem) problems.push(`line ${ref.line}: ${ref.where} "${ref.url}": ${problem}`);
    }
    if (refs.length) report.add("links", file, problems, `${refs.length} addresses`);
  }
  return `${counts.files} HTML, SVG and CSS files, ${counts.refs} addresses, ${counts.external} external (not fetched)`;
}
