// The app shell around every page: the module navigation (the app's routes, read from what it
// renders), the heading, the language switch, undo/redo, the save indicator, the workspace
// name and the banners.
import { download, ready, saved } from "../harness.mjs";

export class Shell {
  /** @param {import("playwright-core").Page} page @param {string} origin the server's URL */
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.nav = page.locator(".module-nav");
    this.navLinks = page.locator(".module-nav a");
    this.current = page.locator('.module-nav a[aria-current="page"]');
    this.heading = page.locator("main h1");
    this.saveState = page.locator('[data-testid="save-state"]');
    this.workspaceName = page.locator('[data-testid="workspace-name"]');
    this.storageBanner = page.locator('[data-testid="storage-banner"]');
    this.restoredBanner = page.locator('[data-testid="restored-banner"]');
    this.homeScreenBanner = page.locator('[data-testid="home-screen-banner"]');
    this.updateBanner = page.locator('[data-testid="update-banner"]');
    this.recovery = page.locator('[data-testid="recovery"]');
  }

  /** Loads `path` (a full page load) and waits for the app; `ready`'s options pass through. */
  async open(path, options) {
    await this.page.goto(this.origin + path);
    await ready(this.page, options);
  }

  /** Reloads and waits for the app. */
  async reload(options) {
    await this.page.reload();
    await ready(this.page, options);
  }

  /** The routes as the navigation renders them, in order: `[{ path, label }]`. */
  routes() {
    return this.page.$$eval(".module-nav a[href]", (as) =>
      as.map((a) => ({ path: a.getAttribute("href"), label: a.textContent })));
  }

  /** In-app navigation (no reload) by the nav link to `path`. */
  go(path) {
    return this.page.click(`.module-nav a[href="${path}"]`);
  }

  /** In-app navigation by the nav link's text; resolves once the address is `path`. */
  async goByLabel(label, path) {
    await this.navLinks.filter({ hasText: label }).first().click();
    await this.page.waitForFunction((p) => location.pathname === p, path);
  }

  async headingText() {
    return this.heading.textContent();
  }

  lang() {
    return this.page.getAttribute("html", "lang");
  }

  /** Clicks the header's language switch and waits until the page is in `lang`. */
  async switchLanguage(lang) {
    await this.page.click('[data-testid="lang-switch"]');
    await this.page.waitForSelector(`html[lang="${lang}"]`);
  }

  /** The header's language switch, without waiting for anything. */
  toggleLanguage() {
    return this.page.click('[data-testid="lang-switch"]');
  }

  undo() {
    return this.page.click('.header-actions button:has-text("Ångra")');
  }

  redo() {
    return this.page.click('.header-actions button:has-text("Gör om")');
  }

  /** Waits until the header says everything is stored. */
  saved(timeout) {
    return saved(this.page, timeout);
  }

  /** "Exportera nu" in the storage banner; returns the download. */
  bannerExport() {
    return download(this.page, '[data-testid="banner-export"]');
  }

  saveStateName() {
    return this.saveState.getAttribute("data-state");
  }
}
