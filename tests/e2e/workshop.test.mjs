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
import { keep, openPage, ready, shared, storedDoc, storedEntries, storedText, violations } from "./harness.mjs";
import { SharePage } from "./pages/share.mjs";
import { Shell } from "./pages/shell.mjs";
import { RoundsPage } from "./pages/rounds.mjs";
import { RoundPage } from "./pages/round.mjs";
import { Ballot } from "./pages/ballot.mjs";
import { Results } from "./pages/results.mjs";
import { Kiosk } from "./pages/kiosk.mjs";
import { FirstStart, Workspaces } from "./pages/workspaces.mjs";

const env = shared();
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const DEMO_ROUND = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e2020";

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
  const rounds = new RoundsPage(page, env.server.url);
  await rounds.open();
  await rounds.create({ title });
}

test("participant mode: only the ballot is reachable, and leaving needs the code", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const kiosk = new Kiosk(page);
  const ballot = new Ballot(page);
  await newRound(page, "Röstläge e2e");
  await kiosk.enter("12"); // too short
  assert.match(await kiosk.codeError.textContent(), /minst 4 tecken/);
  await kiosk.enter("2468");
  await kiosk.root.waitFor();
  // No navigation, no undo, no rules, results or "Ta bort".
  for (const sel of [".module-nav", ".header-actions", '[data-testid="tab-results"]', '[data-testid="tab-rules"]', '[data-testid="tab-collect"]']) {
    assert.equal(await page.locator(sel).count(), 0, `${sel} is out of reach`);
  }
  assert.equal(await page.getByText("Ångra").count(), 0);
  await violations(page, "participant mode");
  // A participant votes; Ctrl+Z afterwards takes nothing back.
  await ballot.dotBallot("P1");
  await stored(page, "P1");
  await page.keyboard.press("Control+z");
  // A fixed wait on purpose: this proves that Ctrl+Z does nothing, and participant mode shows
  // no save state to wait for. An undo would reach localStorage with the autosave 400 ms after
  // it, so the wait is well past that (it was 300 ms, shorter than the debounce).
  await page.waitForTimeout(1000);
  const before = (await storedDoc(page)).ballots.filter((b) => b.participant?.value === "P1").length;
  assert.equal(before, 1, "the ballot stays");
  // A deep link or a reload still shows only the ballot.
  await page.goto(env.server.url + "/inspel/omrostningar");
  await kiosk.loaded();
  assert.equal(await page.locator(".module-nav").count(), 0);
  // A half-done ballot survives the reload.
  await ballot.handOverButton.click().catch(() => {});
  await ballot.start("P2");
  await ballot.dot(2);
  await page.reload();
  await kiosk.loaded();
  assert.match(await ballot.remaining.textContent(), /Kvar: 4 av 5/, "the dot is still there");
  // The wrong code keeps the mode; the right one leaves it, back on the round.
  await kiosk.openLeave();
  await kiosk.exit("1111");
  assert.match(await kiosk.exitError.textContent(), /Fel kod/);
  await kiosk.exit("2468");
  await ready(page);
  await new RoundPage(page, env.server.url).tabLocator("vote").waitFor();
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
  await new Ballot(page).dotBallot("Kvar efter krasch");
  // Killed at once: no pagehide, no flush, nothing the page can still do.
  try {
    execFileSync("pkill", ["-9", "-f", dir]);
  } catch {}
  await Promise.race([context.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 5_000))]);
  context = await open();
  page = await context.newPage();
  await new RoundsPage(page, env.server.url).open();
  // The journal is merged in at start and stored again.
  await stored(page, "Kvar efter krasch");
  const doc = await storedDoc(page);
  assert.ok(doc.ballots.some((b) => b.participant?.value === "Kvar efter krasch"), "the ballot survived the kill");
  await context.close();
});

