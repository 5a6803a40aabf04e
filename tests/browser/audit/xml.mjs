// The site's XML: sitemaps (the sitemaps.org schema through xmllint, offline, and every address
// in them leads to a file of the site) and Atom feeds (RFC 4287's required elements and dates,
// and every link of the site leads to a file). Any other XML file must at least be well-formed.
// Parsing is strict XML 1.0 with namespaces (saxes): a feed reader rejects what it rejects.
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SaxesParser } from "saxes";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const ATOM_NS = "http://www.w3.org/2005/Atom";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
// The sitemaps.org schema, with the xhtml:link alternates (hreflang) the sitemap carries.
const SITEMAP_XSD = fileURLToPath(new URL("../schemas/sitemap-with-alternates.xsd", import.meta.url));
// RFC 3339 date-time, as Atom requires it (RFC 4287 §3.3).
const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** A small tree of an XML document: `{ root }` or `{ problem }` (the first well-formedness
 * error, with its line and column). Nodes: `{ ns, local, attrs, text, line, children }`. */
export function parseXml(text) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack = [];
  let root = null, problem = null;
  // saxes says "LINE:COLUMN: what".
  const tidy = (e) => e.message.replace(/^(?:[^:\n]*:)?(\d+):(\d+): /, "line $1, column $2: ");
  parser.on("error", (e) => {
    problem ??= tidy(e);
  });
  parser.on("opentag", (tag) => {
    const attrs = {};
    for (const a of Object.values(tag.attributes)) attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    const node = { ns: tag.uri, local: tag.local, attrs, text: "", line: parser.line, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("cdata", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => stack.pop());
  try {
    parser.write(text).close();
  } catch (e) {
    problem ??= tidy(e);
  }
  if (!problem && !root) problem = "no root element";
  return problem ? { problem } : { root };
}

const kids = (node, ns, local) => node.children.filter((c) => c.ns === ns && c.local === local);

function xmllint(args) {
  return new Promise((resolve) => {
    execFile("xmllint", args, { timeout: 120_000, maxBuffer: 64 << 20 }, (error, _out, stderr) => {
      resolve({ status: error ? (error.code ?? error.signal ?? 1) : 0, stderr });
    });
  });
}

async function checkSitemap(site, file, root, report) {
  const problems = [];
  const path = site.path(file);
  const lint = await xmllint(["--noout", "--nonet", "--schema", SITEMAP_XSD, path]);
  if (lint.status !== 0) {
    const lines = lint.stderr.split("\n").filter((l) => l.trim() && !l.endsWith(" fails to validate"));
    // "FILE:4: element loc: Schemas validity error : Element '…': …" → "line 4: Element '…': …"
    const tidy = (l) => l.replace(/^.*?:(\d+): element \S+: Schemas validity error : /, "line $1: ").replaceAll(path, file);
    problems.push(...(lines.length ? lines.map(tidy) : [`xmllint exited with ${lint.status}`]));
  }
  const urls = kids(root, SITEMAP_NS, "url");
  const origins = new Set();
  for (const url of urls) {
    const addresses = kids(url, SITEMAP_NS, "loc").map((l) => [l.line, l.text.trim()])
      .concat(kids(url, XHTML_NS, "link").map((l) => [l.line, l.attrs.href || ""]));
    for (const [line, address] of addresses) {
      let parsed;
      try {
        parsed = new URL(address);
      } catch {
        parsed = null;
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol)) {
        problems.push(`line ${line}: "${address}" is not an absolute http(s) address`);
        continue;
      }
      origins.add(parsed.origin);
      const problem = site.owns(parsed) ? site.problemOf(parsed) : `not on the site (${site.origin.href})`;
      if (problem) problems.push(`line ${line}: ${address}: ${problem}`);
    }
  }
  if (origins.size > 1) problems.push(`addresses on more than one origin: ${[...origins].join(", ")}`);
  if (urls.length > 50_000) problems.push(`${urls.length} addresses (the protocol allows 50,000 a file)`);
  if (statSync(path).size > 50 << 20) problems.push("larger than 50 MiB (the protocol's limit)");
  report.add("sitemap", file, problems, `${urls.length} addresses`);
}

function checkAtom(site, file, root, report) {
  const problems = [];
  const one = (node, name, where) => {
    const found = kids(node, ATOM_NS, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}> (needs exactly one)`);
    return found[0];
  };
  const date = (node, where) => {
    const text = node?.text.trim();
    if (node && !(RFC3339.test(text) && !Number.isNaN(Date.parse(text)))) {
      problems.push(`line ${node.line}: ${where} <${node.local}> "${text}" is not an RFC 3339 date-time`);
    }
  };
  const iri = (node, where) => {
    if (node && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(node.text.trim())) {
      problems.push(`line ${node.line}: ${where} <id> "${node.text.trim()}" is not an absolute IRI`);
    }
  };
  const feedUrl = site.urlOf(file);
  const links = (node, where) => {
    for (const link of kids(node, ATOM_NS, "link")) {
      if (!link.attrs.href) {
        problems.push(`line ${link.line}: ${where} <link> has no href`);
        continue;
      }
      let url;
      try {
        url = new URL(link.attrs.href, feedUrl);
      } catch {
        problems.push(`line ${link.line}: ${where} <link href="${link.attrs.href}"> is not a valid address`);
        continue;
      }
      const problem = site.problemOf(url);
      if (problem) problems.push(`line ${link.line}: ${where} <link href="${link.attrs.href}">: ${problem}`);
    }
  };
  iri(one(root, "id", "the feed"), "the feed");
  one(root, "title", "the feed");
  date(one(root, "updated", "the feed"), "the feed");
  links(root, "the feed");
  const entries = kids(root, ATOM_NS, "entry");
  const feedAuthor = kids(root, ATOM_NS, "author").length > 0;
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1} (line ${entry.line})`;
    iri(one(entry, "id", where), where);
    one(entry, "title", where);
    date(one(entry, "updated", where), where);
    for (const p of kids(entry, ATOM_NS, "published")) date(p, where);
    if (!feedAuthor && !kids(entry, ATOM_NS, "author").length) problems.push(`${where} has no <author>, nor has the feed`);
    const alternate = kids(entry, ATOM_NS, "link").some((l) => (l.attrs.rel || "alternate") === "alternate");
    if (!alternate && !kids(entry, ATOM_NS, "content").length) problems.push(`${where} has neither <link rel="alternate"> nor <content>`);
    links(entry, where);
  });
  report.add("feed", file, problems, `Atom, ${entries.length} entries`);
}

