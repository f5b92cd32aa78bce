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
import { DIST, ROOT, launch, pastFirstStart, serve } from "../e2e/harness.mjs";
import { matrixBench, matrixFile } from "./conflicts.mjs";
import { mapBench, mapFile } from "./stakeholders.mjs";
import { actionsBench, actionsFile } from "./actions.mjs";
import { autosaveBench, countyFile, filterBench, renderBench, voteBench, workspaceFile } from "./lists.mjs";
import { median } from "./measure.mjs";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 3 : 7;
// `--only=a,b`: only these groups (startup, import, lists, filter, autosave, vote, matrix, map, actions); `--lists`
// is `--only=lists,filter,vote`.
const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const ONLY = onlyArg ? onlyArg.slice(7).split(",") : process.argv.includes("--lists") ? ["lists", "filter", "vote"] : null;
const want = (group) => ONLY === null || ONLY.includes(group);
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

/** Median ms from navigation start to the `vagval-interactive` mark, warm from the SW cache. */
async function startup(browser, url, rate) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // The demo, as before the first-start choice existed: each reload opens a stored workspace.
  await pastFirstStart(page);
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

/** A valid current-schema snapshot of about `bytes` bytes: the demo workspace plus many inspel. */
function bigSnapshot(bytes) {
  const municipalities = ["berg", "bracke", "harjedalen", "krokom", "ragunda", "stromsund", "are", "ostersund", "region"];
  // The newest schema's golden file: an import of a current file, not a migration.
  const fixtures = join(ROOT, "crates/core/tests/fixtures");
  const newest = readdirSync(fixtures).sort((x, y) => parseInt(x.slice(1)) - parseInt(y.slice(1))).pop();
  const demo = JSON.parse(readFileSync(join(fixtures, newest), "utf8"));
  delete demo.checksum;
  const text = "Länets kommuner efterfrågar långsiktiga satsningar på infrastruktur, bredband och kompetensförsörjning så att hela Jämtland Härjedalen kan växa hållbart. ";
  const inspel = demo.workspace.inspel;
  for (let i = 0; JSON.stringify(demo).length < bytes; i++) {
    const st = [1_700_000_000_000 + i, 0, "bench.a1"];
    const hex = i.toString(16).padStart(12, "0");
    inspel.push({
      id: `00000000-0000-4000-8000-${hex}`,
      title: { value: `Inspel ${i}: ${text.slice(0, 40 + (i % 40))}`, stamp: st },
      description: { value: text.repeat(4), stamp: st },
      organisation: { value: `${municipalities[i % 9]} kommun`, stamp: st },
      municipality: { value: municipalities[i % 9], stamp: st },
      theme: { value: ["Infrastruktur", "Bredband", "Skattebas", "Kompetens"][i % 4], stamp: st },
      dimensions: { value: ["social", "economic"], stamp: st },
      status: { value: "received", stamp: st },
    });
  }
  inspel.sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify(demo);
}

/** Import + merge of a large file through the Dela page vs JSON.parse of the same text. */
async function importBench(browser, url, file, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url + "/dela");
  await page.waitForSelector("html[data-ready]");
  // A fresh device asks for a new workspace or the demo first.
  await pastFirstStart(page);
  const text = readFileSync(file, "utf8");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const app = [];
  const total = [];
  const parse = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => performance.clearMarks());
    await page.setInputFiles('[data-testid="import-input"]', file);
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 120_000 });
    const m = await page.evaluate(() => {
      const t = (n) => performance.getEntriesByName(n)[0].startTime;
      return { merge: t("vagval-import-merged") - t("vagval-import-read"), total: t("vagval-import-merged") - t("vagval-import-start") };
    });
    app.push(m.merge);
    total.push(m.total);
    parse.push(await page.evaluate((t) => {
      const t0 = performance.now();
      JSON.parse(t);
      return performance.now() - t0;
    }, text));
    await page.getByRole("button", { name: "Avbryt" }).click();
  }
  await context.close();
  return { app: median(app), total: median(total), parse: median(parse), runs: app };
}

