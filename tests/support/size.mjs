// Bundle-size gate: brotli (quality 11) of the app's wasm + JS in dist/, reported as the initial
// download (everything but the modules' chunks: the glue, the main
// module with the shell, the overview and the shared core, the split loader, the start-up and
// PWA scripts, the service worker) and one line per module chunk (`split-<module>-<hash>.wasm`, written by
// scripts/split.mjs). Each part fails above its budget: the size measured when it was set plus
// 5 % (PERFORMANCE.md S15, "fails on +5 %"); the targets of issue 12 are printed beside them.
// Why these numbers: ARCHITECTURE.md, "Bundle size".
import { brotliCompressSync, constants } from "node:zlib";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
const KB = 1000;
/** Budgets in bytes: the measured size + 5 %. A module without its own line uses `module`. */
const BUDGETS = {
  // Measured on the build with erase_components (issue 12) and the goal-conflict module (13).
  initial: 450 * KB, // measured 428.6 KB with the sustainability-proofing's three record kinds (applications, templates with their criteria, assessments with their answers) and their demo (issue 16: +22.7 KB; an internally tagged scoring rule cost 3.6 KB more and was made externally tagged; the demo's flag comments are written out so the first start does not load the matrix analysis). Before: 402.1 KB with the action areas' nine kinds (+44 KB; the kernel's per-field and per-value-type helpers took back 18 KB first: 369.7 → 357.7 → 402.1), 368.5 KB with the stakeholder kinds. What stays per kind is the BTreeMap<Id, R> code and the document's loops (ARCHITECTURE.md, "Bundle size")
  prioritisation: 230 * KB, // measured 219.2 KB: its pages, participant mode, voting, certificate
  conflicts: 153 * KB, // measured 145.2 KB: its pages, the analysis, the signed network, sparse pairs, the case check (target 100 missed)
  shared: 164 * KB, // measured 155.6 KB with the sustainability-proofing's pages (issue 16: +27 KB — its flags run the goal-conflict matrix analysis, the reveal with medians and the case check, which the conflicts chunk has too; kronor formatting, the select field and the report table it shares with the action areas). Before: 125.7 KB with the action areas' editors (issue 15: the form pieces, file reading and the select field the stakeholder map and the action areas share; the round tally, which the overview's "contested inspel" now shares with the prioritisation chunk), 80.4 KB: code two chunks share and the shell does not (CSV reading, goal helpers, the report table and CSV writing, SVG, float, exact-fraction and kronor formatting, the file pickers, the matrices' reveal, indicator progress and the financing checks — the last since the overview's attention list, a chunk of its own, uses them with the modules: +14.7 KB here, the initial download 419.0 → 405.7 KB by that split). Before: 58.2, 59.8, 65.7 KB
  stakeholders: 100 * KB, // measured 98.8 KB on a clean build: actors, actor page with goal/inspel links, network with drag/zoom/keyboard, grid, classes, metrics, imports and exports (the module target, not +5 %)
  actions: 135 * KB, // measured 128.7 KB: the report page with its indicator CSV, the effect-chain editor (touch, keyboard, fold, print) with the area's fields and links, the timeline table with CSV and activity editing, indicator and project editors (a project's actors), the three logs with entries changed in place (issue 15; the module target of 100 KB missed by 29 %: one sort shared by every list took 6 KB back, 118.9 → 112.9, then 115.4, 121.9, 124.4 and 128.7 with the area links, activity editing, node tags, log removal and editing; one file-picking future for every module took 0.3 KB; what stays is the view code of six pages of forms)
  module: 100 * KB, // a new module starts at the target
};
const TARGETS = { initial: 250 * KB, module: 100 * KB, all: 600 * KB };

// Subfolders too: wasm-bindgen's snippets (public/store.js lands in snippets/).
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error("no .wasm in " + dir + ": build first");
  process.exit(1);
}
// split-<module>-<hash>.wasm; split-shared-<n>-<hash>.wasm (shared chunks) count as "shared".
const part = (f) => f.match(/^split-(.+)-[0-9a-f]{16}\.wasm$/)?.[1]?.replace(/^shared-\d+$/, "shared") ?? "initial";
const parts = new Map();
console.log("file".padEnd(52) + "raw".padStart(10) + "brotli".padStart(10) + "  part");
for (const f of files.sort()) {
  const raw = readFileSync(join(dir, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  parts.set(part(f), (parts.get(part(f)) ?? 0) + br);
  console.log(f.padEnd(52) + String(raw.length).padStart(10) + String(br).padStart(10) + "  " + part(f));
}
const kb = (n) => (n / KB).toFixed(1) + " KB";
let total = 0;
let failed = false;
for (const [name, size] of [...parts].sort(([a], [b]) => (a === "initial" ? -1 : b === "initial" ? 1 : a.localeCompare(b)))) {
  total += size;
  const budget = BUDGETS[name] ?? BUDGETS.module;
  const target = name === "initial" ? TARGETS.initial : TARGETS.module;
  const label = name === "initial" ? "initial download" : `module ${name}`;
  console.log(`${label.padEnd(30)} ${kb(size).padStart(9)}  (budget ${kb(budget)}, target ${kb(target)})`);
  if (size > budget) {
    console.error(`${label} too large: ${kb(size)} > ${kb(budget)}`);
    failed = true;
  }
}
console.log(`${"all of it".padEnd(30)} ${kb(total).padStart(9)}  (target for five modules ${kb(TARGETS.all)})`);
if (failed) process.exit(1);