/** Checks every *.xml, *.atom and *.rss file; returns how many sitemaps and the parsed feeds (for the
 * script check). */
export async function checkXml(site, report) {
  const feeds = [];
  let sitemaps = 0;
  for (const file of site.list(/\.(xml|atom|rss)$/i)) {
    const { root, problem } = parseXml(site.read(file));
    const head = site.read(file).slice(0, 4096);
    if (problem) {
      const check = /<urlset\b|<sitemapindex\b/.test(head) ? "sitemap" : /<feed\b|<rss\b/.test(head) ? "feed" : "xml";
      report.add(check, file, [`not well-formed XML: ${problem}`]);
    } else if (root.ns === SITEMAP_NS && root.local === "urlset") {
      sitemaps++;
      await checkSitemap(site, file, root, report);
    } else if (root.ns === ATOM_NS && root.local === "feed") {
      feeds.push({ file, root });
      checkAtom(site, file, root, report);
    } else if (root.local === "rss" || root.local === "sitemapindex") {
      // stdportal writes neither: said, and neither passed nor failed.
      report.note(root.local === "rss" ? "feed" : "sitemap", `${file}: <${root.local}> well-formed, not checked further (stdportal writes Atom feeds and a <urlset>)`);
    } else {
      report.add("xml", file, [], "well-formed");
    }
  }
  return { sitemaps, feeds };
}
