// Påverkansagendan (/inspel/agenda): its points, the form for a new point, print.
export class AgendaPage {
  static path = "/inspel/agenda";

  constructor(page) {
    this.page = page;
    this.points = page.locator('[data-testid="agenda-points"]');
    this.newPoint = page.locator('[data-testid="new-point"]');
  }

  /** The point whose heading contains `text`. */
  point(text) {
    return this.page.locator(`.agenda-point h2:has-text("${text}")`);
  }

  /**
   * Adds a point by hand: text, owner, the first inspel of the form's list ticked; resolves
   * once the point shows.
   */
  async addPoint(text, owner) {
    await this.page.fill("#point-text", text);
    await this.page.fill("#point-owner", owner);
    await this.newPoint.locator("input[type=checkbox]").first().check();
    await this.page.click('[data-testid="add-point"]');
    await this.point(text).waitFor();
  }
}
