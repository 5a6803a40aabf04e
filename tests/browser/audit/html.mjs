// HTML, CSS and SVG validity: the Nu Html Checker (vnu.jar, from the vnu-jar npm package) over
// every page, stylesheet and SVG file, errors only. A checker that crashes or times out fails the
// files it did not finish: it never passes them.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const VNU_JAR = String(require("vnu-jar")); // the package exports the jar's path
export const VNU_VERSION = require("vnu-jar/package.json").version;
// vnu's HTML parser recurses on nesting (a deep page overflows the default stack); the client
// compiler alone halves its run time on a short run like this one.
const JAVA_OPTS = ["-Xss16m", "-XX:TieredStopAtLevel=1"];

/** Runs vnu; resolves to `{ messages, problem }` and never rejects. */
function vnu(args, timeoutMs, children) {
  return new Promise((resolve) => {
    const child = spawn("java", [...JAVA_OPTS, "-jar", VNU_JAR, "--errors-only", "--format", "json", "--stdout", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    let out = "", err = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const done = (problem) => {
      clearTimeout(timer);
      children.delete(child);
      resolve(problem ? { messages: [], problem } : parse(out, err));
    };
    child.on("error", (e) => done(`java could not start: ${e.message}`));
    child.on("close", (code, signal) => {
      if (signal) done(`vnu was stopped (${signal}${signal === "SIGKILL" ? `, over ${timeoutMs / 1000} s` : ""})`);
      else if (code > 1) done(`vnu exited with status ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`);
      else done(null);
    });
  });
}

function parse(out, err) {
  try {
    return { messages: JSON.parse(out).messages || [], problem: null };
  } catch (e) {
    return { messages: [], problem: `vnu wrote no report (${e.message}): ${err.trim().split("\n").slice(-3).join(" | ")}` };
  }
}

// Gaps of the checker, not errors of the site: vnu's CSS checker (26.9) does not know CSS
// container queries (CSS Containment Module Level 3, in every current browser since 2023), with
// which the theme shows each chart in the layout made for the width it gets. Only these messages,
// only on stylesheets; each one is counted and said in a note, never dropped silently.
const CHECKER_GAPS = [
  /^Property “container(-type|-name)?” doesn't exist/,
  /^Unrecognized at-rule “@container”/,
];

/** Starts vnu at once (its JVM works while the other checks run); the promise it returns adds
 * one result per checked file. Two runs: vnu 26.9 puts HTML errors one line off when it also
 * checks CSS in the same run, and CSS errors one line off in folder mode, but not so here. */
export function startHtmlCheck(site, timeoutMs, children) {
  const pages = site.list(/\.(html?|xhtml|svg)$/i);
  const styles = site.list(/\.css$/i);
  const runs = [
    pages.length ? vnu(["--skip-non-html", "--also-check-svg", site.root], timeoutMs, children) : null,
    styles.length ? vnu(["--css", ...styles.map((f) => site.path(f))], timeoutMs, children) : null,
  ];
  return async (report) => {
    const [html, css] = await Promise.all(runs);
    const errors = new Map();
    let gaps = 0;
    for (const run of [html, css].filter(Boolean)) {
      for (const m of run.messages) {
        if (!["error", "non-document-error", "fatal"].includes(m.type)) continue;
        const text = (m.message || "").trim().replace(/^CSS: “[^”]*”: /, "").replace(/^CSS: /, "");
        if (run === css && CHECKER_GAPS.some((gap) => gap.test(text))) {
          gaps++;
          continue;
        }
        let file = m.url || "(vnu)";
        if (file.startsWith("file:")) file = relative(site.root, fileURLToPath(file)).split(sep).join("/");
        const line = m.firstLine || m.lastLine;
        const where = line ? `line ${line}${m.firstColumn ? `, column ${m.firstColumn}` : ""}: ` : "";
        if (!errors.has(file)) errors.set(file, []);
        errors.get(file).push(`${where}${(m.message || "").trim()}`);
      }
    }
    for (const [files, run] of [[pages, html], [styles, css]]) {
      for (const file of files) {
        const found = errors.get(file) || [];
        errors.delete(file);
        if (run.problem && !found.length) report.add("html", file, [`not checked: ${run.problem}`]);
        else report.add("html", file, found);
      }
    }
    // Messages about files the audit did not list (I/O errors, a name vnu could not read).
    for (const [file, found] of errors) report.add("html", file, found);
    if (gaps) report.note("html", `${gaps} message(s) on CSS container queries (@container) not counted: vnu ${VNU_VERSION} does not know them`);
  };
}