test("a closed round takes no more ballots; the breakdown hides small groups", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const round = new RoundPage(page, env.server.url);
  const results = new Results(page);
  await newRound(page, "Stängs e2e");
  await round.toggleClosed();
  await round.tab("vote");
  await round.voteClosed.waitFor();
  assert.equal(await new Ballot(page).participant.count(), 0);
  // The demo round's twelve voters come from municipalities with one or two each: they are
  // shown together, never one by one.
  await round.open(DEMO_ROUND);
  await round.tab("results");
  const counts = await results.breakdown.locator("tbody tr td:nth-child(2)").allTextContents();
  assert.ok(counts.length > 0, "the breakdown has rows");
  for (const n of counts) assert.ok(Number(n) >= 3, `a group of ${n} is shown`);
  assert.match(await results.breakdown.textContent(), /Övriga kommuner/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the projector view fills a 1920 × 1080 screen", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "sv-SE" });
  const page = await context.newPage();
  const round = new RoundPage(page, env.server.url);
  await round.open(DEMO_ROUND);
  await round.tab("results");
  await new Results(page).projector();
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
  const shell = new Shell(page, env.server.url);
  const first = new FirstStart(page);
  const ws = new Workspaces(page);
  await shell.open("/", { demo: false });
  // A fresh device asks; nothing is stored before the choice.
  await first.root.waitFor();
  await violations(page, "first start");
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.workspace")), null);
  assert.equal(await storedText(page), null);
  await first.createNew();
  assert.match(await first.error.textContent(), /Skriv ett namn/);
  await first.createNew("Workshop Krokom 2027");
  await first.gone();
  assert.equal(await shell.workspaceName.textContent(), "Arbetsyta: Workshop Krokom 2027");
  await shell.go("/inspel");
  await page.waitForFunction(() => /^0 inspel$/.test(document.getElementById("inspel-list-heading")?.textContent ?? ""));
  // The demo next to it, then back.
  await shell.go("/installningar");
  await ws.openDemo();
  assert.match(await ws.list.textContent(), /Workshop Krokom 2027/);
  await violations(page, "workspaces");
  await ws.open("Workshop Krokom 2027");
  // Deleting the demo (put aside) asks and offers an export first.
  await ws.askDelete("Påverkansagenda");
  const dl1 = await ws.exportFirst();
  assert.match(dl1.suggestedFilename(), /^paverkansagenda.*\.json$/);
  await ws.confirmDelete();
  await ws.list.waitFor({ state: "detached" });
  // The demo opened again, then closed: deleting the open workspace opens the other one.
  await ws.openDemo();
  await ws.askDeleteOpen();
  const dl2 = await ws.exportFirst();
  assert.match(dl2.suggestedFilename(), /^paverkansagenda.*\.json$/);
  await ws.confirmDelete();
  await ws.isOpen("Workshop Krokom 2027");
  // The deletions are IndexedDB transactions: wait until the header says they are stored
  // ("Sparat"), as a user would see, before the reload (a page killed before that is the
  // rescue copy's and the pending deletions' case, see public/store.js).
  await shell.saved();
  // What is stored is the open workspace; a reload opens it, with no first-start question.
  await shell.reload({ demo: false });
  assert.equal(await first.root.count(), 0);
  assert.match(await shell.workspaceName.textContent(), /Workshop Krokom 2027/);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vagval.shelf.")));
  assert.deepEqual(keys, [], "nothing of the deleted demo is left");
  const idbKeys = (await storedEntries(page)).map(([k]) => k).filter((k) => k.startsWith("vagval.shelf."));
  assert.deepEqual(idbKeys, [], "nothing of the deleted demo is left (IndexedDB)");
  assert.deepEqual(errors, []);
  await context.close();
});

