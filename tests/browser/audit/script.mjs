// Simplified and Traditional: text under lang="zh-Hans" (zh-CN, zh-SG) has no Traditional-only
// character and text under zh-Hant (zh-TW, zh-HK, zh-MO) no Simplified-only one; text in the
// other script must carry its own lang (WCAG 3.1.2), as the theme's language switch does.
//
// Which characters belong to one script only comes from CC-CEDICT, through the zhon PyPI package
// (zhon.cedict.traditional and .simplified; tests/browser/requirements.txt), not from OpenCC's
// dictionaries: stdportal converts with those, and a check built on the same tables could not
// see a character they miss.
import { execFileSync } from "node:child_process";
import { attr, elements, lineOf, parseHtml } from "./site.mjs";

// What stdportal itself leaves as written (src/script/html.rs): code and machine text.
const VERBATIM = new Set(["code", "pre", "kbd", "samp", "script", "style"]);
const TEXT_ATTRS = ["alt", "title", "aria-label", "aria-description", "placeholder"];
// A <meta> whose content is an address (og:url, SiteDomain) is never converted: a topic's
// address holds its Simplified name on both scripts' pages.
const ADDRESS = /^([a-z][a-z0-9+.-]*:|\/|\.\.?\/)/i;

/** The two sets, from zhon in `pythonPath`; throws with what went wrong. */
export function loadCharacterSets(pythonPath) {
  const program = "import json\nfrom zhon import cedict\nimport zhon\n" +
    "print(json.dumps({'t': cedict.traditional, 's': cedict.simplified, 'v': getattr(zhon, '__version__', '?')}))";
  const out = execFileSync("python3", ["-c", program], {
    env: { ...process.env, PYTHONPATH: pythonPath, PYTHONDONTWRITEBYTECODE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { t, s, v } = JSON.parse(out);
  const traditional = new Set(t), simplified = new Set(s);
  return {
    version: v,
    // "S" text must not hold these, and "T" text not those.
    wrong: {
      S: new Set([...traditional].filter((c) => !simplified.has(c))),
      T: new Set([...simplified].filter((c) => !traditional.has(c))),
    },
  };
}

/** "S", "T", or null when the tag does not say which script (zh, en, or nothing). */
export function scriptOf(lang) {
  const parts = (lang || "").trim().toLowerCase().replace(/_/g, "-").split("-");
  if (!["zh", "cmn", "yue"].includes(parts[0])) return null;
  if (parts.includes("hans") || ["cn", "sg", "my"].some((r) => parts.slice(1).includes(r))) return "S";
  if (parts.includes("hant") || ["tw", "hk", "mo"].some((r) => parts.slice(1).includes(r))) return "T";
  return null;
}

/** Problems of one text run, or none. */
function textProblem(sets, lang, line, text) {
  const script = scriptOf(lang);
  if (!script) return null;
  const found = [...new Set([...text].filter((c) => sets.wrong[script].has(c)))];
  if (!found.length) return null;
  const snippet = text.trim().replace(/\s+/g, " ").slice(0, 40);
  const other = script === "S" ? "Traditional" : "Simplified";
  return `line ${line}: lang="${lang}" text has ${other}-only ${found.join("")} in "${snippet}" (convert it, or mark it with its own lang)`;
}

/** Text runs of an HTML page, each with the lang in effect: `{ lang, line, text }`. */
function* htmlText(tree) {
  const verbatim = new Set();
  for (const { el, lang } of elements(tree)) {
    if (VERBATIM.has(el.tagName) || verbatim.has(el.parentNode)) verbatim.add(el);
    if (verbatim.has(el)) continue;
    for (const name of TEXT_ATTRS) {
      const value = attr(el, name);
      if (value) yield { lang, line: lineOf(el, name), text: value };
    }
    const content = el.tagName === "meta" && attr(el, "content");
    if (content && !ADDRESS.test(content.trim())) yield { lang, line: lineOf(el), text: content };
    for (const node of el.childNodes || []) {
      if (node.nodeName === "#text" && node.value.trim()) {
        yield { lang, line: node.sourceCodeLocation?.startLine || lineOf(el), text: node.value };
      }
    }
  }
}

/** Text of an Atom feed (see xml.mjs) with its xml:lang; addresses (id, uri, icon, logo) left out. */
function* feedText(node, lang = null) {
  const own = node.attrs["xml:lang"] ?? lang;
  if (["id", "uri", "icon", "logo"].includes(node.local)) return;
  if (node.text.trim()) yield { lang: own, line: node.line, text: node.text };
  for (const child of node.children) yield* feedText(child, own);
}

/** One result per page (and feed) that has text marked with a script. */
export function checkScripts(site, sets, feeds, report) {
  let checked = 0;
  const check = (file, runs) => {
    let marked = 0;
    const problems = [];
    for (const { lang, line, text } of runs) {
      if (!scriptOf(lang)) continue;
      marked++;
      const problem = textProblem(sets, lang, line, text);
      if (problem) problems.push(problem);
    }
    if (marked) {
      checked++;
      report.add("zh-script", file, problems, `${marked} text runs`);
    }
  };
  for (const file of site.list(/\.(html?|xhtml)$/i)) check(file, htmlText(parseHtml(site.read(file))));
  for (const { file, root } of feeds) check(file, feedText(root));
  return `${checked} pages and feeds with zh-Hans or zh-Hant text; characters of one script only from CC-CEDICT (zhon ${sets.version})`;
}
