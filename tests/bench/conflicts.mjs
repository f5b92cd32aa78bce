// Goal-conflict benchmarks (issue 13), on workspaces from `vagval demo --goals N --raters R`
// (a matrix over N goals in silent scoring, id below). Time is from the action to the next
// paint (requestAnimationFrame, then a task), as in lists.mjs.
// - first frame: "Börja bedöma" → the scoring grid painted (a window of at most 20 × 20
//   cells, whatever the matrix's size);
// - a cell edit: the key "2" on a cell (one command, the rater's record and the grid) → paint;
// - analysis: the Analys tab → its tables painted (the report: reveal, A², MICMAC, ±1
//   sensitivity, then the tables), at 1× (the analysis target is "≤ 100 ms in wasm at 1×").
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, mergeFile, saved } from "../e2e/harness.mjs";
import { median, paint } from "./measure.mjs";

const MATRIX = "6a1e0c55-3b7d-4e2a-9c41-5d8f2e702001";

export function matrixFile(dir, goals, raters) {
  const file = join(dir, `matrix-${goals}-${raters}.json`);
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "-o", file, "--goals", String(goals), "--raters", String(raters)], { cwd: ROOT });
  return file;
}

export async function matrixBench(browser, appUrl, file, rate, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
  const page = await context.newPage();
  await mergeFile(page, appUrl, file, { timeout: 120_000, saveTimeout: 60_000 });
  await page.goto(`${appUrl}/malkonflikter/matris/${MATRIX}`);
  await page.waitForSelector('[data-testid="rater-form"]', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const first = [];
  const edits = [];
  const analysis = [];
  for (let r = 0; r < runs; r++) {
    await page.fill("#rater-name", `Mätning ${r + 1}`);
    first.push(await page.evaluate(paint(`() => document.querySelector('[data-testid="start-scoring"]').click()`)));
    await page.waitForSelector("#cell-0-1");
    for (const [i, j, k] of [[0, 1, "2"], [1, 0, "3"], [2, 5, "1"], [5, 2, "0"], [0, 1, "1"]]) {
      edits.push(await page.evaluate(paint(`() => document.getElementById("cell-${i}-${j}").dispatchEvent(new KeyboardEvent("keydown", { key: "${k}", bubbles: true }))`)));
    }
    await saved(page, 60_000);
    await page.click('[data-testid="hand-over"]');
  }
  if (rate === 1) {
    for (let r = 0; r < runs; r++) {
      await page.click('[data-testid="tab-score"]');
      analysis.push(await page.evaluate(paint(`() => document.querySelector('[data-testid="tab-analysis"]').click()`)));
      await page.waitForSelector('[data-testid="measures"]');
    }
  }
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x matrix`, first.map((t) => t.toFixed(0)).join(" "), "edits", edits.map((t) => t.toFixed(0)).join(" "), "analysis", analysis.map((t) => t.toFixed(0)).join(" "));
  return { first: median(first), edit: median(edits), editMax: Math.max(...edits), analysis: analysis.length ? median(analysis) : null };
}
