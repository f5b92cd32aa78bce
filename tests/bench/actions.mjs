// Action-area benchmarks (issue 15), on a workspace from `vagval demo --chain-nodes 200
// --chain-edges 400 --activities 500` (an area "Skalningstest" besides the demo). Time is from
// the action to the next paint (requestAnimationFrame, then a task), as in lists.mjs; the
// baseline column is the target.
// - chain first render: the area's "Effektkedja" link on the module's first page → the
//   diagram painted (200 nodes, 400 arrows, the checks and the table);
// - chain drag frame: one pointermove of a node being dragged → paint (its box, its arrows);
// - timeline: the plan page (about 520 activities) opened → painted; then the page scrolled
//   120 px per animation frame for 60 frames, each frame's length recorded.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, mergeFile } from "../e2e/harness.mjs";
import { median, paint } from "./measure.mjs";

export function actionsFile(dir, nodes, edges, activities) {
  const file = join(dir, `actions-${nodes}-${edges}-${activities}.json`);
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "-o", file,
    "--chain-nodes", String(nodes), "--chain-edges", String(edges), "--activities", String(activities)], { cwd: ROOT });
  return file;
}

export async function actionsBench(browser, appUrl, file, rate, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
  const page = await context.newPage();
  await mergeFile(page, appUrl, file, { timeout: 120_000, saveTimeout: 60_000 });
  await page.goto(`${appUrl}/insatsomraden`);
  await page.waitForSelector('[data-testid="areas"]', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const link = `() => [...document.querySelectorAll('[data-testid="area"]')].find((a) => a.textContent.includes("Skalningstest")).querySelector('[data-testid="chain-link"]').click()`;
  const first = [];
  for (let r = 0; r < runs; r++) {
    first.push(await page.evaluate(paint(link)));
    await page.waitForSelector('[data-testid="chain-node"]');
    const n = await page.locator('[data-testid="chain-node"]').count();
    if (n !== 200) throw new Error(`chain of ${n} nodes, not 200`);
    await page.goBack();
    await page.waitForSelector('[data-testid="areas"]');
  }
  await page.evaluate(`(${link})()`);
  await page.waitForSelector('[data-testid="chain-node"]');
  await page.evaluate(() => {
    const g = document.querySelector('[data-testid="chain-node"][data-title="Nod 030 i skalningstestet"]');
    g.scrollIntoView({ block: "center", inline: "center" });
    const r = g.getBoundingClientRect();
    window.__at = [r.x + r.width / 2, r.y + r.height / 2];
    g.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerId: 7, clientX: window.__at[0], clientY: window.__at[1], isPrimary: true }));
  });
  const frames = [];
  for (let k = 1; k <= 4 * runs; k++) {
    frames.push(await page.evaluate(paint(`() => document.querySelector('[data-testid="chain-diagram"]').dispatchEvent(new PointerEvent("pointermove", { bubbles: true, pointerId: 7, clientX: window.__at[0] + ${10 + k * 3}, clientY: window.__at[1] + ${k * 2}, isPrimary: true }))`)));
  }
  await page.evaluate(() => document.querySelector('[data-testid="chain-diagram"]').dispatchEvent(new PointerEvent("pointercancel", { bubbles: true, pointerId: 7 })));
  // The timeline.
  const plan = [];
  for (let r = 0; r < runs; r++) {
    await page.goto(`${appUrl}/insatsomraden`);
    await page.waitForSelector('[data-testid="areas"]');
    plan.push(await page.evaluate(paint(`() => document.querySelector('nav.tabs a[href="/insatsomraden/plan"]').click()`)));
    await page.waitForSelector('[data-testid="plan-row"]');
  }
  const rows = await page.locator('[data-testid="plan-row"]').count();
  const scroll = await page.evaluate(() => new Promise((done) => {
    const deltas = [];
    let last = performance.now();
    let k = 0;
    const frame = (t) => {
      deltas.push(t - last);
      last = t;
      window.scrollBy(0, 120);
      if (++k < 60) requestAnimationFrame(frame);
      else done(deltas.slice(1));
    };
    requestAnimationFrame(frame);
  }));
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x chain first`, first.map((t) => t.toFixed(0)).join(" "), "drag", frames.map((t) => t.toFixed(0)).join(" "), "plan", plan.map((t) => t.toFixed(0)).join(" "), "scroll", scroll.map((t) => t.toFixed(0)).join(" "));
  return { first: median(first), drag: median(frames), dragMax: Math.max(...frames), plan: median(plan), rows, scroll: median(scroll), scrollMax: Math.max(...scroll) };
}
