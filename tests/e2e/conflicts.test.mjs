// Målkonflikter (issue 13), offline: the facilitator sets up a matrix over the three
// sustainability dimensions and hands it out as a workspace file; two tablets score it silently
// (one by keyboard only, one by touch and in English), each hands its file back, the facilitator
// merges them, reveals, sees both scores and the flagged cells, agrees a consensus value and
// sees the analysis change; a case check drafts its memo paragraph; the print views render; axe
// finds nothing in Swedish or English. Also: the demo matrix's analysis shows the hidden
// trade-off the CLI reports, and the CSV files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUT, ROOT, mergeFile, openPage, saved, shared, violations } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SharePage } from "./pages/share.mjs";
import { CasePage, ConflictsPage, DEMO_MATRIX, MatrixPage, SOURCE } from "./pages/conflicts.mjs";
import { InspelPage } from "./pages/inspel.mjs";

const env = shared();
// The matrix of `vagval demo --goals N` (crates/cli).
const LARGE_MATRIX = "6a1e0c55-3b7d-4e2a-9c41-5d8f2e702001";

const SET = "Hållbarhetsdimensioner e2e";
const MATRIX = "Tyst bedömning e2e";
const [E, S, M] = ["E Ekonomisk hållbarhet", "S Social hållbarhet", "M Ekologisk hållbarhet"];

/** Opens the app once online (the service worker installs), then goes offline and opens `path`. */
async function offlineDevice(size, path) {
  const d = await openPage(env.browser, size, { acceptDownloads: true });
  const shell = new Shell(d.page, env.server.url);
  await shell.open("/");
  await d.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await d.context.setOffline(true);
  await shell.open(path);
  return d;
}

/** The device's whole workspace from the Dela page (in-app navigation), as a path. */
async function exportWorkspace(page) {
  await new Shell(page, env.server.url).go(SharePage.path);
  return (await new SharePage(page, env.server.url).export()).path();
}

/** Merges `files` on the Dela page (in-app navigation) and waits until the result is stored. */
async function mergeFiles(page, files) {
  await new Shell(page, env.server.url).go(SharePage.path);
  const share = new SharePage(page, env.server.url);
  await share.pickAndPreview(files);
  await share.merge();
  await saved(page);
}

/** An offline tablet that has merged the facilitator's file and opened the matrix. */
async function tablet(file, { touch = false } = {}) {
  const d = await offlineDevice("tablet", SharePage.path);
  await mergeFiles(d.page, file);
  await new ConflictsPage(d.page, env.server.url).goTo();
  await new ConflictsPage(d.page, env.server.url).openMatrix(MATRIX);
  return { ...d, matrix: new MatrixPage(d.page, env.server.url, { touch }) };
}

