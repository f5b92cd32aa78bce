// Bundle-size gate: brotli (quality 11) of the app's wasm + JS in dist/.
// Fails above the budget: the size measured when issue 11's workshop features landed (535.0 KB:
// participant mode, workspaces, the ballot journal, every number in the result and the format
// checks) plus 5 %, as PERFORMANCE.md S15 asks ("fails on +5 %"). The v1 goal of 150 KB is not
// met; issue 12 brings per-module budgets and the levers (erase_components, splitting); see
// ARCHITECTURE.md ("Bundle size").
import { brotliCompressSync, constants } from "node:zlib";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
const BUDGET = 562 * 1000;
const GOAL = 150 * 1000;
const files = readdirSync(dir).filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
let total = 0;
console.log("file".padEnd(44) + "raw".padStart(10) + "brotli".padStart(10));
for (const f of files.sort()) {
  const raw = readFileSync(join(dir, f));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += br;
  console.log(f.padEnd(44) + String(raw.length).padStart(10) + String(br).padStart(10));
}
const kb = (n) => (n / 1000).toFixed(1) + " KB";
console.log(`total wasm + JS, brotli: ${kb(total)} (budget ${kb(BUDGET)}, goal ${kb(GOAL)})`);
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error("no .wasm in " + dir + ": build first");
  process.exit(1);
}
if (total > BUDGET) {
  console.error(`bundle too large: ${kb(total)} > ${kb(BUDGET)}`);
  process.exit(1);
}
