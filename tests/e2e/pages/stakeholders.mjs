// The stakeholder map's pages: the actors (list, new actor, imports, exports), one actor
// (fields, contact person, relations), the network (drag, keyboard), the grid, the classes
// and the metrics.
import { download, ready } from "../harness.mjs";

export const PATHS = {
  actors: "/intressenter",
  network: "/intressenter/natverk",
  grid: "/intressenter/rutnat",
  classes: "/intressenter/klasser",
  metrics: "/intressenter/matt",
};

export class StakeholdersPage {
  /** @param {import("playwright-core").Page} page @param {string} origin */
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.rows = page.locator('[data-testid="actor-row"]');
    this.status = page.locator('[data-testid="status"]');
    this.map = page.locator('[data-testid="map"]');
    this.quadrant = page.locator('[data-testid="quadrant"]');
    this.salience = page.locator('[data-testid="salience"]');
    this.contacts = page.locator('[data-testid="contact"]');
    this.relationRows = page.locator('[data-testid="relation-row"]');
  }

  /** Loads `path` (full page load). */
  async open(path = PATHS.actors) {
    await this.page.goto(this.origin + path);
    await ready(this.page);
    await this.page.locator("article.stakeholders").waitFor();
  }

  /** In-app navigation by the views' tabs. */
  async tab(path) {
    // The tabs, or on an actor's page the link back to the actors.
    await this.page.locator(`article.stakeholders a[href="${path}"]`).first().click();
    await this.page.waitForFunction((p) => location.pathname === p, path);
  }

  /** Adds an actor by the form; waits for its row. */
  async addActor(name, type) {
    await this.page.fill("#actor-name", name);
    if (type) await this.page.selectOption("#actor-type", { label: type });
    await this.page.click('[data-testid="add-actor"]');
    await this.rows.filter({ hasText: name }).waitFor();
  }

  /** Opens an actor's page from the list. */
  async openActor(name) {
    await this.page.locator('[data-testid="actor-link"]', { hasText: name }).first().click();
    await this.page.locator("article.stakeholders h1", { hasText: name }).waitFor();
  }

  /** Sets a score select on the actor page (`a-power`, `a-interest` …). */
  score(id, value) {
    return this.page.selectOption(`#${id}`, { label: String(value) });
  }

  /** Adds a relation from the open actor to `to`. */
  async connect(to, type, weight = 1) {
    await this.page.selectOption("#r-to", { label: to });
    await this.page.selectOption("#r-type", { label: type });
    await this.page.selectOption("#r-weight", { label: String(weight) });
    await this.page.click('[data-testid="connect"]');
    await this.relationRows.filter({ hasText: to }).waitFor();
  }

  /** The network node of actor `name`. */
  node(name) {
    return this.map.locator(`[data-testid="map-actor"][data-name="${name}"]`);
  }

  /** The drawing position of `name` (its translate). */
  async place(name) {
    const t = await this.node(name).getAttribute("transform");
    const m = /translate\((-?\d+) (-?\d+)\)/.exec(t ?? "");
    return m ? [Number(m[1]), Number(m[2])] : null;
  }

  /** Drags `name` by touch (CDP touch events, which Chromium turns into pointer events). */
  async touchDrag(name, dx, dy) {
    const box = await this.node(name).locator("circle").boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + (dx * i) / 8, y: y + (dy * i) / 8 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  }

  /** A download started by the button `testid`. */
  export(testid) {
    return download(this.page, `[data-testid="${testid}"]`);
  }
}
