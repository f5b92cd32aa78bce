// Målkonflikter (/malkonflikter): the overview (goal sets and their goals, matrices, cases and
// the forms that create them), one matrix (silent scoring by keyboard or touch, the reveal with
// its value matrix, discussion queue and consensus, the analysis, CSV and print) and one case
// (its matrix, the goals it advances or hinders, the check and the memo paragraph).
import { download, ready } from "../harness.mjs";

/** The demo workspace's revealed matrix (four raters over the nine RUS priorities). */
export const DEMO_MATRIX = "6a1e0c55-3b7d-4e2a-9c41-5d8f2e700100";
/** The demo workspace's case. */
export const DEMO_CASE = "6a1e0c55-3b7d-4e2a-9c41-5d8f2e700200";

/** What `#set-source` offers, by index. */
export const SOURCE = { agenda2030: 0, dimensions: 1, custom: 2 };

/** A set's summary line, "name (n mål)", as a pattern. */
function setSummary(name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped} \\(`);
}

export class ConflictsPage {
  static path = "/malkonflikter";

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.matrices = page.locator('[data-testid="matrices"]');
    this.matrixLinks = page.locator('[data-testid="matrix-link"]');
    this.cases = page.locator('[data-testid="cases"]');
    this.caseLinks = page.locator('[data-testid="case-link"]');
    this.goalSets = page.locator('[data-testid="goal-sets"]');
    this.setSummaries = page.locator('[data-testid="goal-sets"] details.goal-set summary');
  }

  /** The overview's line of `goal` in the set `set` (its "Inspel som bidrar", if any). */
  goalLine(set, goal) {
    const summary = this.page.locator("summary", { hasText: setSummary(set) });
    return this.goalSets.locator("details.goal-set", { has: summary }).locator("li", { hasText: goal });
  }

  /** Loads the overview and waits for the app. */
  async open() {
    await this.page.goto(this.origin + ConflictsPage.path);
    await ready(this.page);
    await this.matrices.waitFor();
  }

  /** In-app navigation (no reload) by the module's nav link; resolves on the overview. */
  async goTo() {
    await this.page.click(`.module-nav a[href="${ConflictsPage.path}"]`);
    await this.matrices.waitFor();
  }

  /** The summary line ("name (n mål)") of the set called `name`. */
  set(name) {
    return this.setSummaries.filter({ hasText: setSummary(name) });
  }

  /**
   * "Ny måluppsättning" from `source` (an index of SOURCE) named `name`; resolves once the set
   * is listed.
   */
  async createSet({ source, name }) {
    await this.page.selectOption("#set-source", String(source));
    await this.page.fill("#set-name", name);
    await this.page.click('[data-testid="create-set"]');
    await this.set(name).waitFor();
  }

  /** "Lägg till mål" in the set labelled `set`; waits for nothing. */
  async addGoal({ set, code, name }) {
    await this.page.selectOption("#goal-set", { label: set });
    await this.page.fill("#goal-code", code);
    await this.page.fill("#goal-name", name);
    await this.page.click('[data-testid="add-goal"]');
  }

  /**
   * "Ny matris" named `name` over the set labelled `set`; resolves on the new matrix's page with
   * its id.
   */
  async createMatrix({ name, set }) {
    await this.chooseMatrixSet(set);
    return this.submitMatrix(name);
  }

  /** Picks the set labelled `set` in the new-matrix form. */
  chooseMatrixSet(set) {
    return this.page.selectOption("#matrix-set", { label: set });
  }

  /** The label of the set the new-matrix form shows as chosen. */
  chosenMatrixSet() {
    return this.page.$eval("#matrix-set", (s) => s.selectedOptions[0]?.textContent ?? "");
  }

  /** Names the matrix and submits the form as it stands; resolves on the new matrix with its id. */
  async submitMatrix(name) {
    await this.page.fill("#matrix-name", name);
    await this.page.click('[data-testid="create-matrix"]');
    await this.page.waitForFunction(() => location.pathname.startsWith("/malkonflikter/matris/"));
    await this.page.locator('[data-testid="matrix-name"]').waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split("/").pop());
  }

  /** In-app navigation to the matrix named `name` from the list; resolves on its page. */
  async openMatrix(name) {
    await this.matrixLinks.filter({ hasText: name }).click();
    await this.page.locator('[data-testid="matrix-name"]').waitFor();
  }

  /** The list line of the matrix named `name` (name, progress, raters). */
  matrixLine(name) {
    return this.matrices.locator("li").filter({ has: this.matrixLinks.filter({ hasText: name }) });
  }

  /** "Nytt ärende"; resolves on the new case's page with its id. */
  async createCase({ title, diary }) {
    await this.page.fill("#case-title", title);
    if (diary !== undefined) await this.page.fill("#case-diary", diary);
    await this.page.click('[data-testid="create-case"]');
    await this.page.waitForFunction(() => location.pathname.startsWith("/malkonflikter/arende/"));
    await this.page.locator('[data-testid="case-heading"]').waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split("/").pop());
  }
}

/**
 * One matrix (/malkonflikter/matris/<id>). `touch: true` taps where a mouse would click; the
 * keyboard helpers send keys to whatever has focus, as a keyboard user would.
 */
export class MatrixPage {
  constructor(page, origin, { touch = false } = {}) {
    this.page = page;
    this.origin = origin;
    this.touch = touch;
    this.name = page.locator('[data-testid="matrix-name"]');
    this.status = page.locator('[data-testid="matrix-status"]');
    // Score tab.
    this.raterForm = page.locator('[data-testid="rater-form"]');
    this.raterName = page.locator("#rater-name");
    this.startButton = page.locator('[data-testid="start-scoring"]');
    this.progress = page.locator('[data-testid="score-progress"]');
    this.grid = page.locator('[data-testid="score-grid"]');
    this.cells = page.locator('[data-testid="score-cell"]');
    this.picker = page.locator('[data-testid="score-picker"]');
    this.scaleButtons = page.locator('[data-testid="scale-btn"]');
    this.rationale = page.locator("#cell-rationale");
    this.confidence = page.locator("#cell-confidence");
    this.handOverButton = page.locator('[data-testid="hand-over"]');
    this.scoreError = page.locator('[data-testid="score"] .field-error:not(:empty)');
    // Reveal tab.
    this.revealToggle = page.locator('[data-testid="reveal-toggle"]');
    this.raterProgress = page.locator('[data-testid="rater-progress"] li');
    this.heat = page.locator('[data-testid="heat"]');
    this.heatCells = page.locator('[data-testid="heat-cell"]');
    this.queue = page.locator('[data-testid="queue"]');
    this.queueItems = page.locator('[data-testid="queue-item"]');
    this.agreedItems = page.locator('[data-testid="agreed-item"]');
    // Analysis tab.
    this.analysis = page.locator('[data-testid="analysis"]');
    this.coverage = page.locator('[data-testid="coverage"]');
    this.measures = page.locator('[data-testid="measures"]');
    this.measureRows = page.locator('[data-testid="measure-row"]');
    this.negativePaths = page.locator('[data-testid="negative-paths"] li');
    this.hidden = page.locator('[data-testid="hidden"]');
    this.hiddenRows = page.locator('[data-testid="hidden-row"]');
    this.sensitivity = page.locator('[data-testid="sensitivity"]');
    this.pairsStatus = page.locator('[data-testid="pairs-status"]');
    this.pairsFlagged = page.locator('[data-testid="pairs-flagged"]');
    this.pairsEvery = page.locator('[data-testid="pairs-every"]');
    this.pairsTouching = page.locator('[data-testid="pairs-touching"]');
    this.pairGoals = page.locator('[data-testid="pair-goal"]');
    this.network = page.locator('[data-testid="network"]');
    this.networkLines = page.locator('[data-testid="network"] line.edge');
    this.networkRows = page.locator('[data-testid="network-edge"]');
    this.networkStrength = page.locator("#network-strength");
  }

  /** The network table's value column (the arrows' signed values). */
  networkValues() {
    return this.networkRows.locator("td:nth-child(3)").allTextContents();
  }

  static path(id) {
    return `/malkonflikter/matris/${id}`;
  }

  /** Loads matrix `id` and waits for its heading. */
  async open(id) {
    await this.page.goto(this.origin + MatrixPage.path(id));
    await ready(this.page);
    await this.name.waitFor();
  }

  /** A tap or a click, as the device is used. */
  press(target) {
    const l = typeof target === "string" ? this.page.locator(target) : target;
    return this.touch ? l.tap() : l.click();
  }

  /** Clicks (taps) the tab `name`: "score", "reveal" or "analysis". */
  tab(name) {
    return this.press(this.page.locator(`[data-testid="tab-${name}"]`));
  }

  /** The analysis tab, once its tables are drawn. */
  async openAnalysis() {
    await this.tab("analysis");
    await this.measures.waitFor();
  }

  /** The reveal tab, once its rater list is drawn. */
  async openReveal() {
    await this.tab("reveal");
    await this.page.locator('[data-testid="reveal"]').waitFor();
  }

  // --- Scoring by touch or mouse ---

  /** Names the rater and starts scoring (tap or click); resolves on the grid. */
  async start(rater) {
    await this.raterName.fill(rater);
    await this.press(this.startButton);
    await this.grid.waitFor();
  }

  /** The score cell at row `i`, column `j`. */
  cell(i, j) {
    return this.page.locator(`#cell-${i}-${j}`);
  }

  /** The picker's button for `value` (−3 … 3). */
  scaleButton(value) {
    return this.page.locator(`[data-testid="scale-btn"][data-value="${value}"]`);
  }

  /** Opens the picker on cell (i, j) by a tap or a click; resolves once it shows that cell. */
  async openPicker(i, j) {
    await this.press(this.cell(i, j));
    await this.picker.waitFor();
  }

  /**
   * Scores cell (i, j) with the picker: opens it, picks `value`, and resolves once the cell
   * shows it (the picker stays open). `rationale` is typed and committed by leaving the field.
   */
  async score(i, j, value, { rationale } = {}) {
    await this.openPicker(i, j);
    await this.press(this.scaleButton(value));
    await this.cellShows(i, j, value);
    if (rationale !== undefined) {
      await this.rationale.fill(rationale);
      await this.rationale.blur();
    }
  }

  /** "Stäng" on the picker; resolves once it is gone. */
  async closePicker() {
    await this.press('[data-testid="close-picker"]');
    await this.picker.waitFor({ state: "detached" });
  }

  /** "Rensa" on the picker. */
  clearCell() {
    return this.press('[data-testid="clear-cell"]');
  }

  /** Waits until cell (i, j) shows `value` as the app writes it ("+2", "0", "−1"; null: empty). */
  cellShows(i, j, value) {
    return this.page.waitForFunction(
      ([id, text]) => document.getElementById(id)?.textContent === text,
      [`cell-${i}-${j}`, signed(value)],
    );
  }

  /** "Lämna över": the next rater gets an empty form. */
  async handOver() {
    await this.press(this.handOverButton);
    await this.raterForm.waitFor();
  }

  // --- Scoring by keyboard only ---

  /** The focused element's id (or data-testid). */
  focused() {
    return this.page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset?.testid || "");
  }

  /**
   * Presses Tab until the focused element matches `selector` (at most `max` presses); throws
   * with what has focus if it never does.
   */
  async tabTo(selector, max = 60) {
    for (let n = 0; n < max; n++) {
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return n;
      await this.page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${selector}; focus on ${await this.focused()}`);
  }

  /** Keyboard only: Tab to the rater field, type the name, Enter; then Tab into the grid. */
  async startByKeyboard(rater) {
    await this.tabTo("#rater-name");
    await this.page.keyboard.type(rater);
    await this.page.keyboard.press("Enter");
    await this.grid.waitFor();
    return this.tabTo('[data-testid="score-cell"]');
  }

  /** Presses `keys` in order on what has focus. */
  async keys(...keys) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Waits until cell (i, j) has focus (the grid's roving focus lands a frame after a move). */
  waitForFocus(i, j) {
    return this.page.waitForFunction((id) => document.activeElement?.id === id, `cell-${i}-${j}`);
  }

  /** Presses an arrow key and waits until the focus is on cell (i, j). */
  async arrow(key, i, j) {
    await this.page.keyboard.press(key);
    await this.waitForFocus(i, j);
  }

  /** The cells with tabindex 0 (the roving tab stop), as ids. */
  tabStops() {
    return this.page.$$eval('[data-testid="score-cell"][tabindex="0"]', (els) => els.map((e) => e.id));
  }

  /** Every score cell's text, by id. */
  cellTexts() {
    return this.page.$$eval('[data-testid="score-cell"]', (els) => Object.fromEntries(els.map((e) => [e.id, e.textContent])));
  }

  // --- Reveal ---

  /** "Visa bedömningarna" (or back to silent scoring); resolves once the status says `revealed`. */
  async toggleReveal(revealed = true) {
    await this.press(this.revealToggle);
    if (revealed) await this.heat.waitFor();
    else await this.heat.waitFor({ state: "detached" });
  }

  /** The heat cells as `{ text, flagged }`, row by row. */
  heatValues() {
    return this.heatCells.evaluateAll((els) => els.map((e) => ({ text: e.textContent, flagged: e.dataset.flagged === "true" })));
  }

  /** The queue item whose heading is `from → to` (labels as shown). */
  queueItem(from, to) {
    return this.queueItems.filter({ has: this.page.locator("strong", { hasText: `${from} → ${to}` }) });
  }

  /** Sets the consensus `value` on the queue item `item` (a locator) and saves it. */
  async setConsensus(item, value) {
    await item.locator('[data-testid="consensus-value"]').selectOption(String(value));
    await this.press(item.locator('[data-testid="save-consensus"]'));
  }

  /** The measures table's cells, row by row (rank, goal, out, in, net +, net −, …). */
  measureCells() {
    return this.measureRows.evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  }

  /** The hidden trade-offs' cells, row by row (pair, first order, second order, via). */
  hiddenCells() {
    return this.hiddenRows.evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  }

  // --- CSV and print ---

  /** "CSV: bedömningar"; returns the download. */
  csvScores() {
    return download(this.page, '[data-testid="csv-scores"]');
  }

  /** "CSV: resultat"; returns the download. */
  csvResults() {
    return download(this.page, '[data-testid="csv-results"]');
  }
}

/** A score as the app writes it: "+2", "0", "−1" (real minus), "" for none. */
export function signed(v) {
  if (v === null || v === undefined) return "";
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : "0";
}

/** One case (/malkonflikter/arende/<id>). */
export class CasePage {
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.heading = page.locator('[data-testid="case-heading"]');
    this.matrix = page.locator("#case-matrix");
    this.effects = page.locator('[data-testid="effect"]');
    this.check = page.locator('[data-testid="case-check"]');
    this.direct = page.locator('[data-testid="direct"] li');
    this.indirect = page.locator('[data-testid="indirect"] li');
    this.synergies = page.locator('[data-testid="synergies"] li');
    this.memo = page.locator('[data-testid="memo-text"]');
    this.memoPrint = page.locator(".memo-print");
    this.printButton = page.locator('[data-testid="print"]');
  }

  static path(id) {
    return `/malkonflikter/arende/${id}`;
  }

  /** Loads case `id` and waits for its heading. */
  async open(id) {
    await this.page.goto(this.origin + CasePage.path(id));
    await ready(this.page);
    await this.heading.waitFor();
  }

  /** Picks the matrix named `name` for the case. */
  chooseMatrix(name) {
    return this.matrix.selectOption({ label: name });
  }

  /** The effect select of the goal labelled `goal` (its label text, e.g. "E Ekonomisk hållbarhet"). */
  effect(goal) {
    return this.page.getByLabel(goal, { exact: true });
  }

  /** Sets the effect on goal `goal`: "advances", "hinders" or "" (none). */
  setEffect(goal, value) {
    return this.effect(goal).selectOption(value);
  }

  /** Waits until the memo field's text contains `text`. */
  waitForMemo(text) {
    return this.page.waitForFunction((t) => document.getElementById("memo-text")?.value.includes(t), text);
  }

  /** Types a memo and commits it by leaving the field. */
  async writeMemo(text) {
    await this.memo.fill(text);
    await this.memo.blur();
  }

  /** "Skriv om förslaget": the memo goes back to the draft. */
  redraft() {
    return this.page.click('[data-testid="redraft"]');
  }
}
