// What a first-time facilitator hits live (issue 11): a tablet in participant mode (no undo,
// navigation or results within reach, the way out behind the facilitator's code), a browser
// killed right after "Tack! Rösten är sparad" keeps the vote, a closed round takes no ballots,
// the breakdown hides small groups, and the projector view fills a 1920 px screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { axe, openPage, ready, shared, storedDoc, storedEntries, storedText } from "./harness.mjs";

const env = shared();
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const DEMO_ROUND = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e2020";

async function violations(page, label) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${label}: ${JSON.stringify(v, null, 1)}`);
}

/** Waits until the stored workspace holds a ballot of `who` (participant mode has no save chip). */
async function stored(page, who) {
  // The workspace store is IndexedDB (issue 12).
  for (let t = Date.now(); !((await storedText(page)) ?? "").includes(JSON.stringify(who)); ) {
    if (Date.now() - t > 15_000) throw new Error(`no ballot of ${who} stored`);
    await page.waitForTimeout(100);
  }
}

/** A dot round set up on this page; leaves the page on its vote tab. */
async function newRound(page, title) {
  await page.goto(env.server.url + "/inspel/omrostningar");
  await ready(page);
  await page.fill("#round-title", title);
  await page.click('[data-testid="save-round"]');
  await page.locator('[data-testid="tab-vote"]').waitFor();
}

/** One participant's dots: code, two taps on the first item, submit, the thanks. */
async function vote(page, who) {
  await page.fill("#tablet-participant", who);
  await page.click('[data-testid="tablet-start"]');
  const items = page.locator(".ballot-item .item-tap");
  await items.nth(0).click();
  await items.nth(1).click();
  await page.click('[data-testid="tablet-submit"]');
  await page.locator('[data-testid="tablet-hand-over"]').waitFor({ timeout: 15_000 });
}

test("participant mode: only the ballot is reachable, and leaving needs the code", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await newRound(page, "Röstläge e2e");
  await page.fill("#kiosk-code", "12"); // too short
  await page.click('[data-testid="kiosk-go"]');
  assert.match(await page.locator("#kiosk-code-error").textContent(), /minst 4 tecken/);
  await page.fill("#kiosk-code", "2468");
  await page.click('[data-testid="kiosk-go"]');
  await page.locator('[data-testid="kiosk"]').waitFor();
  // No navigation, no undo, no rules, results or "Ta bort".
  for (const sel of [".module-nav", ".header-actions", '[data-testid="tab-results"]', '[data-testid="tab-rules"]', '[data-testid="tab-collect"]']) {
    assert.equal(await page.locator(sel).count(), 0, `${sel} is out of reach`);
  }
  assert.equal(await page.getByText("Ångra").count(), 0);
  await violations(page, "participant mode");
  // A participant votes; Ctrl+Z afterwards takes nothing back.
  await vote(page, "P1");
  await stored(page, "P1");
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(300);
  const before = (await storedDoc(page)).ballots.filter((b) => b.participant?.value === "P1").length;
  assert.equal(before, 1, "the ballot stays");
  // A deep link or a reload still shows only the ballot.
  await page.goto(env.server.url + "/inspel/omrostningar");
  await page.locator('html[data-ready] [data-testid="kiosk"]').waitFor();
  assert.equal(await page.locator(".module-nav").count(), 0);
  // A half-done ballot survives the reload.
  await page.click('[data-testid="tablet-hand-over"]').catch(() => {});
  await page.fill("#tablet-participant", "P2");
  await page.click('[data-testid="tablet-start"]');
  await page.locator(".ballot-item .item-tap").nth(2).click();
  await page.reload();
  await page.locator('html[data-ready] [data-testid="kiosk"]').waitFor();
  assert.match(await page.locator('[data-testid="remaining"]').textContent(), /Kvar: 4 av 5/, "the dot is still there");
  // The wrong code keeps the mode; the right one leaves it, back on the round.
  await page.click('[data-testid="kiosk-leave"]');
  await page.fill("#kiosk-exit-code", "1111");
  await page.click('[data-testid="kiosk-exit"]');
  assert.match(await page.locator("#kiosk-exit-error").textContent(), /Fel kod/);
  await page.fill("#kiosk-exit-code", "2468");
  await page.click('[data-testid="kiosk-exit"]');
  await ready(page);
  await page.locator('[data-testid="tab-vote"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a browser killed right after 'Tack! Rösten är sparad' keeps the vote", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vagval-kill-"));
  const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"];
  const open = () => chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium", args, headless: true, viewport: { width: 820, height: 1180 }, locale: "sv-SE",
  });
  let context = await open();
  let page = await context.newPage();
  await newRound(page, "Dödad webbläsare");
  await vote(page, "Kvar efter krasch");
  // Killed at once: no pagehide, no flush, nothing the page can still do.
  try {
    execFileSync("pkill", ["-9", "-f", dir]);
  } catch {}
  await Promise.race([context.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 5_000))]);
  context = await open();
  page = await context.newPage();
  await page.goto(env.server.url + "/inspel/omrostningar");
  await ready(page);
  // The journal is merged in at start and stored again.
  await stored(page, "Kvar efter krasch");
  const doc = await storedDoc(page);
  assert.ok(doc.ballots.some((b) => b.participant?.value === "Kvar efter krasch"), "the ballot survived the kill");
  await context.close();
});

test("a closed round takes no more ballots; the breakdown hides small groups", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await newRound(page, "Stängs e2e");
  await page.click('[data-testid="tab-collect"]');
  await page.click('[data-testid="round-close"]');
  await page.click('[data-testid="tab-vote"]');
  await page.locator('[data-testid="vote-closed"]').waitFor();
  assert.equal(await page.locator("#tablet-participant").count(), 0);
  // The demo round's twelve voters come from municipalities with one or two each: they are
  // shown together, never one by one.
  await page.goto(env.server.url + `/inspel/omrostning/${DEMO_ROUND}`);
  await ready(page);
  await page.click('[data-testid="tab-results"]');
  const counts = await page.locator('[data-testid="breakdown"] tbody tr td:nth-child(2)').allTextContents();
  assert.ok(counts.length > 0, "the breakdown has rows");
  for (const n of counts) assert.ok(Number(n) >= 3, `a group of ${n} is shown`);
  assert.match(await page.locator('[data-testid="breakdown"]').textContent(), /Övriga kommuner/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the projector view fills a 1920 × 1080 screen", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "sv-SE" });
  const page = await context.newPage();
  await page.goto(env.server.url + `/inspel/omrostning/${DEMO_ROUND}`);
  await ready(page);
  await page.click('[data-testid="tab-results"]');
  await page.click('button:has-text("Projektorvy")');
  await page.waitForFunction(() => document.documentElement.classList.contains("projector"));
  const { main, nav, chart } = await page.evaluate(() => ({
    main: document.querySelector("main").getBoundingClientRect().width,
    nav: getComputedStyle(document.querySelector(".module-nav")).display,
    chart: document.querySelector(".chart svg").getBoundingClientRect().width,
  }));
  assert.equal(nav, "none");
  assert.ok(main >= 1900, `main is ${main} px wide`);
  assert.ok(chart >= 1200, `the chart is ${chart} px wide`);
  await violations(page, "projector view");
  await context.close();
});

test("workspaces: the first-start choice, a new one, switching, deleting with the export offered, the demo opened and closed", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  await page.goto(env.server.url + "/");
  await ready(page, { demo: false });
  // A fresh device asks; nothing is stored before the choice.
  await page.locator('[data-testid="first-start"]').waitFor();
  await violations(page, "first start");
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.workspace")), null);
  assert.equal(await storedText(page), null);
  await page.click('[data-testid="first-new"]');
  assert.match(await page.locator("#first-error").textContent(), /Skriv ett namn/);
  await page.fill("#first-name", "Workshop Krokom 2027");
  await page.click('[data-testid="first-new"]');
  await page.locator('[data-testid="first-start"]').waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-testid="workspace-name"]').textContent(), "Arbetsyta: Workshop Krokom 2027");
  await page.click('.module-nav a[href="/inspel"]');
  await page.waitForFunction(() => /^0 inspel$/.test(document.getElementById("inspel-list-heading")?.textContent ?? ""));
  // The demo next to it, then back.
  await page.click('.module-nav a[href="/installningar"]');
  await page.click('[data-testid="ws-demo"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-name"]').textContent.includes("Påverkansagenda"));
  assert.match(await page.locator('[data-testid="ws-list"]').textContent(), /Workshop Krokom 2027/);
  await violations(page, "workspaces");
  await page.click('[data-testid="ws-list"] li:has-text("Workshop Krokom 2027") [data-testid="ws-open-other"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-name"]').textContent.includes("Workshop Krokom 2027"));
  // Deleting the demo (put aside) asks and offers an export first.
  await page.click('[data-testid="ws-list"] li:has-text("Påverkansagenda") [data-testid="ws-delete-other"]');
  await page.locator('[data-testid="ws-delete-confirm"]').waitFor();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="ws-export-first"]')]);
  assert.match(dl.suggestedFilename(), /^paverkansagenda.*\.json$/);
  await page.click('[data-testid="ws-delete-yes"]');
  await page.locator('[data-testid="ws-list"]').waitFor({ state: "detached" });
  // The demo opened again, then closed: deleting the open workspace opens the other one.
  await page.click('[data-testid="ws-demo"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-name"]').textContent.includes("Påverkansagenda"));
  await page.click('[data-testid="ws-delete-open"]');
  const [dl2] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="ws-export-first"]')]);
  assert.match(dl2.suggestedFilename(), /^paverkansagenda.*\.json$/);
  await page.click('[data-testid="ws-delete-yes"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-name"]').textContent.includes("Workshop Krokom 2027"));
  // What is stored is the open workspace; a reload opens it, with no first-start question.
  await page.reload();
  await ready(page, { demo: false });
  assert.equal(await page.locator('[data-testid="first-start"]').count(), 0);
  assert.match(await page.locator('[data-testid="workspace-name"]').textContent(), /Workshop Krokom 2027/);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vagval.shelf.")));
  assert.deepEqual(keys, [], "nothing of the deleted demo is left");
  const idbKeys = (await storedEntries(page)).map(([k]) => k).filter((k) => k.startsWith("vagval.shelf."));
  assert.deepEqual(idbKeys, [], "nothing of the deleted demo is left (IndexedDB)");
  assert.deepEqual(errors, []);
  await context.close();
});

/** Downloads by clicking `selector`; the file is kept after its browser context closes. */
async function dl(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(mkdtempSync(join(tmpdir(), "vagval-dl-")), d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

/** A ranking ballot: the participant ranks the first `n` items of the pool. */
async function rank(page, who, n) {
  await page.fill("#tablet-participant", who);
  await page.click('[data-testid="tablet-start"]');
  const pool = page.locator('[data-testid="pool"] li button');
  for (let i = 0; i < n; i++) await pool.nth(i).click();
  await page.click('[data-testid="tablet-submit"]');
  await page.locator('[data-testid="tablet-hand-over"]').waitFor({ timeout: 15_000 });
  await page.click('[data-testid="tablet-hand-over"]');
}

test("results: W, Condorcet, consensus and every ballot not counted; the cap after the vote; late ballots make an override stale", async () => {
  const f = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const page = f.page;
  await page.goto(env.server.url + "/inspel/omrostningar");
  await ready(page);
  // A ranking round, top 3, up to 3: a participant may rank fewer.
  await page.fill("#round-title", "Rangordning e2e");
  await page.selectOption("#round-method", "ranking");
  await page.fill("#round-topk", "3");
  await page.check("#round-at-most");
  await page.click('[data-testid="save-round"]');
  await page.locator('[data-testid="tab-vote"]').waitFor();
  const roundFile = await dl(page, '[data-testid="export-ballots"]');
  await rank(page, "A", 3);
  await rank(page, "B", 1); // one item only: allowed ("upp till 3")
  await rank(page, "C", 2);
  // A tablet elsewhere: "A" votes again there (a double vote), handed in late.
  const t = await openPage(env.browser, "tablet", { acceptDownloads: true });
  await t.page.goto(env.server.url + "/dela");
  await ready(t.page);
  await t.page.setInputFiles('[data-testid="import-input"]', roundFile);
  await t.page.locator('[data-testid="import-preview"]').waitFor();
  await t.page.click('[data-testid="merge"]');
  await t.page.locator('[data-testid="merge-report"]').waitFor();
  await t.page.click('a[href="/inspel"]');
  await t.page.click('.sub-nav a[href="/inspel/omrostningar"]');
  await t.page.click('[data-testid="round-list"] a:has-text("Rangordning e2e")');
  await t.page.locator('[data-testid="tab-vote"]').waitFor();
  await rank(t.page, "A", 2);
  const late = await dl(t.page, '[data-testid="export-ballots"]');
  await t.context.close();

  // Results: Kendall's W and the Condorcet outcome; nothing left out yet.
  await page.click('[data-testid="tab-results"]');
  assert.match(await page.locator('[data-testid="result-facts"]').textContent(), /Kendalls W = \d,\d\d\..*Condorcetvinnare/);
  assert.match(await page.locator('[data-testid="not-counted"]').textContent(), /Alla röster räknas/);
  // The cap, decided now, after the results were shown: top 2.
  await page.selectOption("#decision-capacity", "top_n");
  await page.fill("#decision-capacity-value", "2");
  await page.click('[data-testid="capacity-save"]');
  assert.match(await page.locator("#decision-error").textContent(), /vem/);
  await page.fill("#decision-who", "Anna Processledare");
  await page.click('[data-testid="capacity-save"]');
  await page.locator('[data-testid="capacity-decided"]').waitFor();
  assert.match(await page.locator('[data-testid="capacity-decided"]').textContent(), /Anna Processledare.*efter att resultatet visats/);
  assert.equal(await page.locator('[data-testid="results-table"] tr.selected').count(), 2);
  // An override of that selection, for this result.
  await page.locator('[data-testid="selection"] .check-list input').nth(2).check();
  await page.fill("#override-reason", "Kommunerna enades om en tredje punkt");
  await page.click('[data-testid="save-override"]');
  await page.locator('[data-testid="override-log"]').waitFor();
  assert.equal(await page.locator('[data-testid="results-table"] tr.selected').count(), 3);
  await violations(page, "results with a capacity decision");

  // The tablet's late file: A's second ballot is a double vote; both of A's are left out,
  // the counted ballots change, the override no longer applies.
  await page.click('.module-nav a[href="/dela"]');
  await page.setInputFiles('[data-testid="import-input"]', late);
  await page.locator('[data-testid="import-preview"]').waitFor();
  assert.match(await page.locator('[data-testid="preview-counts"]').textContent(), /1 ny röst/);
  await page.click('[data-testid="merge"]');
  await page.locator('[data-testid="merge-report"]').waitFor();
  await page.click('a[href="/inspel"]');
  await page.click('.sub-nav a[href="/inspel/omrostningar"]');
  await page.click('[data-testid="round-list"] a:has-text("Rangordning e2e")');
  await page.click('[data-testid="tab-results"]');
  await page.locator('[data-testid="override-stale"]').waitFor();
  assert.equal(await page.locator('[data-testid="results-table"] tr.selected').count(), 2, "back to the rule");
  const notCounted = await page.locator('[data-testid="not-counted"]').textContent();
  assert.match(notCounted, /A.*dubbelröst/);
  assert.match(await page.locator('[data-testid="result-facts"]').textContent(), /2 röster som inte räknas/);
  await violations(page, "results, Swedish");
  // The certificate records the decision and that the override is stale.
  const cert = JSON.parse(readFileSync(await dl(page, '[data-testid="download-cert"]'), "utf8"));
  assert.equal(cert.capacity_decision.who, "Anna Processledare");
  assert.equal(cert.capacity_decision.after_results, true);
  assert.equal(cert.override_stale, true);
  assert.equal(cert.excluded.filter((e) => e.reason.reason === "double_vote" || JSON.stringify(e.reason).includes("double")).length, 2);
  // Confirmed for the new result, it applies again.
  await page.click('[data-testid="override-confirm"]');
  await page.locator('[data-testid="override-stale"]').waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-testid="results-table"] tr.selected').count(), 3);
  // In English too.
  await page.click('[data-testid="lang-switch"]');
  assert.match(await page.locator('[data-testid="not-counted"]').textContent(), /Ballots not counted.*double vote/);
  assert.match(await page.locator('[data-testid="result-facts"]').textContent(), /Kendalls W/);
  await violations(page, "results, English");
  await page.click('[data-testid="lang-switch"]');
  assert.deepEqual(f.errors, []);
  await f.context.close();
});

test("a score round shows median, IQR and consensus per item", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await page.goto(env.server.url + "/inspel/omrostningar");
  await ready(page);
  await page.fill("#round-title", "Betyg e2e");
  await page.selectOption("#round-method", "score");
  await page.click('[data-testid="save-round"]');
  await page.locator('[data-testid="tab-vote"]').waitFor();
  for (const [who, grade] of [["S1", "5"], ["S2", "1"]]) {
    await page.fill("#tablet-participant", who);
    await page.click('[data-testid="tablet-start"]');
    await page.locator(".choices").first().locator(`label.pill:has-text("${grade}")`).first().click();
    await page.click('[data-testid="tablet-submit"]');
    await page.locator('[data-testid="tablet-hand-over"]').waitFor({ timeout: 15_000 });
    await page.click('[data-testid="tablet-hand-over"]');
  }
  await page.click('[data-testid="tab-results"]');
  const table = await page.locator('[data-testid="results-table"]').textContent();
  assert.match(table, /Median \/ IQR \/ konsensus/);
  // 5 and 1 on a 1–5 scale: median 3, IQR 4, consensus 0 (an even split between the extremes);
  // whole numbers are shown whole.
  const first = page.locator('[data-testid="results-table"] tbody tr').first();
  assert.equal((await first.locator("td.num").nth(1).textContent()).trim(), "3 / 4 / 0");
  assert.match(table, /Omstritt|omstridd/i);
  await violations(page, "score results");
  assert.deepEqual(errors, []);
  await context.close();
});
