// Browser benchmarks (`cargo xtask bench`): headless Chromium over the DevTools protocol at
// 1x and 4x CPU throttling; every figure is reported next to a baseline measured in the
// same run, and as a ratio to it. Prints a table and writes target/bench/results.json.
//
// Scenario "startup": warm start from the service-worker cache to the interactive shell
// (performance mark `vagval-interactive`), Leptos release build vs a hand-written
// vanilla-JS page that builds the same shell (tests/bench/vanilla).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ROOT, launch, serve } from "../e2e/harness.mjs";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 3 : 7;
const RATES = [1, 4];

function vanillaDir() {
  const dir = mkdtempSync(join(tmpdir(), "vagval-vanilla-"));
  cpSync(join(ROOT, "tests/bench/vanilla"), dir, { recursive: true });
  const css = readdirSync(DIST).find((f) => /^main-.*\.css$/.test(f));
  cpSync(join(DIST, css), join(dir, "style.css"));
  const files = ["/index.html", "/shell.js", "/style.css"];
  const sw = readFileSync(join(ROOT, "public/sw.js"), "utf8")
    .replace("__SW_VERSION__", "vanilla")
    .replace("__SW_PRECACHE__", JSON.stringify(files));
  writeFileSync(join(dir, "sw.js"), sw);
  return dir;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median ms from navigation start to the `vagval-interactive` mark, warm from the SW cache. */
async function startup(browser, url, rate) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const interactive = [];
  const paint = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
    const t = await page.evaluate(() => ({
      ready: performance.getEntriesByName("vagval-interactive")[0]?.startTime,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      fromSw: performance.getEntriesByType("navigation")[0]?.workerStart > 0,
    }));
    if (!t.fromSw) throw new Error(`${url}: navigation was not served by the service worker`);
    interactive.push(t.ready);
    if (t.fcp !== undefined) paint.push(t.fcp);
  }
  await context.close();
  return { interactive: median(interactive), fcp: paint.length ? median(paint) : null, runs: interactive };
}

const app = await serve(DIST);
const vdir = vanillaDir();
const vanilla = await serve(vdir);
const browser = await launch();
const results = { date: new Date().toISOString(), runs: RUNS, scenarios: [] };
try {
  for (const rate of RATES) {
    const a = await startup(browser, app.url + "/", rate);
    const v = await startup(browser, vanilla.url + "/", rate);
    results.scenarios.push({
      scenario: "startup (SW cache → interactive shell)",
      cpu: `${rate}x`,
      app_ms: a.interactive,
      baseline_ms: v.interactive,
      ratio: a.interactive / v.interactive,
      app_fcp_ms: a.fcp,
      baseline_fcp_ms: v.fcp,
      app_runs: a.runs,
      baseline_runs: v.runs,
    });
  }
} finally {
  await browser.close();
  await app.close();
  await vanilla.close();
  rmSync(vdir, { recursive: true, force: true });
}

const f = (n) => (n == null ? "–" : n.toFixed(1));
console.log(`\n${"scenario".padEnd(42)}${"cpu".padStart(5)}${"app ms".padStart(10)}${"base ms".padStart(10)}${"ratio".padStart(8)}${"app FCP".padStart(10)}`);
for (const r of results.scenarios) {
  console.log(`${r.scenario.padEnd(42)}${r.cpu.padStart(5)}${f(r.app_ms).padStart(10)}${f(r.baseline_ms).padStart(10)}${r.ratio.toFixed(2).padStart(8)}${f(r.app_fcp_ms).padStart(10)}`);
}
const outDir = join(ROOT, "target/bench");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "results.json"), JSON.stringify(results, null, 2));
console.log(`\nwritten: target/bench/results.json (median of ${RUNS} warm starts each)`);
