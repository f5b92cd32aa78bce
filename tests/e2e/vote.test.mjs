// The workshop journey, offline: the facilitator sets up a round, three tablets vote (one by
// touch-drag, one by keyboard only, one by the same participant as the first), each hands in
// its ballot file, the facilitator imports them (one twice), sees the results, the method
// comparison and the double vote, overrides the top-N with a reason, writes an agenda point
// and prints. Also: the app's certificate equals the CLI's for the demo round.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, axe, openPage, ready, saved, shared, storageHash, storedDoc } from "./harness.mjs";

const env = shared();
const DEMO_ROUND = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e2020";

/** Opens the app once online (the service worker installs), then goes offline and reloads. */
async function offlineDevice(size, path) {
  const d = await openPage(env.browser, size);
  await d.page.goto(env.server.url + "/");
  await ready(d.page);
  await d.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await d.context.setOffline(true);
  await d.page.goto(env.server.url + path);
  await ready(d.page);
  return d;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return dl.path();
}

async function importFiles(page, files) {
  // In-app navigation (no reload), as a facilitator would tap it.
  await page.click('.module-nav a[href="/dela"]');
  await page.setInputFiles('[data-testid="import-input"]', files);
  await page.locator('[data-testid="import-preview"]').waitFor();
}

async function openRound(page, title) {
  await page.click('a[href="/inspel"]');
  await page.click('.sub-nav a[href="/inspel/omrostningar"]');
  await page.click(`[data-testid="round-list"] a:has-text("${title}")`);
  await page.locator('[data-testid="tab-vote"]').waitFor();
}

/** An offline tablet that has received the round's file and opened the round. */
async function tablet(roundFile, title) {
  const d = await offlineDevice("tablet", "/dela");
  await importFiles(d.page, roundFile);
  await d.page.click('[data-testid="merge"]');
  await d.page.locator('[data-testid="merge-report"]').waitFor();
  await openRound(d.page, title);
  return d;
}