test("offline: two tablets score silently, the facilitator merges, reveals, agrees, analyses; a case memo; print; axe in sv and en", async () => {
  // --- The facilitator sets up the set and the matrix, offline. ---
  const f = await offlineDevice("laptop", ConflictsPage.path);
  const overview = new ConflictsPage(f.page, env.server.url);
  await overview.createSet({ source: SOURCE.dimensions, name: SET });
  assert.match(await overview.set(SET).textContent(), /\(3 mål\)/);
  const matrixId = await overview.createMatrix({ name: MATRIX, set: SET });
  const fm = new MatrixPage(f.page, env.server.url);
  assert.equal(await fm.name.textContent(), MATRIX);
  assert.match(await fm.status.textContent(), /Tyst bedömning pågår/);
  await saved(f.page);
  const setup = await exportWorkspace(f.page);

  // --- Tablet A, keyboard only: Tab to the name, Enter, Tab into the grid, arrows and digits. ---
  const a = await tablet(setup);
  const ma = a.matrix;
  assert.equal(decodeURIComponent(new URL(a.page.url()).pathname), MatrixPage.path(matrixId));
  await ma.startByKeyboard("Anna");
  assert.equal(await ma.focused(), "cell-0-1", "Tab lands on the first cell");
  assert.deepEqual(await ma.tabStops(), ["cell-0-1"], "one tab stop in the grid (roving tabindex)");
  assert.equal(await ma.progress.textContent(), "0 av 6 bedömda");
  // Enter opens the picker on the focused cell, Escape closes it; the focus stays in the grid.
  await ma.keys("Enter");
  await ma.picker.waitFor();
  assert.equal(await ma.scaleButtons.count(), 7);
  await violations(a.page, "sv: score grid with the picker (keyboard tablet)");
  await ma.keys("Escape");
  await ma.picker.waitFor({ state: "detached" });
  assert.equal(await ma.focused(), "cell-0-1");
  // E→S +2; E→M −1 ("-" then a digit); S→M +3; S→E +2 by two "+"; M→E 0; M→S −2, after a 1
  // that Delete took back.
  await ma.keys("2");
  await ma.arrow("ArrowRight", 0, 2);
  await ma.keys("-", "1");
  await ma.arrow("ArrowDown", 1, 2);
  await ma.keys("3");
  await ma.arrow("ArrowLeft", 1, 0); // over the diagonal
  await ma.keys("+", "+");
  await ma.arrow("ArrowDown", 2, 0);
  await ma.keys("0");
  await ma.arrow("ArrowRight", 2, 1);
  await ma.keys("1");
  await ma.cellShows(2, 1, 1);
  await ma.keys("Delete");
  await ma.cellShows(2, 1, null);
  await ma.keys("-", "2");
  await ma.cellShows(2, 1, -2);
  assert.deepEqual(await ma.cellTexts(), {
    "cell-0-1": "+2", "cell-0-2": "−1", "cell-1-0": "+2", "cell-1-2": "+3", "cell-2-0": "0", "cell-2-1": "−2",
  });
  assert.equal(await ma.progress.textContent(), "6 av 6 bedömda");
  assert.deepEqual(await ma.tabStops(), ["cell-2-1"], "the tab stop follows the focus");
  // An arrow at the edge stays put.
  await ma.keys("ArrowDown");
  assert.equal(await ma.focused(), "cell-2-1");
  await saved(a.page);
  const fileA = await exportWorkspace(a.page);

  // --- Tablet B, touch, in English: taps a cell, taps a value; some signs opposite to A's. ---
  const b = await tablet(setup, { touch: true });
  const mb = b.matrix;
  await new Shell(b.page, env.server.url).switchLanguage("en");
  await mb.start("Bertil");
  assert.equal(await mb.progress.textContent(), "0 of 6 judged");
  // Silent: B sees none of A's scores (they are on another tablet; nothing here either).
  assert.deepEqual(Object.values(await mb.cellTexts()), ["", "", "", "", "", ""]);
  await mb.score(0, 1, -1); // A +2: opposite signs
  await violations(b.page, "en: score grid with the picker (touch tablet)");
  await mb.score(0, 2, -1); // the picker follows the tapped cell without being closed
  assert.match(await mb.picker.locator("h3").textContent(), /E Ekonomisk hållbarhet → M Ekologisk hållbarhet/);
  await mb.score(1, 0, 2);
  await mb.score(1, 2, 2); // A +3: range 1, not flagged
  await mb.score(2, 0, 2, { rationale: "Turismen ger jobb" }); // A 0: range 2, flagged
  await mb.score(2, 1, 1); // A −2: opposite signs
  await mb.closePicker();
  assert.equal(await mb.progress.textContent(), "6 of 6 judged");
  await saved(b.page);
  const fileB = await exportWorkspace(b.page);

  // --- The facilitator merges both tablets' files. ---
  await mergeFiles(f.page, [fileA, fileB]);
  await overview.goTo();
  assert.match(await overview.matrixLine(MATRIX).textContent(), /6 bedömda av 6 · 2 deltagare$/);
  await overview.openMatrix(MATRIX);
  // Still silent: a third rater on the facilitator's laptop sees an empty grid.
  await fm.start("Cecilia");
  assert.deepEqual(Object.values(await fm.cellTexts()), ["", "", "", "", "", ""]);
  await fm.handOver();
  // Before the reveal: each rater's progress, no values.
  await fm.openReveal();
  assert.deepEqual(await fm.raterProgress.allTextContents(), ["Anna: 6 av 6 bedömda", "Bertil: 6 av 6 bedömda"]);
  assert.equal(await fm.heat.count(), 0);
  assert.equal(await fm.queue.count(), 0);

  // --- Reveal: the medians, both scores, the disagreeing cells flagged. ---
  await fm.toggleReveal();
  assert.equal(await fm.status.textContent(), "Bedömningarna är visade.");
  // Row by row: E→S, E→M, S→E, S→M, M→E, M→S; the lower median of two scores.
  assert.deepEqual(await fm.heatValues(), [
    { text: "−1 ⚑", flagged: true }, // +2 / −1: opposite signs
    { text: "−1", flagged: false }, // −1 / −1
    { text: "+2", flagged: false }, // +2 / +2
    { text: "+2", flagged: false }, // +3 / +2: range 1
    { text: "0 ⚑", flagged: true }, // 0 / +2: range 2
    { text: "−2 ⚑", flagged: true }, // −2 / +1: opposite signs
  ]);
  // The queue: opposite signs first, then the range.
  assert.equal(await fm.queueItems.count(), 3);
  const [q1, q2, q3] = await fm.queueItems.allTextContents();
  assert.match(q1, new RegExp(`^${E} → ${S}Bedömningar: Anna \\+2, Bertil −1Median −1 · Medel 0,5 · Spridning 3 · olika tecken`));
  assert.match(q2, new RegExp(`^${M} → ${S}Bedömningar: Anna −2, Bertil \\+1.*olika tecken`));
  assert.match(q3, new RegExp(`^${M} → ${E}Bedömningar: Anna 0, Bertil \\+2Median 0 · Medel 1,0 · Spridning 2Bertil: Turismen ger jobb`));
  assert.equal(await fm.agreedItems.count(), 0);
  await violations(f.page, "sv: reveal tab");

  // The analysis before any consensus: every value from a median.
  await fm.openAnalysis();
  assert.equal(await fm.coverage.textContent(), "6 av 6 · 0 från samsyn · 6 från median · 0 obedömda");
  const before = await fm.measureCells();
  assert.deepEqual(before.map((r) => r[1]), [S, E, M], "ranking before the consensus");
  // Negative numbers are shown with a real minus sign ("−2"), never a hyphen.
  assert.deepEqual(before[1].slice(2, 4), ["−2 (0 / −2)", "2 (2 / 0)"], "E: out and in (+ / −)");
  // M → E is 0 directly but −4 through S: a trade-off only the second order shows.
  assert.deepEqual((await fm.hiddenCells())[0], [`${M} → ${E}`, "0", "−4", S]);

  // --- A consensus on the first queue item: +1. ---
  await fm.openReveal();
  await fm.setConsensus(fm.queueItem(E, S), 1);
  await fm.agreedItems.first().waitFor();
  assert.equal(await fm.queueItems.count(), 2, "the agreed cell leaves the queue");
  assert.match(await fm.agreedItems.first().textContent(), new RegExp(`^${E} → ${S}: \\+1 ✓`));
  assert.deepEqual((await fm.heatValues())[0], { text: "+1 ✓", flagged: false });
  await saved(f.page);
  // The analysis follows: one value from consensus, E's outgoing effects and the ranking change.
  await fm.openAnalysis();
  assert.equal(await fm.coverage.textContent(), "6 av 6 · 1 från samsyn · 5 från median · 0 obedömda");
  const after = await fm.measureCells();
  assert.deepEqual(after.map((r) => r[1]), [E, S, M], "ranking after the consensus");
  assert.deepEqual(after[0].slice(2, 4), ["0 (1 / −1)", "2 (2 / 0)"], "E: out and in (+ / −)");
  await violations(f.page, "sv: analysis tab");
  // Print from the analysis tab: the analysis, without the tabs, buttons or navigation.
  await f.page.emulateMedia({ media: "print" });
  assert.ok(await fm.measures.isVisible(), "the analysis prints");
  assert.equal(await fm.page.locator('[data-testid="tab-score"]').isVisible(), false, "no tabs in print");
  assert.equal(await fm.page.locator('[data-testid="csv-scores"]').isVisible(), false, "no buttons in print");
  assert.equal(await new Shell(f.page, env.server.url).nav.isVisible(), false);
  assert.ok(await fm.name.isVisible());
  await f.page.screenshot({ path: join(OUT, "conflicts-analysis-print.png"), fullPage: true });
  await f.page.emulateMedia({ media: "screen" });
  // Print from the reveal tab: the value matrix and the queue, without the consensus forms.
  await fm.openReveal();
  await f.page.emulateMedia({ media: "print" });
  assert.ok(await fm.heat.isVisible(), "the value matrix prints");
  assert.ok(await fm.queueItems.first().isVisible());
  assert.equal(await f.page.locator('[data-testid="consensus-form"]').first().isVisible(), false, "no forms in print");
  assert.equal(await fm.measures.isVisible(), false, "only the open tab prints");
  await f.page.emulateMedia({ media: "screen" });
  // The score tab after the reveal: nobody starts scoring any more.
  await fm.tab("score");
  assert.equal(await fm.startButton.isDisabled(), true);

  // --- A case checked against the matrix: its paragraph for the memo. ---
  await overview.goTo();
  await violations(f.page, "sv: overview");
  const caseId = await overview.createCase({ title: "Ny vindkraftspark e2e", diary: "KS 2027/114" });
  const cp = new CasePage(f.page, env.server.url);
  assert.equal(await cp.heading.textContent(), "Ny vindkraftspark e2e");
  await cp.waitForMemo("Ärendet Ny vindkraftspark e2e (KS 2027/114) bedöms inte påverka");
  await cp.chooseMatrix(MATRIX);
  await cp.effect(E).waitFor();
  assert.equal(await cp.effects.count(), 3, "one effect per goal of the matrix");
  await cp.setEffect(E, "advances");
  await cp.setEffect(M, "hinders");
  await cp.direct.first().waitFor();
  assert.deepEqual(await cp.direct.allTextContents(), [`främjar ${E} → ${M}: −1 (begränsande) – båda målen ingår i ärendet`]);
  assert.ok((await cp.synergies.allTextContents()).includes(`${E} → ${S}: +1`), "the agreed +1 is a synergy");
  await cp.waitForMemo(`”${MATRIX}”`);
  const memo = await cp.memo.inputValue();
  assert.match(memo, new RegExp(`^Ärendet Ny vindkraftspark e2e \\(KS 2027/114\\) bedöms främja ${E} och försvåra ${M}\\. Enligt målkonfliktsanalysen ”${MATRIX}”`));
  assert.match(memo, new RegExp(`att ärendet främjar ${E}, vilket påverkar ${M} \\(begränsande, −1\\)`));
  // An edited memo is kept with the case; "Skriv om förslaget" brings the draft back.
  await cp.writeMemo("Egen formulering för nämnden.");
  await saved(f.page);
  await cp.open(caseId);
  assert.equal(await cp.memo.inputValue(), "Egen formulering för nämnden.");
  await cp.redraft();
  await cp.waitForMemo("Ärendet Ny vindkraftspark e2e");
  assert.equal(await cp.memo.inputValue(), memo);
  await violations(f.page, "sv: case page");
  // Print: the check and the paragraph as text, without the forms.
  await f.page.emulateMedia({ media: "print" });
  assert.ok(await cp.check.isVisible(), "the check prints");
  assert.ok(await cp.memoPrint.isVisible(), "the paragraph prints");
  assert.equal(await cp.memoPrint.textContent(), memo);
  assert.equal(await cp.memo.isVisible(), false, "the textarea does not print");
  assert.equal(await cp.effects.first().isVisible(), false, "the effect form does not print");
  await f.page.screenshot({ path: join(OUT, "conflicts-case-print.png"), fullPage: true });
  await f.page.emulateMedia({ media: "screen" });

  // --- English: the same pages, and axe on each. ---
  const shell = new Shell(f.page, env.server.url);
  await shell.switchLanguage("en");
  assert.match(await cp.memo.inputValue(), /^The case Ny vindkraftspark e2e/);
  await violations(f.page, "en: case page");
  await shell.open(ConflictsPage.path);
  await violations(f.page, "en: overview");
  await overview.openMatrix(MATRIX);
  assert.equal(await fm.status.textContent(), "The scores are revealed.");
  await violations(f.page, "en: score tab");
  await fm.openReveal();
  assert.match(await fm.queueItems.first().textContent(), new RegExp(`^${M} → ${S}Scores: Anna −2, Bertil \\+1.*opposite signs`));
  await violations(f.page, "en: reveal tab");
  await fm.openAnalysis();
  assert.equal(await fm.coverage.textContent(), "6 of 6 · 1 from consensus · 5 from median · 0 unjudged");
  await violations(f.page, "en: analysis tab");

  for (const d of [f, a, b]) assert.deepEqual(d.errors, []);
  for (const d of [f, a, b]) await d.context.close();
});

