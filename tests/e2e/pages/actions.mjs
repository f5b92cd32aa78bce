// The action areas' pages: the effect-chain editor, the activity plan, an indicator and a
// project.
export class Chain {
  /** @param {import("playwright-core").Page} page */
  constructor(page) {
    this.page = page;
    this.diagram = page.locator('[data-testid="chain-diagram"]');
    this.problems = page.locator('[data-testid="chain-problems"]');
    this.ok = page.locator('[data-testid="chain-ok"]');
    this.status = page.locator('[data-testid="status"]');
    this.rows = page.locator('[data-testid="chain-row"]');
  }

  node(title) {
    return this.page.locator(`[data-testid="chain-node"][data-title="${title}"]`);
  }

  /** Adds a node by the form: its text and its level (the select's visible label). */
  async add(title, level, { keyboard = false } = {}) {
    const before = await this.page.locator('[data-testid="chain-node"]').count();
    if (keyboard) {
      await this.page.focus("#new-node");
      await this.page.keyboard.type(title);
      await this.page.focus("#new-node-level");
      await this.page.selectOption("#new-node-level", { label: level });
      await this.page.focus("#new-node");
      await this.page.keyboard.press("Enter");
    } else {
      await this.page.fill("#new-node", title);
      await this.page.selectOption("#new-node-level", { label: level });
      await this.page.locator('[data-testid="add-node"]').tap();
    }
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="chain-node"]').length === n + 1, before);
    await this.node(title).waitFor();
  }

  /** The problems listed beside the diagram, as one text ("" when there are none). */
  async problemText() {
    return (await this.problems.count()) ? this.problems.textContent() : "";
  }

  /** The level the table gives `title`. */
  async levelOf(title) {
    const row = this.rows.filter({ has: this.page.locator("th", { hasText: title }) });
    return row.locator("td").first().textContent();
  }

  /** A touch drag of node `title` by (dx, dy) screen pixels, over the DevTools protocol. */
  async touchDrag(title, dx, dy) {
    await this.node(title).scrollIntoViewIfNeeded();
    const box = await this.node(title).locator("rect").boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + (dx * i) / 8, y: y + (dy * i) / 8 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  }

  /** A tap on node `title` (a touch press and release in place). */
  async tap(title) {
    await this.node(title).scrollIntoViewIfNeeded();
    const box = await this.node(title).locator("rect").boundingBox();
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  }
}