test("results: W, Condorcet, consensus and every ballot not counted; the cap after the vote; late ballots make an override stale", async () => {
  const f = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const page = f.page;
  const shell = new Shell(page, env.server.url);
  const rounds = new RoundsPage(page, env.server.url);
  const round = new RoundPage(page, env.server.url);
  const ballot = new Ballot(page);
  const results = new Results(page);
  const share = new SharePage(page, env.server.url);
  await rounds.open();
  // A ranking round, top 3, up to 3: a participant may rank fewer.
  await rounds.create({ title: "Rangordning e2e", method: "ranking", topk: 3, atMost: true });
  const roundFile = await keep(await round.exportBallots());
  await ballot.rankBallot("A", 3);
  await ballot.rankBallot("B", 1); // one item only: allowed ("upp till 3")
  await ballot.rankBallot("C", 2);
  // A tablet elsewhere: "A" votes again there (a double vote), handed in late.
  const t = await openPage(env.browser, "tablet", { acceptDownloads: true });
  const shareT = new SharePage(t.page, env.server.url);
  await shareT.open();
  await shareT.pickAndPreview(roundFile);
  await shareT.merge();
  await new RoundsPage(t.page, env.server.url).openRound("Rangordning e2e");
  await new Ballot(t.page).rankBallot("A", 2);
  const late = await keep(await new RoundPage(t.page, env.server.url).exportBallots());
  await t.context.close();

  // Results: Kendall's W and the Condorcet outcome; nothing left out yet.
  await round.tab("results");
  assert.match(await results.facts.textContent(), /Kendalls W = \d,\d\d\..*Condorcetvinnare/);
  assert.match(await results.notCounted.textContent(), /Alla röster räknas/);
  // The cap, decided now, after the results were shown: top 2.
  await results.decideCapacity({ kind: "top_n", value: 2 });
  assert.match(await results.decisionError.textContent(), /vem/);
  await results.decideCapacity({ who: "Anna Processledare" });
  await results.capacityDecided.waitFor();
  assert.match(await results.capacityDecided.textContent(), /Anna Processledare.*efter att resultatet visats/);
  assert.equal(await results.selectedRows.count(), 2);
  // An override of that selection, for this result.
  await results.selectionInputs.nth(2).check();
  await results.override("Kommunerna enades om en tredje punkt");
  await results.overrideLog.waitFor();
  assert.equal(await results.selectedRows.count(), 3);
  await violations(page, "results with a capacity decision");

  // The tablet's late file: A's second ballot is a double vote; both of A's are left out,
  // the counted ballots change, the override no longer applies.
  await shell.go("/dela");
  await share.pickAndPreview(late);
  assert.match(await share.previewCounts.textContent(), /1 ny röst/);
  await share.merge();
  await rounds.goTo();
  await rounds.pick("Rangordning e2e");
  await round.tab("results");
  await results.overrideStale.waitFor();
  assert.equal(await results.selectedRows.count(), 2, "back to the rule");
  const notCounted = await results.notCounted.textContent();
  assert.match(notCounted, /A.*dubbelröst/);
  assert.match(await results.facts.textContent(), /2 röster som inte räknas/);
  await violations(page, "results, Swedish");
  // The certificate records the decision and that the override is stale.
  const cert = JSON.parse(readFileSync(await keep(await results.certificate()), "utf8"));
  assert.equal(cert.capacity_decision.who, "Anna Processledare");
  assert.equal(cert.capacity_decision.after_results, true);
  assert.equal(cert.override_stale, true);
  assert.equal(cert.excluded.filter((e) => e.reason.reason === "double_vote" || JSON.stringify(e.reason).includes("double")).length, 2);
  // Confirmed for the new result, it applies again.
  await results.confirmOverride();
  await results.overrideStale.waitFor({ state: "detached" });
  assert.equal(await results.selectedRows.count(), 3);
  // In English too.
  await shell.toggleLanguage();
  assert.match(await results.notCounted.textContent(), /Ballots not counted.*double vote/);
  assert.match(await results.facts.textContent(), /Kendalls W/);
  await violations(page, "results, English");
  await shell.toggleLanguage();
  assert.deepEqual(f.errors, []);
  await f.context.close();
});

test("a score round shows median, IQR and consensus per item", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const rounds = new RoundsPage(page, env.server.url);
  const ballot = new Ballot(page);
  const results = new Results(page);
  await rounds.open();
  await rounds.create({ title: "Betyg e2e", method: "score" });
  for (const [who, grade] of [["S1", "5"], ["S2", "1"]]) await ballot.scoreBallot(who, grade);
  await new RoundPage(page, env.server.url).tab("results");
  const table = await results.table.textContent();
  assert.match(table, /Median \/ IQR \/ konsensus/);
  // 5 and 1 on a 1–5 scale: median 3, IQR 4, consensus 0 (an even split between the extremes);
  // whole numbers are shown whole.
  const first = results.rows.first();
  assert.equal((await first.locator("td.num").nth(1).textContent()).trim(), "3 / 4 / 0");
  assert.match(table, /Omstritt|omstridd/i);
  await violations(page, "score results");
  assert.deepEqual(errors, []);
  await context.close();
});