test("the demo matrix: four raters, the CLI's hidden trade-off RUS 1 → RUS 7, CSV files", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const m = new MatrixPage(page, env.server.url);
  await m.open(DEMO_MATRIX);
  assert.equal(await m.name.textContent(), "Målkonflikter i RUS-prioriteringarna");
  assert.equal(await m.status.textContent(), "Bedömningarna är visade.");
  await m.openReveal();
  assert.equal(await m.raterProgress.count(), 4);
  assert.equal(await m.heatCells.count(), 9 * 8);
  await m.openAnalysis();
  assert.equal(await m.measureRows.count(), 9);
  const hidden = (await m.hiddenCells()).map((r) => r[0]);
  assert.ok(
    hidden.includes("RUS 1 Grön industriell omställning → RUS 7 Rennäringens markanvändning och samiska villkor"),
    `hidden trade-offs: ${JSON.stringify(hidden)}`,
  );
  // The signed network: an arrow per table row, strength ±2 and up by default; ±3 only is fewer,
  // each of them ±3, the trade-offs dashed.
  await m.network.waitFor();
  const two = await m.networkRows.count();
  assert.ok(two > 0, "the demo has interactions of strength 2 or more");
  assert.equal(await m.networkLines.count(), two);
  assert.ok((await m.networkValues()).every((v) => /^[+−][23]$/.test(v)));
  await m.networkStrength.selectOption("2");
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="network-edge"]').length < n, two);
  const three = await m.networkValues();
  assert.ok(three.length > 0 && three.every((v) => v === "+3" || v === "−3"), JSON.stringify(three));
  assert.equal(await m.networkLines.count(), three.length);
  assert.equal(await page.locator('[data-testid="network"] line.edge.neg').count(), three.filter((v) => v === "−3").length);
  await page.screenshot({ path: join(OUT, "conflicts-network.png"), fullPage: true });
  await violations(page, "sv: demo analysis");
  // CSV: every rater's score, and the results.
  const scores = await m.csvScores();
  assert.match(scores.suggestedFilename(), /^matris-bedomningar-\d{4}-\d\d-\d\d\.csv$/);
  const scoresText = readFileSync(await scores.path(), "utf8");
  assert.ok(scoresText.split(/\r?\n/).filter(Boolean).length > 9 * 8, "a line per rater and cell");
  const results = await m.csvResults();
  assert.match(results.suggestedFilename(), /^matris-resultat-\d{4}-\d\d-\d\d\.csv$/);
  assert.match(readFileSync(await results.path(), "utf8"), /RUS 7/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("sparse scoring: only the flagged pairs, only one goal's pairs, every pair again", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const m = new MatrixPage(page, env.server.url);
  await m.open(DEMO_MATRIX);
  await m.openReveal();
  assert.equal(await m.pairsStatus.textContent(), "Alla 72 par bedöms.");
  const flagged = Number((await m.pairsFlagged.textContent()).match(/\((\d+)\)/)[1]);
  assert.ok(flagged > 0);
  await m.pairsFlagged.tap();
  await page.waitForFunction((k) => document.querySelector('[data-testid="pairs-status"]').textContent.startsWith(`${k} av 72`), flagged);
  // The value matrix shows only the chosen pairs.
  assert.equal(await m.heatCells.count(), flagged);
  // One goal's row and column: 2 × 8 = 16 pairs.
  await m.pairGoals.first().tap();
  await m.pairsTouching.tap();
  await page.waitForFunction(() => document.querySelector('[data-testid="pairs-status"]').textContent.startsWith("16 av 72"));
  await saved(page);
  await page.reload();
  await m.name.waitFor();
  await m.openReveal();
  assert.equal(await m.pairsStatus.textContent(), "16 av 72 par är valda för bedömning.", "the choice is stored");
  await violations(page, "sv: sparse scoring");
  await m.pairsEvery.tap();
  await page.waitForFunction(() => document.querySelector('[data-testid="pairs-status"]').textContent === "Alla 72 par bedöms.");
  assert.equal(await m.heatCells.count(), 72);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a revealed matrix takes no more scores; back to silent scoring it does", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const overview = new ConflictsPage(page, env.server.url);
  const m = new MatrixPage(page, env.server.url);
  await overview.open();
  await overview.createSet({ source: SOURCE.dimensions, name: SET });
  await overview.createMatrix({ name: "Visas e2e", set: SET });
  await m.start("Anna");
  await m.score(0, 1, 2);
  await m.closePicker();
  await m.openReveal();
  await m.toggleReveal();
  // The rater is still in the grid on the score tab; a key is refused with a message.
  await m.tab("score");
  await m.cell(0, 1).focus();
  await m.keys("-", "3");
  await m.scoreError.waitFor();
  assert.match(await m.scoreError.textContent(), /Matrisen är visad och tar inte emot fler bedömningar/);
  assert.equal(await m.cell(0, 1).textContent(), "+2", "the score stays");
  // "Tillbaka till tyst bedömning": the values are hidden again and scoring goes on.
  await m.openReveal();
  await m.toggleReveal(false);
  assert.match(await m.status.textContent(), /Tyst bedömning pågår/);
  await m.tab("score");
  await m.cell(0, 1).focus();
  await m.keys("-", "3");
  await m.cellShows(0, 1, -3);
  assert.deepEqual(errors, []);
  await context.close();
});

