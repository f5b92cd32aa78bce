// List and ballot benchmarks (issue 4). Workspaces come from `vagval demo --inspel N
// [--voters M]` (the CLI, so the app and the baseline see the same data). Time is measured in
// the page from the action to the next paint (requestAnimationFrame, then a task).
//
// - render 1 000 inspel: in-app navigation to /inspel vs a vanilla-JS page that sorts the
//   same 1 000 titles and builds the same DOM (page head, form, filters, the visible rows).
// - update every 10th: every 10th row of the sorted list is marked and "Sätt status" moves
//   them to another stage (one batch command → the list) vs the vanilla page updating the same
//   rows' data and the rows in view.
// - update every 10th from another tab: the other tab stores the workspace with every 10th
//   title changed (the app's path for outside changes: storage event → decode → merge →
//   re-render) vs the vanilla page parsing the same text and updating the same rows.
//   The app and the baseline pages are open side by side and measured in turn. run.mjs runs
//   these with frames paced at 60 Hz and again unpaced (the work itself, without the wait for
//   the next frame).
// - filter typing on 5 000 inspel: one keystroke in the search field → next paint.
// - a dot on a ballot with 200 inspel and 60 ballots in the round → next paint; and submit
//   (five participants in turn on one tablet).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, mergeFile, saved, storedText } from "../e2e/harness.mjs";
import { median } from "./measure.mjs";

const ROUND = "00000000-0000-4000-9000-000000000001";

export function workspaceFile(dir, inspel, voters = 0) {
  const file = join(dir, `inspel-${inspel}-${voters}.json`);
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "-o", file, "--inspel", String(inspel), "--voters", String(voters)], { cwd: ROOT });
  return file;
}

/** The county workspace of issue 12 (`vagval demo --county`). */
export function countyFile(dir) {
  const file = join(dir, "county.json");
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "--county", "-o", file], { cwd: ROOT });
  return file;
}

/**
 * Runs `act` in the page; resolves with ms to the next paint (rAF, then a task: style, layout
 * and paint are done) and records the script work alone (a task queued right after the action
 * runs once the action's microtasks — Leptos's effects — are done) in `window.__work`.
 */
const NEXT_PAINT = `(act) => new Promise((done) => {
  const t0 = performance.now();
  act();
  setTimeout(() => { window.__work.push(performance.now() - t0); }, 0);
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
})`;

async function timed(page, actSource, arg) {
  return page.evaluate(
    ([paint, src, a]) => {
      window.__work ??= [];
      const act = new Function("a", src);
      return eval(paint)(() => act(a));
    },
    [NEXT_PAINT, actSource, arg],
  );
}

/** The script-work times recorded since the last call. */
async function work(page) {
  return page.evaluate(() => window.__work.splice(0));
}

async function loadWorkspace(browser, url, file, size = "tablet") {
  const viewport = size === "tablet" ? { width: 820, height: 1180 } : { width: 1280, height: 800 };
  const context = await browser.newContext({ viewport, locale: "sv-SE" });
  const page = await context.newPage();
  await mergeFile(page, url, file, { timeout: 120_000, saveTimeout: 60_000 });
  return { context, page };
}

async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/**
 * Waits until nothing is waiting to be saved and the page has been idle a moment: the autosave
 * (a task of its own, 400 ms after an edit) and the garbage it leaves are not part of the
 * interaction measured — a participant takes longer than that between two taps.
 */
async function settled(page) {
  await saved(page, 60_000);
  await page.waitForTimeout(500);
}

/**
 * The elements, attributes and texts under `<main>`, one line each (comment nodes, Leptos's
 * markers, left out).
 */
const DOM_LINES = () => {
  const out = [];
  const walk = (n, depth) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) {
        if (c.data.trim()) out.push(`${" ".repeat(depth)}"${c.data.trim()}"`);
      } else if (c.nodeType === Node.ELEMENT_NODE) {
        const attrs = [...c.attributes].map((a) => `${a.name}=${a.value}`).sort().join(" ");
        out.push(`${" ".repeat(depth)}<${c.localName} ${attrs}>`);
        walk(c, depth + 1);
      }
    }
  };
  walk(document.querySelector("main"), 0);
  return out;
};

/** Fails unless the baseline page built the same DOM as the app (so the ratio compares like with like). */
async function sameDom(page, vp) {
  await vp.evaluate(() => { document.getElementById("main").textContent = ""; window.renderList(JSON.parse(window.__data)); });
  const [a, b] = [await page.evaluate(DOM_LINES), await vp.evaluate(DOM_LINES)];
  const k = a.findIndex((line, i) => line !== b[i]);
  if (k >= 0 || a.length !== b.length) {
    const at = k >= 0 ? k : Math.min(a.length, b.length);
    throw new Error(`the baseline's DOM differs from the app's at line ${at} of ${a.length}: app ${a[at]} | baseline ${b[at]}`);
  }
}