async function violations(page, label) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${label}: ${JSON.stringify(v, null, 1)}`);
}


/** Waits for the hand-over screen after a submit; if it does not come, says what the page shows. */
async function handedOver(page) {
  try {
    await page.locator('[data-testid="tablet-hand-over"]').waitFor({ timeout: 15_000 });
  } catch (e) {
    const alerts = await page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent.trim()).filter(Boolean));
    const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    throw new Error(`no hand-over after submit; alerts ${JSON.stringify(alerts)}; focus ${focus}; ${e.message}`);
  }
}

test("workshop journey: set-up, three tablets, collecting, results, override, agenda, print", async () => {
  const work = mkdtempSync(join(tmpdir(), "vagval-vote-"));
  const f = await offlineDevice("laptop", "/inspel/omrostningar");
  await violations(f.page, "rounds page");

  // The facilitator sets up a ranking round over all twelve inspel, top 3 by Borda, capped to 3.
  await f.page.fill("#round-title", "Workshop e2e – rangordning");
  await f.page.selectOption("#round-method", "ranking");
  await f.page.fill("#round-topk", "3");
  await f.page.selectOption("#round-capacity", "top_n");
  await f.page.fill("#round-capacity-value", "3");
  await f.page.fill("#round-seed", "e2e-frö");
  await f.page.click('[data-testid="save-round"]');
  await f.page.locator('[data-testid="tab-vote"]').waitFor();
  assert.match(await f.page.locator("h1").textContent(), /Workshop e2e/);
  await saved(f.page);
  await violations(f.page, "round: vote tab");
  // The round travels to the tablets as a small file.
  const roundFile = await download(f.page, '[data-testid="export-ballots"]');

  // Tablet A — touch: tap three items into the ranking, then drag the third to the top.
  const a = await tablet(roundFile, "Workshop e2e");
  await a.page.fill("#tablet-participant", "P1");
  await a.page.selectOption("#tablet-municipality", "Åre");
  await a.page.tap('[data-testid="tablet-start"]');
  const pool = a.page.locator('[data-testid="pool"] li');
  for (const n of [0, 1, 2]) await pool.nth(n).locator("button").tap();
  const ranked = a.page.locator('[data-testid="ranked"] li .title');
  const before = await ranked.allTextContents();
  assert.equal(before.length, 3);
  assert.match(await a.page.locator('[data-testid="remaining"]').textContent(), /3 av 3/);
  const cdp = await a.context.newCDPSession(a.page);
  const from = await a.page.locator('[data-testid="ranked"] li').nth(2).locator(".handle").boundingBox();
  const to = await a.page.locator('[data-testid="ranked"] li').nth(0).boundingBox();
  const x = from.x + from.width / 2;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: from.y + from.height / 2 }] });
  for (let i = 1; i <= 8; i++) {
    const y = from.y + from.height / 2 + ((to.y + 8 - (from.y + from.height / 2)) * i) / 8;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  const after = await ranked.allTextContents();
  assert.deepEqual(after, [before[2], before[0], before[1]], "dragged to the top by touch");
  await violations(a.page, "tablet ballot (ranking)");
  // Chromium 156.0.8078.114 under the DevTools protocol drops the first tap after the
  // synthesised drag on this page (touch events arrive, no click follows; the second tap
  // clicks; not reproduced in a minimal page with the same drag). A tap on the heading ends
  // that state, so the submit below is a real tap that must click.
  await a.page.tap("#ranked-heading");
  await a.page.tap('[data-testid="tablet-submit"]');
  await handedOver(a.page);
  // The parked ballot is out of sight, of the tab order and of the accessibility tree.
  assert.equal(await a.page.locator('[data-testid="tablet-submit"]').isVisible(), false);
  assert.equal(await a.page.evaluate(() => { const b = document.querySelector('[data-testid="tablet-submit"]'); b.focus(); return document.activeElement === b; }), false);
  await a.page.tap('[data-testid="tablet-hand-over"]');
  assert.equal(await a.page.inputValue("#tablet-participant"), "", "screen cleared for the next person");
  await saved(a.page);
  const fileA = await download(a.page, '[data-testid="export-ballots"]');

  // Tablet B — keyboard only: Tab and Enter/Space, arrows move a ranked item.
  const b = await tablet(roundFile, "Workshop e2e");
  await b.page.focus("#tablet-participant");
  await b.page.keyboard.type("P2");
  await b.page.keyboard.press("Tab"); // municipality
  await b.page.keyboard.press("Tab"); // start
  await b.page.keyboard.press("Enter");
  await b.page.waitForFunction(() => document.activeElement?.id === "tablet-vote-heading");
  // Tab to the pool's buttons and rank the 4th, 5th and 6th items. Each row has two stops: its
  // button and its "Läs mer" (the inspel's description).
  const focusedText = () => b.page.evaluate(() => document.activeElement?.getAttribute("aria-describedby") ?? document.activeElement?.id ?? "");
  let tabs = 0;
  while (!(await focusedText()).startsWith("pool-") && tabs++ < 30) await b.page.keyboard.press("Tab");
  for (const skip of [6, 2, 2]) {
    for (let i = 0; i < skip; i++) await b.page.keyboard.press("Tab");
    await b.page.keyboard.press("Space");
  }
  const rankedB = b.page.locator('[data-testid="ranked"] li .title');
  const orderB = await rankedB.allTextContents();
  assert.equal(orderB.length, 3, "three ranked by keyboard");
  // Move the last one up with its arrow button, by keyboard; focus stays on the arrow.
  await b.page.focus('[data-testid="ranked"] li:nth-child(3) button[aria-label^="Flytta upp"]');
  await b.page.keyboard.press("Enter");
  await b.page.waitForFunction(() => document.activeElement?.id?.startsWith("up-"));
  assert.deepEqual(await rankedB.allTextContents(), [orderB[0], orderB[2], orderB[1]]);
  await b.page.keyboard.press("Enter");
  assert.deepEqual(await rankedB.allTextContents(), [orderB[2], orderB[0], orderB[1]]);
  // A control focused right after an arrow keeps focus: the arrow's own refocus waits for the
  // next frame and must not take it back (a quick keyboard user's Enter would move a row
  // instead of submitting). Row 2 up, then back down, each followed at once by a focus move.
  for (const arrow of ['li:nth-child(2) button[aria-label^="Flytta upp"]', 'li:nth-child(1) button[aria-label^="Flytta ned"]']) {
    const kept = await b.page.evaluate((sel) => new Promise((done) => {
      const button = document.querySelector(`[data-testid="ranked"] ${sel}`);
      button.focus();
      button.click();
      document.querySelector('[data-testid="tablet-submit"]').focus();
      requestAnimationFrame(() => requestAnimationFrame(() => done(document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id)));
    }), arrow);
    assert.equal(kept, "tablet-submit", arrow);
  }
  assert.deepEqual(await rankedB.allTextContents(), [orderB[2], orderB[0], orderB[1]]);
  await b.page.focus('[data-testid="tablet-submit"]');
  await b.page.keyboard.press("Enter");
  await handedOver(b.page);
  await saved(b.page);
  const fileB = await download(b.page, '[data-testid="export-ballots"]');

  // Tablet C — P1 again, with a different ranking: a double vote.
  const c = await tablet(roundFile, "Workshop e2e");
  await c.page.fill("#tablet-participant", "P1");
  await c.page.tap('[data-testid="tablet-start"]');
  const poolC = c.page.locator('[data-testid="pool"] li');
  for (const n of [6, 7, 8]) await poolC.nth(n).locator("button").tap();
  await c.page.tap('[data-testid="tablet-submit"]');
  await handedOver(c.page);
  await saved(c.page);
  const fileC = await download(c.page, '[data-testid="export-ballots"]');

  // The facilitator imports all three, then A again: nothing changes.
  await importFiles(f.page, [fileA, fileB, fileC]);
  await f.page.click('[data-testid="merge"]');
  await f.page.locator('[data-testid="merge-report"]').waitFor();
  await saved(f.page);
  const hash = await storageHash(f.page);
  const ballots = (await storedDoc(f.page)).ballots.length;
  assert.equal(ballots, 12 + 3, "the demo's twelve and three new ballots");
  await importFiles(f.page, fileA);
  await f.page.locator('[data-testid="no-changes"]').waitFor();
  await f.page.click('[data-testid="merge"]');
  await f.page.waitForTimeout(600);
  assert.equal(await storageHash(f.page), hash, "importing a ballot file twice changes nothing");

  // Collecting: P1 is flagged.
  await openRound(f.page, "Workshop e2e");
  await f.page.click('[data-testid="tab-collect"]');
  assert.match(await f.page.locator('[data-testid="collect-summary"]').textContent(), /3 röster: 1 räknas, 1 dubbelröstare/);
  assert.match(await f.page.locator('[data-testid="double-votes"]').textContent(), /P1/);
  await violations(f.page, "round: collect tab");

  // Results and method comparison.
  await f.page.click('[data-testid="tab-results"]');
  await f.page.locator('[data-testid="results-table"] tbody tr').first().waitFor();
  assert.equal(await f.page.locator('[data-testid="results-table"] tbody tr').count(), 12);
  assert.match(await f.page.locator('[data-testid="result-facts"]').textContent(), /1 röster räknas.*e2e-frö/);
  const comparison = await f.page.locator('[data-testid="comparison"] tbody tr').count();
  assert.ok(comparison >= 3, `comparison rows: ${comparison}`);
  assert.equal(await f.page.locator("svg[role=img]").count(), 1, "a chart");
  await violations(f.page, "round: results tab");

  // Top-N override with a written reason; a too-short reason is refused.
  const boxes = f.page.locator('[data-testid="selection"] .check-list input[type=checkbox]');
  await boxes.nth(4).check();
  await f.page.fill("#override-reason", "kort");
  await f.page.click('[data-testid="save-override"]');
  assert.match(await f.page.locator("#override-error").textContent(), /skäl/);
  await f.page.fill("#override-reason", "Ragunda och Strömsund bad att vattenkraften tas med.");
  await f.page.click('[data-testid="save-override"]');
  await f.page.locator('[data-testid="override-log"] li').waitFor();
  assert.match(await f.page.locator('[data-testid="override-log"]').textContent(), /vattenkraften/);
  await saved(f.page);
  const round = (await storedDoc(f.page)).rounds.find((r) => r.title.value.startsWith("Workshop e2e"));
  assert.equal(round.overrides.value.length, 1);
  assert.equal(round.overrides.value[0].items.length, 4, "top 3 plus the one added");

  // Agenda: the selected go into the agenda; one more point by hand; print view.
  await f.page.click('[data-testid="to-agenda"]');
  await f.page.locator('[data-testid="agenda-points"]').waitFor();
  await f.page.fill("#point-text", "Regional samverkan om kompetensförsörjning");
  await f.page.fill("#point-owner", "RUN");
  await f.page.locator('[data-testid="new-point"] input[type=checkbox]').first().check();
  await f.page.click('[data-testid="add-point"]');
  await f.page.locator('.agenda-point h2:has-text("Regional samverkan")').waitFor();
  await violations(f.page, "agenda");
  await f.page.emulateMedia({ media: "print" });
  assert.equal(await f.page.locator('[data-testid="new-point"]').isVisible(), false, "forms are not printed");
  assert.equal(await f.page.locator(".module-nav").isVisible(), false);
  assert.ok(await f.page.locator('.agenda-point h2:has-text("Regional samverkan")').isVisible());
  await f.page.screenshot({ path: join(ROOT, "tests/e2e/out/agenda-print.png"), fullPage: true });
  await f.page.emulateMedia({ media: "screen" });

  for (const d of [f, a, b, c]) assert.deepEqual(d.errors, []);
  for (const d of [f, a, b, c]) await d.context.close();
});

test("new views have no axe violations in English", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  await page.click('label[lang="en"] input');
  for (const path of ["/inspel/omrostningar", "/inspel/agenda", `/inspel/omrostning/${DEMO_ROUND}`]) {
    await page.goto(env.server.url + path);
    await ready(page);
    await violations(page, `en ${path}`);
  }
  for (const tab of ["collect", "results", "rules"]) {
    await page.click(`[data-testid="tab-${tab}"]`);
    await violations(page, `en tab ${tab}`);
  }
  // The demo round is closed: its vote tab says so; opened again, it takes a ballot.
  await page.click('[data-testid="tab-vote"]');
  await page.locator('[data-testid="vote-closed"]').waitFor();
  await violations(page, "en closed round");
  await page.click('[data-testid="tab-collect"]');
  await page.click('[data-testid="round-close"]');
  await page.click('[data-testid="tab-vote"]');
  await page.fill("#tablet-participant", "X");
  await page.click('[data-testid="tablet-start"]');
  await violations(page, "en dot ballot");
  await page.click('[data-testid="tab-collect"]');
  await page.click('[data-testid="paper-open"]');
  await violations(page, "en paper ballot");
  assert.deepEqual(errors, []);
  await context.close();
});

test("dots by tap on a tablet; the budget shows what is left", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/inspel/omrostningar");
  await ready(page);
  await page.fill("#round-title", "Prickar");
  await page.click('[data-testid="save-round"]');
  await page.locator('[data-testid="tab-vote"]').waitFor();
  await page.fill("#tablet-participant", "Q");
  await page.tap('[data-testid="tablet-start"]');
  const items = page.locator(".ballot-item .item-tap");
  await items.nth(0).tap();
  await items.nth(0).tap();
  await items.nth(0).tap();
  await items.nth(0).tap(); // over the cap of 3: ignored
  await items.nth(1).tap();
  assert.match(await page.locator('[data-testid="remaining"]').textContent(), /Kvar: 1 av 5/);
  await page.tap('[data-testid="tablet-submit"]');
  await handedOver(page);
  await saved(page);
  const doc = await storedDoc(page);
  const ballot = doc.ballots.find((x) => x.participant.value === "Q");
  assert.deepEqual(Object.values(ballot.answer.value.allocation).sort(), [1, 3]);
  // Handing over clears the ballot for the next participant.
  await page.tap('[data-testid="tablet-hand-over"]');
  await page.fill("#tablet-participant", "R");
  await page.tap('[data-testid="tablet-start"]');
  assert.match(await page.locator('[data-testid="remaining"]').textContent(), /Kvar: 5 av 5/);
  assert.deepEqual([...new Set(await page.locator(".ballot-item .count").allTextContents())], ["0"]);
  await items.nth(2).tap();
  await page.tap('[data-testid="tablet-submit"]');
  await handedOver(page);
  await saved(page);
  const r = (await storedDoc(page)).ballots.find((x) => x.participant.value === "R");
  assert.deepEqual(Object.values(r.answer.value.allocation), [1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the app's result certificate equals the CLI's for the demo round", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await page.goto(env.server.url + `/inspel/omrostning/${DEMO_ROUND}`);
  await ready(page);
  await page.click('[data-testid="tab-results"]');
  const certPath = await download(page, '[data-testid="download-cert"]');
  await page.goto(env.server.url + "/dela");
  await ready(page);
  const workspace = await download(page, '[data-testid="export"]');
  const app = JSON.parse(readFileSync(certPath, "utf8"));
  const cli = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "results", workspace, "--round", DEMO_ROUND, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    }),
  );
  assert.deepEqual(app, cli);
  assert.equal(app.results[0].title, "Dubbelspår och högre hastighet på Mittbanan");
  const dir = mkdtempSync(join(tmpdir(), "vagval-cert-"));
  writeFileSync(join(dir, "cert.json"), JSON.stringify(app));
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "verify", join(dir, "cert.json"), workspace], { cwd: ROOT });
  assert.deepEqual(errors, []);
  await context.close();
});