// A goal added with "Lägg till mål" shows in its set's list at once (it did not: the list read
// the set's goals untracked).
test("goals added to a custom set show in its list at once", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const overview = new ConflictsPage(page, env.server.url);
  const name = "Egna mål e2e";
  await overview.open();
  await overview.createSet({ source: SOURCE.custom, name });
  assert.match(await overview.set(name).textContent(), /\(0 mål\)$/);
  for (const [code, goal] of [["K1", "Kollektivtrafik i hela länet"], ["K2", "Bredband till alla"], ["K3", "Levande fjällmiljö"]]) {
    await overview.addGoal({ set: name, code, name: goal });
  }
  await saved(page);
  // The goals are there: a matrix over the set has 3 × 2 cells.
  const counts = { shown: await overview.set(name).textContent() };
  await overview.createMatrix({ name: "Egna e2e", set: name });
  const m = new MatrixPage(page, env.server.url);
  await m.start("Anna");
  assert.equal(await m.cells.count(), 6);
  await overview.goTo();
  counts.afterNavigation = await overview.set(name).textContent();
  assert.deepEqual(counts, { shown: `${name} (3 mål)`, afterNavigation: `${name} (3 mål)` });
  assert.deepEqual(errors, []);
  await context.close();
});

// The set chosen for a new matrix is kept by id: a set added meanwhile (by the form beside it,
// or a merge) does not move the choice (it did, when the choice was a position in the list).
test("the set chosen for a new matrix stays chosen when another set is added", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const overview = new ConflictsPage(page, env.server.url);
  const rus = "Regional utvecklingsstrategi – prioriteringar";
  await overview.open();
  await overview.chooseMatrixSet(rus);
  await overview.createSet({ source: SOURCE.custom, name: "Egna mål e2e" });
  const chosen = await overview.chosenMatrixSet();
  await overview.submitMatrix("Vald uppsättning e2e");
  const m = new MatrixPage(page, env.server.url);
  await m.start("Anna");
  // The nine RUS priorities: 9 × 8 cells.
  assert.deepEqual({ chosen, cells: await m.cells.count() }, { chosen: rus, cells: 9 * 8 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("an inspel names the goals it serves; the goal lists it; undo takes the link away", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
  const RUS = "Regional utvecklingsstrategi – prioriteringar";
  const overview = new ConflictsPage(page, env.server.url);
  // The demo links Bredband to RUS 5 and RUS 8; RUS 3 Kompetensförsörjning is served only by
  // the distance-learning inspel.
  await inspel.edit("Bredband till hela landsbygden");
  assert.deepEqual(await inspel.goalLinks.allTextContents(), ["RUS 5 Bredband i hela länet", "RUS 8 Attraktiv region för inflyttare"]);
  await inspel.linkGoal(RUS, "RUS 3 Kompetensförsörjning");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="goal-link"]').length === 3);
  await violations(page, "sv: inspel editor with goals");
  await saved(page);
  await overview.goTo();
  await overview.set(RUS).click();
  assert.equal(
    await overview.goalLine(RUS, "RUS 3 Kompetensförsörjning").locator('[data-testid="served-by"]').textContent(),
    " · Inspel som bidrar: Bredband till hela landsbygden, Högre utbildning och kompetensförsörjning på distans",
  );
  // Undo (Ctrl+Z) takes the link back out; the goal's line follows.
  await new Shell(page, env.server.url).undo();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="served-by"]')].some((e) => e.textContent.includes("Bredband till hela landsbygden, Högre")));
  assert.deepEqual(errors, []);
  await context.close();
});