/** Marks every 10th row of the app's sorted list (scrolling the virtual list to each). */
async function markEvery10th(page) {
  return page.evaluate(async () => {
    const sc = document.querySelector('[data-testid="inspel-scroller"]');
    const list = () => document.querySelector('[data-testid="inspel-list"]');
    const n = Number(list().querySelector("li").getAttribute("aria-setsize"));
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let count = 0;
    for (let p = 0; p < n; p += 10) {
      sc.scrollTop = p * 64;
      sc.dispatchEvent(new Event("scroll"));
      await frame();
      list().querySelector(`li[aria-posinset="${p + 1}"] .mark input`).click();
      count++;
    }
    sc.scrollTop = 0;
    sc.dispatchEvent(new Event("scroll"));
    await frame();
    return count;
  });
}

/**
 * Render and update-every-10th for the app and the vanilla page at `rate`. The two pages are
 * open side by side and measured in turn (app, baseline, app, …), so a slow stretch of the
 * machine hits both alike.
 */
export async function renderBench(browser, appUrl, vanillaUrl, file, rate, runs) {
  const text = readFileSync(file, "utf8");
  const changed = JSON.parse(text);
  delete changed.checksum;
  let k = 0;
  for (const r of changed.workspace.inspel) {
    if (k++ % 10 === 0) r.title = { value: r.title.value + " (uppdaterad)", stamp: [r.title.stamp[0] + 10_000_000, 0, "bench.other"] };
  }
  const changedText = JSON.stringify(changed);

  const { context, page } = await loadWorkspace(browser, appUrl, file);
  const v = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const vp = await v.newPage();
  await vp.goto(vanillaUrl + "/list.html");
  await vp.evaluate((t) => { window.__data = t; }, text);
  await throttle(context, page, rate);
  await throttle(v, vp, rate);
  const render = [];
  const update = [];
  const vrender = [];
  const vupdate = [];
  for (let i = 0; i < runs; i++) {
    await settled(page);
    await page.evaluate(() => document.querySelector('.module-nav a[href="/dela"]').click());
    await page.waitForSelector('[data-testid="export"]');
    render.push(await timed(page, `document.querySelector('.module-nav a[href="/inspel"]').click()`));
    await page.waitForSelector('[data-testid="inspel-list"] li');
    if (i === 0) await sameDom(page, vp);
    vrender.push(await timed(vp, `document.getElementById("main").textContent = ""; window.renderList(JSON.parse(window.__data))`));
    // Another tab writes the changed workspace: the storage event reaches this tab.
    const stored = await storedText(page); // the workspace store is IndexedDB (issue 12)
    const again = i % 2 === 0 ? changedText : stored;
    await settled(page);
    update.push(await timed(page, `window.dispatchEvent(new StorageEvent("storage", { key: "vagval.workspace", newValue: a }))`, again));
    vupdate.push(await timed(vp, `window.updateList(JSON.parse(a))`, i % 2 === 0 ? changedText : text));
  }
  const titles = await page.$$eval('[data-testid="inspel-list"] .title', (els) => els.length);
  // Mark every 10th row of the sorted list, then time "Sätt status", alternating between two
  // stages.
  const marked = await markEvery10th(page);
  const shown = await page.textContent('[data-testid="marked-count"]');
  if (shown !== `${marked} markerade`) throw new Error(`marked ${marked} rows, the page says "${shown}"`);
  const vmarked = await vp.evaluate(() => window.markEvery(10));
  if (vmarked !== marked) throw new Error(`the app marked ${marked} rows, the baseline ${vmarked}`);
  const bulk = [];
  const vbulk = [];
  for (let i = 0; i < runs; i++) {
    await page.selectOption("#bulk-status", i % 2 === 0 ? "1" : "0");
    await settled(page);
    bulk.push(await timed(page, `document.querySelector('[data-testid="bulk-apply"]').click()`));
    vbulk.push(await timed(vp, `window.setStatus(a)`, i % 2 === 0 ? "compiled" : "received"));
  }
  await context.close();
  await v.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x render`, [render, vrender, update, vupdate, bulk, vbulk].map((a) => a.map((x) => x.toFixed(1)).join(" ")).join("\n"));
  return {
    render: median(render), update: median(update), bulk: median(bulk),
    vrender: median(vrender), vupdate: median(vupdate), vbulk: median(vbulk), rows: titles, marked,
  };
}

/** One keystroke at a time into the search field over 5 000 inspel. */
export async function filterBench(browser, appUrl, file, rate) {
  const { context, page } = await loadWorkspace(browser, appUrl, file);
  await page.evaluate(() => document.querySelector('.module-nav a[href="/inspel"]').click());
  await page.waitForSelector('[data-testid="inspel-list"] li');
  await throttle(context, page, rate);
  const times = [];
  await work(page).catch(() => []);
  for (const word of ["bredband", "inspel 42", "östersund"]) {
    await timed(page, `const i = document.getElementById("inspel-search"); i.value = ""; i.dispatchEvent(new Event("input", { bubbles: true }))`);
    for (let n = 1; n <= word.length; n++) {
      times.push(await timed(page, `const i = document.getElementById("inspel-search"); i.value = a; i.dispatchEvent(new Event("input", { bubbles: true }))`, word.slice(0, n)));
    }
  }
  const w = await work(page);
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log("filter", times.map((t) => t.toFixed(0)).join(" "), "work", w.map((t) => t.toFixed(0)).join(" "));
  return { median: median(times), max: Math.max(...times), n: times.length, work: median(w) };
}

/**
 * Dots on a 200-item ballot in a round that already has 60 ballots, then submit — for five
 * participants in turn on one tablet (hand-over between them), as in a workshop.
 */
export async function voteBench(browser, appUrl, file, rate) {
  const { context, page } = await loadWorkspace(browser, appUrl, file);
  await page.goto(appUrl + "/inspel/omrostning/" + ROUND);
  await page.waitForSelector("html[data-ready]");
  await throttle(context, page, rate);
  const dots = [];
  const dotWork = [];
  const submits = [];
  const submitWork = [];
  for (let p = 0; p < 5; p++) {
    await page.fill("#tablet-participant", `Mätning ${p + 1}`);
    await page.click('[data-testid="tablet-start"]');
    await page.waitForSelector('[data-testid="tablet-submit"]', { state: "visible" });
    await work(page).catch(() => []);
    for (const n of [3, 50, 120, 199, 7]) {
      dots.push(await timed(page, `document.querySelectorAll(".ballot-item .stepper button:last-child")[a].click()`, n));
    }
    dotWork.push(...(await work(page)));
    // Until the thanks shows: the ballot is stored and journalled (IndexedDB) first.
    submits.push(await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-testid="tablet-submit"]').click();
      const limit = t0 + 10_000;
      while (!document.querySelector('[data-testid="tablet-hand-over"]') && performance.now() < limit) {
        await new Promise((ok) => requestAnimationFrame(ok));
      }
      return performance.now() - t0;
    }));
    submitWork.push(...(await work(page)));
    if (!(await page.locator('[data-testid="tablet-hand-over"]').count())) throw new Error("the benchmark ballot was not accepted");
    await page.click('[data-testid="tablet-hand-over"]');
  }
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x dots`, dots.map((t) => t.toFixed(0)).join(" "), "submits", submits.map((t) => t.toFixed(0)).join(" "));
  return {
    dot: median(dots), dotMax: Math.max(...dots), dotWork: median(dotWork),
    submit: median(submits), submitMax: Math.max(...submits), submitWork: median(submitWork),
  };
}