const app = await serve(DIST);
const vdir = vanillaDir();
const vanilla = await serve(vdir);
const browser = await launch();
const results = { date: new Date().toISOString(), runs: RUNS, scenarios: [] };
try {
  for (const rate of want("startup") ? RATES : []) {
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
  const dir = mkdtempSync(join(tmpdir(), "vagval-bench-"));
  const file = join(dir, "stor-arbetsyta.json");
  writeFileSync(file, bigSnapshot(5 * 1024 * 1024));
  const size = readFileSync(file).length;
  for (const rate of want("import") ? RATES : []) {
    const r = await importBench(browser, app.url, file, rate);
    results.scenarios.push({
      scenario: `import + merge ${(size / 1048576).toFixed(1)} MB (vs JSON.parse)`,
      cpu: `${rate}x`,
      app_ms: r.app,
      baseline_ms: r.parse,
      ratio: r.app / r.parse,
      app_total_ms: r.total,
      app_runs: r.runs,
    });
  }
  const thousand = want("lists") ? workspaceFile(dir, 988) : null;
  const fiveThousand = want("filter") ? workspaceFile(dir, 4988) : null;
  const ballots = want("vote") ? workspaceFile(dir, 200, 60) : null;
  // Twice: with frames paced at 60 Hz as on a tablet (short work is rounded up to the next
  // frame, so both sides often measure "one frame"), and with frames unpaced
  // (`--disable-frame-rate-limit`), where the next paint follows the work at once and the
  // ratio shows the work itself.
  const unpaced = await launch(["--disable-frame-rate-limit", "--disable-gpu-vsync"]);
  try {
    for (const [b, how] of want("lists") ? [[browser, ""], [unpaced, ", unpaced"]] : []) {
      for (const rate of RATES) {
        const r = await renderBench(b, app.url, vanilla.url, thousand, rate, RUNS);
        results.scenarios.push({ scenario: `render 1 000 inspel (${r.rows} rows${how})`, cpu: `${rate}x`, app_ms: r.render, baseline_ms: r.vrender, ratio: r.render / r.vrender });
        results.scenarios.push({ scenario: `update every 10th (${r.marked} → status${how})`, cpu: `${rate}x`, app_ms: r.bulk, baseline_ms: r.vbulk, ratio: r.bulk / r.vbulk });
        results.scenarios.push({ scenario: `update every 10th from another tab${how}`, cpu: `${rate}x`, app_ms: r.update, baseline_ms: r.vupdate, ratio: r.update / r.vupdate });
      }
    }
  } finally {
    await unpaced.close();
  }
  if (want("filter")) {
    const r = await filterBench(browser, app.url, fiveThousand, 4);
    results.scenarios.push({ scenario: `filter typing, 5 000 inspel (max ${r.max.toFixed(0)}, work ${r.work.toFixed(0)})`, cpu: "4x", app_ms: r.median, baseline_ms: 100, ratio: r.median / 100, target: "≤ 100 ms to next paint (baseline column = target)" });
  }
  if (want("autosave")) {
    const county = countyFile(dir);
    for (const rate of RATES) {
      const r = await autosaveBench(browser, app.url, county, rate, RUNS);
      results.scenarios.push({ scenario: `autosave, county workspace (longest task; max ${r.max.toFixed(0)}, saved after ${r.saved.toFixed(0)})`, cpu: `${rate}x`, app_ms: r.longest, baseline_ms: r.base, ratio: r.longest / r.base, target: "≤ 50 ms per main-thread task at 4x (baseline: JSON.stringify of the same data)" });
    }
  }
  if (want("matrix")) {
    for (const [goals, target] of [[17, "≤ 16 ms to next paint at 4x"], [169, "first frame ≤ 300 ms, edit ≤ 50 ms at 4x; analysis ≤ 100 ms at 1x"]]) {
      // One rater at 169 goals: four would be a file above the 10 MiB limit (28 392 cells each).
      const file = matrixFile(dir, goals, goals === 169 ? 1 : 4);
      for (const rate of RATES) {
        const r = await matrixBench(browser, app.url, file, rate, RUNS);
        results.scenarios.push({ scenario: `matrix ${goals}×${goals}: first frame`, cpu: `${rate}x`, app_ms: r.first, baseline_ms: 300, ratio: r.first / 300, target });
        results.scenarios.push({ scenario: `matrix ${goals}×${goals}: cell edit (max ${r.editMax.toFixed(0)})`, cpu: `${rate}x`, app_ms: r.edit, baseline_ms: goals === 17 ? 16 : 50, ratio: r.edit / (goals === 17 ? 16 : 50), target });
        if (r.analysis !== null) results.scenarios.push({ scenario: `matrix ${goals}×${goals}: analysis tab (report + tables)`, cpu: `${rate}x`, app_ms: r.analysis, baseline_ms: 100, ratio: r.analysis / 100, target });
      }
    }
  }
  if (want("map")) {
    const file = mapFile(dir, 300, 1000);
    for (const rate of RATES) {
      const r = await mapBench(browser, app.url, file, rate, RUNS);
      const target = "drag frame ≤ 16 ms at 1x, ≤ 50 ms at 4x; metrics ≤ 100 ms at 1x; first render ≤ 200 ms at 4x (baseline column = target)";
      const drag = rate === 1 ? 16 : 50;
      results.scenarios.push({ scenario: "map 300/1000: first render (with layout)", cpu: `${rate}x`, app_ms: r.first, baseline_ms: 200, ratio: r.first / 200, target });
      results.scenarios.push({ scenario: "map 300/1000: render again (layout cached)", cpu: `${rate}x`, app_ms: r.again, baseline_ms: 200, ratio: r.again / 200, target });
      results.scenarios.push({ scenario: `map 300/1000: drag frame (max ${r.dragMax.toFixed(0)})`, cpu: `${rate}x`, app_ms: r.drag, baseline_ms: drag, ratio: r.drag / drag, target });
      if (r.metrics !== null) results.scenarios.push({ scenario: "map 300/1000: metrics recomputed + table", cpu: `${rate}x`, app_ms: r.metrics, baseline_ms: 100, ratio: r.metrics / 100, target });
    }
  }
  if (want("actions")) {
    const file = actionsFile(dir, 200, 400, 500);
    for (const rate of RATES) {
      const r = await actionsBench(browser, app.url, file, rate, RUNS);
      const target = "chain first render ≤ 200 ms and drag frame ≤ 50 ms at 4x; timeline frames ≤ 50 ms at 4x (baseline column = target)";
      results.scenarios.push({ scenario: "chain 200/400: first render", cpu: `${rate}x`, app_ms: r.first, baseline_ms: 200, ratio: r.first / 200, target });
      results.scenarios.push({ scenario: `chain 200/400: drag frame (max ${r.dragMax.toFixed(0)})`, cpu: `${rate}x`, app_ms: r.drag, baseline_ms: 50, ratio: r.drag / 50, target });
      results.scenarios.push({ scenario: `timeline ${r.rows} activities: first render`, cpu: `${rate}x`, app_ms: r.plan, baseline_ms: 200, ratio: r.plan / 200, target });
      results.scenarios.push({ scenario: `timeline ${r.rows} activities: scroll frame (max ${r.scrollMax.toFixed(0)})`, cpu: `${rate}x`, app_ms: r.scroll, baseline_ms: 50, ratio: r.scrollMax / 50, target: "ratio = the longest frame / 50 ms" });
    }
  }
  for (const rate of want("vote") ? RATES : []) {
    const r = await voteBench(browser, app.url, ballots, rate);
    results.scenarios.push({ scenario: `dot, 200 inspel × 60 ballots (max ${r.dotMax.toFixed(0)}, work ${r.dotWork.toFixed(1)})`, cpu: `${rate}x`, app_ms: r.dot, baseline_ms: 16, ratio: r.dot / 16, target: "≤ 16 ms to next paint (baseline column = target)" });
    results.scenarios.push({ scenario: `submit that ballot (max ${r.submitMax.toFixed(0)}, work ${r.submitWork.toFixed(1)})`, cpu: `${rate}x`, app_ms: r.submit, baseline_ms: 16, ratio: r.submit / 16 });
  }
  rmSync(dir, { recursive: true, force: true });
} finally {
  await browser.close();
  await app.close();
  await vanilla.close();
  rmSync(vdir, { recursive: true, force: true });
}

const f = (n) => (n == null ? "–" : n.toFixed(1));
const w = 46;
console.log(`\n${"scenario".padEnd(w)}${"cpu".padStart(5)}${"app ms".padStart(10)}${"base ms".padStart(10)}${"ratio".padStart(8)}${"FCP/total".padStart(10)}`);
for (const r of results.scenarios) {
  console.log(`${r.scenario.padEnd(w)}${r.cpu.padStart(5)}${f(r.app_ms).padStart(10)}${f(r.baseline_ms).padStart(10)}${r.ratio.toFixed(2).padStart(8)}${f(r.app_fcp_ms ?? r.app_total_ms).padStart(10)}`);
}
const outDir = join(ROOT, "target/bench");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "results.json"), JSON.stringify(results, null, 2));
console.log(`\nwritten: target/bench/results.json (median of ${RUNS} warm starts each)`);
