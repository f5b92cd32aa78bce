// A round's results tab: the table, the facts line, the method comparison, ballots not
// counted, the breakdown by municipality, the capacity decision, the top-N override, the
// certificate, "Till agendan" and the projector view.
import { download } from "../harness.mjs";

export class Results {
  constructor(page) {
    this.page = page;
    this.table = page.locator('[data-testid="results-table"]');
    this.rows = page.locator('[data-testid="results-table"] tbody tr');
    this.selectedRows = page.locator('[data-testid="results-table"] tr.selected');
    this.facts = page.locator('[data-testid="result-facts"]');
    this.comparisonRows = page.locator('[data-testid="comparison"] tbody tr');
    this.chart = page.locator("svg[role=img]");
    this.notCounted = page.locator('[data-testid="not-counted"]');
    this.breakdown = page.locator('[data-testid="breakdown"]');
    this.selectionBoxes = page.locator('[data-testid="selection"] .check-list input[type=checkbox]');
    this.selectionInputs = page.locator('[data-testid="selection"] .check-list input');
    this.overrideError = page.locator("#override-error");
    this.overrideLog = page.locator('[data-testid="override-log"]');
    this.overrideStale = page.locator('[data-testid="override-stale"]');
    this.capacityDecided = page.locator('[data-testid="capacity-decided"]');
    this.decisionError = page.locator("#decision-error");
  }

  /** Writes a reason for the override and saves it (the selection is changed by the caller). */
  async override(reason) {
    await this.page.fill("#override-reason", reason);
    await this.page.click('[data-testid="save-override"]');
  }

  /** Confirms a stale override for the new result. */
  confirmOverride() {
    return this.page.click('[data-testid="override-confirm"]');
  }

  /**
   * The capacity decided after the vote and "Spara beslutet": `kind` ("top_n") with `value`,
   * `who` decided; only the fields given are touched.
   */
  async decideCapacity({ kind, value, who }) {
    if (kind) await this.page.selectOption("#decision-capacity", kind);
    if (value !== undefined) await this.page.fill("#decision-capacity-value", String(value));
    if (who) await this.page.fill("#decision-who", who);
    await this.page.click('[data-testid="capacity-save"]');
  }

  /** "Ladda ner intyg"; returns the download. */
  certificate() {
    return download(this.page, '[data-testid="download-cert"]');
  }

  /** "Till agendan": the selected items go to the agenda (the agenda page opens). */
  toAgenda() {
    return this.page.click('[data-testid="to-agenda"]');
  }

  /** The projector view; resolves once the page is in it. */
  async projector() {
    await this.page.click('button:has-text("Projektorvy")');
    await this.page.waitForFunction(() => document.documentElement.classList.contains("projector"));
  }
}