/**
 * Autosave of a county workspace (`vagval demo --county`, issue 12): one status change in the
 * inspel list, then — after its paint — the longest main-thread task until "Sparat" shows
 * again (after "Sparar …").
 * A MessageChannel loop runs from the paint to 300 ms after "Sparat"; the longest gap between
 * two of its turns is the longest task (the autosave runs 400 ms after the edit, in tasks of
 * its own). Baseline: the least any script save does with the same data in one task —
 * `JSON.stringify` of the parsed snapshot (it is already in memory), timed in the same page.
 */
export async function autosaveBench(browser, appUrl, file, rate, runs) {
  const text = readFileSync(file, "utf8");
  const { context, page } = await loadWorkspace(browser, appUrl, file);
  await page.evaluate(() => document.querySelector('.module-nav a[href="/inspel"]').click());
  await page.waitForSelector('[data-testid="inspel-list"] li .mark input');
  await page.click('[data-testid="inspel-list"] li .mark input');
  await throttle(context, page, rate);
  const longest = [];
  const toSaved = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    await page.selectOption("#bulk-status", i % 2 === 0 ? "1" : "0");
    await settled(page);
    await timed(page, `document.querySelector('[data-testid="bulk-apply"]').click()`);
    const r = await page.evaluate(() => new Promise((done) => {
      const ch = new MessageChannel();
      const t0 = performance.now();
      let last = t0;
      let max = 0;
      let savedAt = null;
      let pending = false;
      ch.port1.onmessage = () => {
        const now = performance.now();
        max = Math.max(max, now - last);
        last = now;
        const state = document.querySelector('[data-testid="save-state"]')?.dataset.state;
        if (state === "pending") pending = true;
        if (savedAt === null && pending && state === "saved") savedAt = now;
        if ((savedAt !== null && now - savedAt > 300) || now - t0 > 30_000) done({ max, saved: savedAt === null ? NaN : savedAt - t0 });
        else ch.port2.postMessage(0);
      };
      ch.port2.postMessage(0);
    }));
    longest.push(r.max);
    toSaved.push(r.saved);
    base.push(await page.evaluate((t) => {
      const doc = JSON.parse(t);
      const t0 = performance.now();
      JSON.stringify(doc);
      return performance.now() - t0;
    }, text));
  }
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x autosave`, longest.map((t) => t.toFixed(1)).join(" "), "saved after", toSaved.map((t) => t.toFixed(0)).join(" "));
  return { longest: median(longest), max: Math.max(...longest), saved: median(toSaved), base: median(base) };
}
