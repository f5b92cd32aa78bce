// Stakeholder-map benchmarks (issue 14), on a workspace from `vagval demo --actors 300
// --relations 1000` (the demo's 17 actors and 21 relations besides). Time is from the action
// to the next paint (requestAnimationFrame, then a task), as in lists.mjs; the baseline
// column is the target.
// - first render: the Nätverk tab from the Aktörer tab → the network painted (structure,
//   layout of the unsaved actors, 317 nodes and 1 021 lines); the first visit lays the map
//   out, later ones (reported apart) take the layout from the view's cache;
// - drag frame: one pointermove of a node being dragged → paint (its memo, its lines);
// - metrics: a relation type switched off on the Mått tab → every actor's metrics recomputed
//   and the table painted.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, mergeFile } from "../e2e/harness.mjs";
import { median, paint } from "./measure.mjs";

export function mapFile(dir, actors, relations) {
  const file = join(dir, `map-${actors}-${relations}.json`);
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "-o", file, "--actors", String(actors), "--relations", String(relations)], { cwd: ROOT });
  return file;
}

export async function mapBench(browser, appUrl, file, rate, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
  const page = await context.newPage();
  await mergeFile(page, appUrl, file, { timeout: 120_000, saveTimeout: 60_000 });
  await page.goto(`${appUrl}/intressenter`);
  await page.waitForSelector('[data-testid="actors-table"]', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const first = [];
  for (let r = 0; r < runs; r++) {
    first.push(await page.evaluate(paint(`() => document.querySelector('nav.tabs a[href="/intressenter/natverk"]').click()`)));
    await page.waitForSelector('[data-testid="map-actor"]');
    await page.click('nav.tabs a[href="/intressenter"]');
    await page.waitForSelector('[data-testid="actors-table"]');
  }
  await page.click('nav.tabs a[href="/intressenter/natverk"]');
  await page.waitForSelector('[data-testid="map-actor"]');
  // A drag of "Aktör 0001": pointerdown on the node, pointermoves on the drawing.
  await page.evaluate(() => {
    const g = document.querySelector('[data-testid="map-actor"][data-name="Aktör 0001"]');
    const r = g.getBoundingClientRect();
    window.__at = [r.x + r.width / 2, r.y + r.height / 2];
    g.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerId: 7, clientX: window.__at[0], clientY: window.__at[1], isPrimary: true }));
  });
  const frames = [];
  for (let k = 1; k <= 4 * runs; k++) {
    frames.push(await page.evaluate(paint(`() => document.querySelector('[data-testid="map"]').dispatchEvent(new PointerEvent("pointermove", { bubbles: true, pointerId: 7, clientX: window.__at[0] + ${k * 3}, clientY: window.__at[1] + ${k * 2}, isPrimary: true }))`)));
  }
  await page.evaluate(() => document.querySelector('[data-testid="map"]').dispatchEvent(new PointerEvent("pointerup", { bubbles: true, pointerId: 7, clientX: window.__at[0] + 30, clientY: window.__at[1] + 20 })));
  const metrics = [];
  if (rate === 1) {
    await page.click('nav.tabs a[href="/intressenter/matt"]');
    await page.waitForSelector('[data-testid="metrics-row"]');
    for (let r = 0; r < runs; r++) {
      metrics.push(await page.evaluate(paint(`() => document.querySelector('[data-testid="relation-filter"] input').click()`)));
    }
  }
  await context.close();
  if (process.env.BENCH_VERBOSE) console.log(`${rate}x map first`, first.map((t) => t.toFixed(0)).join(" "), "drag", frames.map((t) => t.toFixed(0)).join(" "), "metrics", metrics.map((t) => t.toFixed(0)).join(" "));
  return { first: first[0], again: median(first.slice(1)), drag: median(frames), dragMax: Math.max(...frames), metrics: metrics.length ? median(metrics) : null };
}
