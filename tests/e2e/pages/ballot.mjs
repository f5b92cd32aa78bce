// The ballot on a round's vote tab (also participant mode's): the participant's code and
// municipality, the pool and the ranking (tap, drag by touch, keyboard), dots and their budget,
// scores, submit and the hand-over screen. `touch: true` taps where a mouse would click.
export class Ballot {
  constructor(page, { touch = false } = {}) {
    this.page = page;
    this.touch = touch;
    this.participant = page.locator("#tablet-participant");
    this.pool = page.locator('[data-testid="pool"] li');
    this.rankedRows = page.locator('[data-testid="ranked"] li');
    this.ranked = page.locator('[data-testid="ranked"] li .title');
    this.remaining = page.locator('[data-testid="remaining"]');
    this.items = page.locator(".ballot-item .item-tap");
    this.counts = page.locator(".ballot-item .count");
    this.submitButton = page.locator('[data-testid="tablet-submit"]');
    this.handOverButton = page.locator('[data-testid="tablet-hand-over"]');
  }

  /** A tap or a click, as the device is used. */
  press(target) {
    const l = typeof target === "string" ? this.page.locator(target) : target;
    return this.touch ? l.tap() : l.click();
  }

  /** Enters the participant's code (and municipality) and starts the ballot. */
  async start(who, { municipality } = {}) {
    await this.participant.fill(who);
    if (municipality) await this.page.selectOption("#tablet-municipality", municipality);
    await this.press('[data-testid="tablet-start"]');
  }

  /** Puts the pool's items at `indices` into the ranking, in that order (each moves out of the pool). */
  async rankFromPool(indices) {
    for (const n of indices) await this.press(this.pool.nth(n).locator("button"));
  }

  /** Puts the pool's first `n` items into the ranking. */
  async rankFirst(n) {
    const buttons = this.page.locator('[data-testid="pool"] li button');
    for (let i = 0; i < n; i++) await this.press(buttons.nth(i));
  }

  /**
   * Drags the ranked row `from` by its handle onto row `to` with a synthesised touch gesture
   * (DevTools protocol: start, eight moves, end).
   */
  async dragByTouch(context, from, to) {
    const cdp = await context.newCDPSession(this.page);
    const a = await this.rankedRows.nth(from).locator(".handle").boundingBox();
    const b = await this.rankedRows.nth(to).boundingBox();
    const x = a.x + a.width / 2;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: a.y + a.height / 2 }] });
    for (let i = 1; i <= 8; i++) {
      const y = a.y + a.height / 2 + ((b.y + 8 - (a.y + a.height / 2)) * i) / 8;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  }

  /** A dot on item `n` (tap or click). */
  dot(n) {
    return this.press(this.items.nth(n));
  }

  /** Picks grade `grade` for the first item of a score ballot. */
  scoreFirst(grade) {
    return this.page.locator(".choices").first().locator(`label.pill:has-text("${grade}")`).first().click();
  }

  /** Submits (tap or click) and waits for the hand-over screen. */
  async submit() {
    await this.press(this.submitButton);
    await this.handedOver();
  }

  /** Waits for the hand-over screen after a submit; if it does not come, says what the page shows. */
  async handedOver() {
    try {
      await this.handOverButton.waitFor({ timeout: 15_000 });
    } catch (e) {
      const alerts = await this.page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent.trim()).filter(Boolean));
      const focus = await this.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
      throw new Error(`no hand-over after submit; alerts ${JSON.stringify(alerts)}; focus ${focus}; ${e.message}`);
    }
  }

  /** "Lämna över": clears the ballot for the next participant. */
  handOver() {
    return this.press(this.handOverButton);
  }

  /** A whole ranking ballot: `who` ranks the first `n` items, submits, hands over. */
  async rankBallot(who, n) {
    await this.start(who);
    await this.rankFirst(n);
    await this.submit();
    await this.handOver();
  }

  /** A whole dot ballot: `who` gives one dot each to the first two items and submits (no hand-over). */
  async dotBallot(who) {
    await this.start(who);
    await this.dot(0);
    await this.dot(1);
    await this.submit();
  }

  /** A whole score ballot: `who` gives the first item `grade`, submits, hands over. */
  async scoreBallot(who, grade) {
    await this.start(who);
    await this.scoreFirst(grade);
    await this.submit();
    await this.handOver();
  }
}
