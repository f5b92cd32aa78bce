// Omröstningar (/inspel/omrostningar): the list of rounds and the form that sets one up.
import { ready } from "../harness.mjs";

export class RoundsPage {
  static path = "/inspel/omrostningar";

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.list = page.locator('[data-testid="round-list"]');
  }

  /** Loads the rounds page and waits for the app. */
  async open() {
    await this.page.goto(this.origin + RoundsPage.path);
    await ready(this.page);
  }

  /** In-app navigation (no reload): Inspel, then the "Omröstningar" sub-navigation. */
  async goTo() {
    await this.page.click('a[href="/inspel"]');
    await this.page.click('.sub-nav a[href="/inspel/omrostningar"]');
  }

  /**
   * Fills the set-up form and saves; resolves on the new round's vote tab. Only the options
   * given are touched: `method` ("ranking", "score"; dots by default), `topk`, `atMost`,
   * `capacity` ("top_n" …) with `capacityValue`, `seed`.
   */
  async create({ title, method, topk, atMost, capacity, capacityValue, seed }) {
    await this.page.fill("#round-title", title);
    if (method) await this.page.selectOption("#round-method", method);
    if (topk !== undefined) await this.page.fill("#round-topk", String(topk));
    if (atMost) await this.page.check("#round-at-most");
    if (capacity) await this.page.selectOption("#round-capacity", capacity);
    if (capacityValue !== undefined) await this.page.fill("#round-capacity-value", String(capacityValue));
    if (seed) await this.page.fill("#round-seed", seed);
    await this.page.click('[data-testid="save-round"]');
    await this.page.locator('[data-testid="tab-vote"]').waitFor();
  }

  /** Clicks the round titled (in part) `title` in the list; waits for nothing. */
  pick(title) {
    return this.page.click(`[data-testid="round-list"] a:has-text("${title}")`);
  }

  /** In-app navigation to the round titled (in part) `title`; resolves on its vote tab. */
  async openRound(title) {
    await this.goTo();
    await this.pick(title);
    await this.page.locator('[data-testid="tab-vote"]').waitFor();
  }
}
