// First-load JavaScript per route of the static export: every <script src> a page's HTML loads
// (less the noModule polyfills, which browsers with ES modules skip), gzipped (level 9, as CloudFront's compression comes close to), summed per route. Writes
// build-report/first-load-js.json, prints a table and fails when a route is over the budget.
import { gzipSync } from "node:zlib";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const BUDGET_BYTES = 200 * 1024;
const OUT = new URL("../out/", import.meta.url).pathname;
const REPORT = new URL("../build-report/", import.meta.url).pathname;

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_next" ? [] : htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

const gzipped = new Map();
function gzippedSize(src) {
  if (!gzipped.has(src)) gzipped.set(src, gzipSync(readFileSync(join(OUT, src)), { level: 9 }).length);
  return gzipped.get(src);
}

const routes = htmlFiles(OUT)
  .map((file) => {
    const html = readFileSync(file, "utf8");
    const scripts = [...new Set([...html.matchAll(/<script\b[^>]*>/g)]
      .map(([tag]) => !/\bnomodule\b/i.test(tag) && tag.match(/\bsrc="\/([^"]+\.js)"/)?.[1])
      .filter(Boolean))];
    const route = "/" + relative(OUT, file).replace(/index\.html$/, "").replace(/\.html$/, "");
    return { route, scripts: scripts.length, bytes: scripts.reduce((sum, src) => sum + gzippedSize(src), 0) };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

mkdirSync(REPORT, { recursive: true });
writeFileSync(join(REPORT, "first-load-js.json"), JSON.stringify({ budgetBytes: BUDGET_BYTES, routes }, null, 2) + "\n");

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + " KB";
console.log(`\nFirst-load JS per route (gzipped; budget ${kb(BUDGET_BYTES).trim()}):`);
for (const { route, scripts, bytes } of routes) console.log(`  ${route.padEnd(14)} ${kb(bytes)}  (${scripts} files)`);
const over = routes.filter((r) => r.bytes > BUDGET_BYTES);
if (routes.length === 0) {
  console.error("No pages found in out/: did next build export?");
  process.exit(1);
}
if (over.length > 0) {
  console.error(`Over the first-load budget: ${over.map((r) => r.route).join(", ")}`);
  process.exit(1);
}
