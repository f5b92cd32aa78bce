// Hållbarhetssäkring (/hallbarhetssakring): the applications, one application with its
// assessments, an assessment answered, its memo.
export class ProofingPage {
  static path = "/hallbarhetssakring";

  constructor(page) {
    this.page = page;
    this.rows = page.locator('[data-testid="case-row"]');
    this.verdict = page.locator('[data-testid="verdict"]');
    this.flags = page.locator('[data-testid="flag"]');
    this.error = page.locator('[data-testid="error"]');
  }

  /** The row of the application whose title has `title`. */
  row(title) {
    return this.rows.filter({ hasText: title });
  }

  /** From the list: opens the application `title`. */
  async openApplication(title) {
    await this.row(title).locator('[data-testid="application-link"]').click();
    await this.page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  }

  /** On an application: begins an assessment by `assessor`; waits for its form. */
  async begin(assessor) {
    await this.page.fill("#assessor", assessor);
    await this.page.locator('[data-testid="begin"]').click();
    await this.page.waitForURL(/\/hallbarhetssakring\/bedomning\//);
    await this.page.locator("#formal-0").waitFor();
  }

  /**
   * Answers every question: each formal and regional requirement met, each DNSH objective
   * screened out with a reason, the horizontal conditions as `horizontal` (three triples), the
   * scores as `scores`. Each answer is stored as it is given.
   */
  async answer({ scores, horizontal = [[true, true, true], [true, true, true], [true, true, false]] }) {
    const p = this.page;
    for (const id of ["#formal-0", "#formal-1", "#regional-0"]) await p.selectOption(id, "1");
    for (let k = 0; k < 6; k++) {
      await p.selectOption(`#dnsh-${k}`, "1");
      await p.fill(`#dnsh-why-${k}`, "Ingen eller obetydlig förutsebar påverkan (a)");
      await p.locator(`#dnsh-why-${k}`).blur();
    }
    for (let k = 0; k < 3; k++) {
      for (let c = 0; c < 3; c++) await p.locator(`#hz-${k}-${c}`).setChecked(horizontal[k][c]);
    }
    for (let k = 0; k < scores.length; k++) await p.selectOption(`#score-${k}`, String(scores[k]));
  }

  /** Comments every flag with `text`. */
  async commentFlags(text) {
    const n = await this.flags.count();
    for (let k = 0; k < n; k++) {
      await this.page.fill(`#flag-${k}`, text);
      await this.page.locator(`#flag-${k}`).blur();
    }
  }
}