// Above 40 goals the reveal draws the whole matrix as an overview (one path per value class)
// and the cells as a table of one 20 × 20 page; a tap on the overview, or Nästa, pages it.
test("a 60-goal matrix: the overview, a paged heat table, a tap moves the page; axe", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vagval-heat-"));
  const file = join(dir, "matris-60.json");
  execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "demo", "-o", file, "--goals", "60", "--raters", "2"], { cwd: ROOT });
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await mergeFile(page, env.server.url, file, { timeout: 60_000, saveTimeout: 30_000 });
  const m = new MatrixPage(page, env.server.url);
  await m.open(LARGE_MATRIX);
  await m.openReveal();
  await m.toggleReveal();
  const overview = page.locator('[data-testid="heat-overview"]');
  await overview.waitFor();
  // Every class the two raters' medians reach is one path, not a rectangle per cell.
  const paths = await overview.locator("svg path:not(.ov-flag)").count();
  assert.ok(paths >= 2 && paths <= 8, `${paths} class paths`);
  // 3 × 3 pages of 20.
  assert.equal(await overview.locator('[data-testid="overview-block"]').count(), 9);
  const rows = () => m.heat.locator("tbody tr").count();
  const firstRow = () => m.heat.locator("tbody tr th").first().textContent();
  const paging = page.locator('[data-testid="reveal"] [data-testid="grid-paging"]');
  assert.equal(await rows(), 20);
  assert.match(await paging.textContent(), /Rader 1–20 av 60/);
  const top = await firstRow();
  // The middle block of the bottom row: rows 41–60, columns 21–40.
  await overview.locator('[data-testid="overview-block"]').nth(7).click();
  await page.waitForFunction(() => /Rader 41–60 av 60.*Kolumner 21–40 av 60/.test(document.querySelector('[data-testid="reveal"] [data-testid="grid-paging"]').textContent));
  assert.notEqual(await firstRow(), top);
  assert.equal(await page.locator('[data-testid="heat-overview"] .ov-window').getAttribute("x"), "200");
  assert.equal(await page.locator('[data-testid="heat-overview"] .ov-window').getAttribute("y"), "400");
  // The keyboard path: Föregående on the rows goes back a page.
  await paging.getByRole("button", { name: "Föregående" }).first().press("Enter");
  await page.waitForFunction(() => /Rader 21–40 av 60/.test(document.querySelector('[data-testid="reveal"] [data-testid="grid-paging"]').textContent));
  await page.screenshot({ path: join(OUT, "heat-overview-laptop.png"), fullPage: false });
  await violations(page, "sv: heat overview");
  await new Shell(page, env.server.url).switchLanguage("en");
  await page.waitForFunction(() => /Rows 21–40 of 60/.test(document.querySelector('[data-testid="reveal"] [data-testid="grid-paging"]').textContent));
  await violations(page, "en: heat overview");
  assert.deepEqual(errors, []);
  await context.close();
});
