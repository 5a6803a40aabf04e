// The built site as the audit sees it: its files, its public base URL, and what an address on the
// site leads to (a file of the folder, or why none), read offline. Every check resolves addresses
// here, so a link, a sitemap <loc> and a feed's link mean the same thing to each of them.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "parse5";

/** Stands for the site's origin when it has no public base URL (no sitemap, no SITE_BASE_URL). */
const NO_BASE = "http://site.invalid/";
export const HTML_EXT = /\.(html?|xhtml)$/i;

/** Parses HTML as a browser would (parse5 follows the HTML standard's tree building), with the
 * line of every element and attribute. `<noscript>` is read as markup: what it holds is shown
 * to readers without JavaScript, so its links and text are checked too. */
export function parseHtml(text) {
  return parse(text, { sourceCodeLocationInfo: true, scriptingEnabled: false });
}

/** Each element of a parse5 tree, depth first, with its ancestors' `lang`; `<template>`
 * contents are left out (they are not part of the page until a script uses them). */
export function* elements(node, lang = null) {
  for (const child of node.childNodes || []) {
    if (!child.tagName) continue;
    const own = langOf(child);
    const inherited = own ?? lang;
    yield { el: child, lang: inherited };
    yield* elements(child, inherited);
  }
}

/** An element's own `lang` (HTML) or `xml:lang` (SVG, MathML), or null. */
export function langOf(el) {
  const a = (el.attrs || []).find((x) => x.name === "lang" || x.name === "xml:lang");
  return a ? a.value : null;
}

export function attr(el, name) {
  const a = (el.attrs || []).find((x) => (x.prefix ? `${x.prefix}:${x.name}` : x.name) === name);
  return a ? a.value : undefined;
}

/** Line of an element's attribute (or of the element). */
export function lineOf(el, name) {
  const loc = el.sourceCodeLocation;
  if (!loc) return 0;
  return (name && loc.attrs && loc.attrs[name] ? loc.attrs[name].startLine : loc.startLine) || 0;
}

export class Site {
  constructor(dir, baseUrl) {
    this.root = realpathSync(dir);
    this.files = walk(this.root);
    this.base = baseUrl ? new URL(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") : inferBase(this.root);
    this.origin = this.base || new URL(NO_BASE);
    this.ids = new Map();
  }

  /** Site-relative paths of the files with this extension pattern, sorted. */
  list(pattern) {
    return this.files.filter((f) => pattern.test(f));
  }

  path(rel) {
    return join(this.root, rel);
  }

  read(rel) {
    return readFileSync(this.path(rel), "utf8");
  }

  /** The public URL of a file of the site. */
  urlOf(rel) {
    return new URL(rel.split("/").map(encodeURIComponent).join("/"), this.origin);
  }

  /** Whether an absolute URL is an address of this site (else it is external: not fetched). */
  owns(url) {
    return url.origin === this.origin.origin;
  }

  /** The file of the site an address of the site leads to, as a static host serves it:
   * `{ file }` (site-relative) or `{ problem }`. */
  resolve(url) {
    const basePath = this.origin.pathname;
    if (!url.pathname.startsWith(basePath)) {
      return { problem: `outside the site (its address starts ${basePath})` };
    }
    let path;
    try {
      path = decodeURIComponent(url.pathname.slice(basePath.length));
    } catch {
      return { problem: "not valid UTF-8 percent-encoding" };
    }
    const parts = path.split("/");
    if (parts.some((p) => p === ".." || p === ".") || path.includes("\0")) {
      return { problem: "outside the site folder" };
    }
    const rel = parts.filter(Boolean).join("/");
    const info = stat(join(this.root, rel));
    if (info && info.isDirectory()) {
      const index = rel ? `${rel}/index.html` : "index.html";
      return stat(join(this.root, index))?.isFile() ? { file: index } : { problem: "a folder without index.html" };
    }
    if (path.endsWith("/")) return { problem: "no such folder" };
    if (info && info.isFile()) return { file: rel };
    return { problem: "no such file" };
  }

  /** Why `#fragment` names nothing in the file, or null. Only HTML and SVG files are looked into;
   * "" and "top" are the top of any page, `:~:` a text fragment. */
  fragmentProblem(file, fragment) {
    if (fragment === "" || fragment.toLowerCase() === "top" || fragment.startsWith(":~:")) return null;
    if (!HTML_EXT.test(file) && !/\.svg$/i.test(file)) return null;
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch { /* compared as written */ }
    const ids = this.idsOf(file);
    return ids.has(fragment) || ids.has(decoded) ? null : `no element with id "${decoded}" in ${file}`;
  }

  /** The ids of a file (and the names of its `<a name>`), read once. */
  idsOf(file, tree) {
    if (!this.ids.has(file)) {
      const doc = tree || parseHtml(this.read(file));
      const ids = new Set();
      for (const { el } of elements(doc)) {
        const id = attr(el, "id");
        if (id) ids.add(id);
        const name = el.tagName === "a" && attr(el, "name");
        if (name) ids.add(name);
      }
      this.ids.set(file, ids);
    }
    return this.ids.get(file);
  }

  /** Why an absolute address of the site leads nowhere, or null (also null for external ones). */
  problemOf(url) {
    if (!this.owns(url)) return null;
    const { file, problem } = this.resolve(url);
    if (problem) return problem;
    return url.hash ? this.fragmentProblem(file, url.hash.slice(1)) : null;
  }
}

function stat(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Every file under root, site-relative with "/", sorted by code unit; names starting with "."
 * (stdportal's manifest) are not part of the published site. Links are followed only to files:
 * a linked folder could loop. */
function walk(root) {
  const out = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() || (entry.isSymbolicLink() && stat(full)?.isFile())) {
        out.push(relative(root, full).split(sep).join("/"));
      }
    }
  };
  visit(root);
  return out.sort();
}

/** The public base URL from sitemap.xml: the deepest folder holding every <loc>, so a site built
 * for a sub-path (https://example.gov.cn/std/) is checked as deployed there. */
function inferBase(root) {
  let text;
  try {
    text = readFileSync(join(root, "sitemap.xml"), "utf8");
  } catch {
    return null;
  }
  let base = null;
  for (const m of text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
    let url;
    try {
      url = new URL(m[1].replaceAll("&amp;", "&"));
    } catch {
      continue;
    }
    const dir = new URL("./", url);
    if (!base) base = dir;
    else if (dir.origin !== base.origin) return base; // the sitemap check reports the mix
    else {
      const a = base.pathname.split("/");
      const b = dir.pathname.split("/");
      let i = 0;
      while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
      base = new URL(a.slice(0, i).join("/") + "/", base);
    }
  }
  return base;
}
