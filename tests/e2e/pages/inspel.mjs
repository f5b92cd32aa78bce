// Inspel & prioritering (/inspel): the form for a new inspel, the virtualised list with its
// search, filters, sort and marking, the editor with its merge panel, and the CSV import.
import { ready } from "../harness.mjs";

export class InspelPage {
  static path = "/inspel";

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.list = page.locator('[data-testid="inspel-list"]');
    this.rows = page.locator('[data-testid="inspel-list"] li');
    this.heading = page.locator("#inspel-list-heading");
    this.scroller = page.locator('[data-testid="inspel-scroller"]');
    this.editor = page.locator('[data-testid="inspel-editor"]');
    this.markedCount = page.locator('[data-testid="marked-count"]');
    this.bulkApply = page.locator('[data-testid="bulk-apply"]');
    this.mergePanel = page.locator('[data-testid="merge-panel"]');
    this.originals = page.locator('[data-testid="originals"]');
    this.csvPreview = page.locator('[data-testid="csv-preview"]');
    this.csvErrors = page.locator('[data-testid="csv-errors"] li');
    this.csvConfirm = page.locator('[data-testid="csv-confirm"]');
    this.csvDone = page.locator('[data-testid="csv-done"]');
    this.goalLinks = page.locator('[data-testid="goal-link"]');
  }

  /** In the open editor: opens the goal set `set` and ticks (or unticks) the goal `goal`. */
  async linkGoal(set, goal, on = true) {
    const group = this.page.locator('[data-testid="goal-links"] details.goal-set', { hasText: set });
    if (!(await group.evaluate((d) => d.open))) await group.locator("summary").click();
    const box = group.locator("label.choice", { hasText: goal }).locator("input");
    await (on ? box.check() : box.uncheck());
  }

  /** Loads /inspel and waits for the app. */
  async open() {
    await this.page.goto(this.origin + InspelPage.path);
    await ready(this.page);
  }

  /** Adds an inspel through the form. */
  async add(title) {
    await this.page.fill("#new-inspel-title", title);
    await this.page.click('[data-testid="add-inspel"]');
  }

  /** Waits until the list has rows (after an in-app navigation to it). */
  shown() {
    return this.rows.first().waitFor();
  }

  /** The row showing `title`. */
  row(title) {
    return this.rows.filter({ hasText: title });
  }

  /** The row at list position `n` (1-based, `aria-posinset`). */
  rowAt(n) {
    return this.page.locator(`[data-testid="inspel-list"] li[aria-posinset="${n}"]`);
  }

  /** The titles of the rows in the DOM, in list order. */
  titles() {
    return this.page.$$eval('[data-testid="inspel-list"] li .title', (els) => els.map((e) => e.textContent));
  }

  /** The titles of the rows in the DOM, sorted. */
  sortedTitles() {
    return this.page.$$eval('[data-testid="inspel-list"] .title', (els) => els.map((e) => e.textContent).sort());
  }

  /** The rows' meta lines (municipality · stage …), in list order. */
  metas() {
    return this.page.$$eval('[data-testid="inspel-list"] .meta', (els) => els.map((e) => e.textContent));
  }

  async headingText() {
    return this.heading.textContent();
  }

  /** The number the heading starts with ("12 inspel", "3 av 5000 inspel"). */
  async headingCount() {
    return Number((await this.heading.textContent()).split(" ")[0]);
  }

  /** Waits until the heading matches `re` (a list narrowed or grown). */
  headingMatches(re) {
    return this.page.waitForFunction((src) => new RegExp(src).test(document.getElementById("inspel-list-heading")?.textContent ?? ""), re.source);
  }

  /** Waits until the heading starts (or, with `not`, no longer starts) with "`n` av". */
  headingStartsWith(n, { not = false } = {}) {
    return this.page.waitForFunction(([k, neg]) => document.getElementById("inspel-list-heading").textContent.startsWith(`${k} av`) !== neg, [n, not]);
  }

  /** Waits until exactly `n` rows are in the DOM. */
  rowCount(n) {
    return this.page.waitForFunction((k) => document.querySelectorAll('[data-testid="inspel-list"] li').length === k, n);
  }

  /** Waits until the first row's title contains `text`. */
  firstTitleIncludes(text) {
    return this.page.waitForFunction((t) => document.querySelector('[data-testid="inspel-list"] .title')?.textContent.includes(t), text);
  }

  /** Waits until the first row's meta line starts with `text`. */
  firstMetaStartsWith(text) {
    return this.page.waitForFunction((t) => document.querySelector('[data-testid="inspel-list"] .meta')?.textContent.startsWith(t), text);
  }

  /** Waits until a row showing `title` has `stage` in its meta line. */
  rowShowsStage(title, stage) {
    return this.page.waitForFunction(([t, s]) => [...document.querySelectorAll('[data-testid="inspel-list"] li')].some((li) => li.textContent.includes(t) && li.querySelector(".meta").textContent.includes(s)), [title, stage]);
  }

  /** Waits until no shown row is marked. */
  noneMarked() {
    return this.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="inspel-list"] .mark input')].every((e) => !e.checked));
  }

  search(text) {
    return this.page.fill("#inspel-search", text);
  }

  /** Filters by municipality: a label ("Berg"), or "" for all. */
  filterMunicipality(label) {
    return this.page.selectOption("#filter-municipality", label ? { label } : "");
  }

  /** Filters by stage: a label ("Prioriterat"), or "" for all. */
  filterStatus(label) {
    return this.page.selectOption("#filter-status", label ? { label } : "");
  }

  sort(value) {
    return this.page.selectOption("#inspel-sort", value);
  }

  /** Sets the list's scroll position (0 or the end) directly. */
  scrollTo(where) {
    return this.scroller.evaluate((el, w) => { el.scrollTop = w === "end" ? el.scrollHeight : 0; }, where);
  }

  /** Opens the editor of the first row showing `title` (or of the first row). */
  async edit(title) {
    const row = title ? `[data-testid="inspel-list"] li:has-text("${title}")` : '[data-testid="inspel-list"] li';
    await this.page.click(`${row} button:has-text("Ändra")`);
  }

  /** Sets a field in the open editor (`#edit-<field>`) and leaves it, so it is committed. */
  async editField(field, value) {
    await this.page.fill(`#edit-${field}`, value);
    await this.page.locator(`#edit-${field}`).blur();
  }

  markAll() {
    return this.page.check('[data-testid="mark-all"]');
  }

  unmarkAll() {
    return this.page.click('button:has-text("Avmarkera alla")');
  }

  /** Marks the row showing `title`. */
  mark(title) {
    return this.row(title).locator(".mark input").check();
  }

  /** The checked state of every shown row's mark box. */
  marks() {
    return this.page.$$eval('[data-testid="inspel-list"] .mark input', (els) => els.map((e) => e.checked));
  }

  /** Moves the marked rows to the stage labelled `label` ("Sätt status"). */
  async bulkStatus(label) {
    await this.page.selectOption("#bulk-status", { label });
    await this.bulkApply.click();
  }

  /** In the open editor: marks the first inspel that `search` finds as a duplicate and merges. */
  async mergeWith(search) {
    await this.page.fill("#merge-search", search);
    await this.mergePanel.locator(".check-list input").first().check();
  }

  confirmMerge() {
    return this.page.click('[data-testid="merge-confirm"]');
  }

  split() {
    return this.page.click('[data-testid="split"]');
  }

  /** Picks a CSV file and waits for its preview. */
  async pickCsv(file) {
    await this.page.setInputFiles('[data-testid="csv-input"]', file);
    await this.csvPreview.waitFor();
  }

  /**
   * Maps CSV column `c` to the field with option value `value` ("" ignores the column) and
   * waits until the preview has been drawn again with that mapping.
   */
  async mapCsvColumn(c, value) {
    await this.page.selectOption(`#csv-col-${c}`, value);
    await this.page.locator(`#csv-col-${c} option[value="${value}"][selected]`).waitFor({ state: "attached" });
  }

  async confirmCsv() {
    await this.csvConfirm.click();
    await this.csvDone.waitFor();
  }
}
