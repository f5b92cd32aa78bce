// Workspaces: the first-start choice on a fresh device, and the list in Inställningar (the
// demo, opening another, deleting with the export offered first).
import { download } from "../harness.mjs";

export class FirstStart {
  constructor(page) {
    this.page = page;
    this.root = page.locator('[data-testid="first-start"]');
    this.error = page.locator("#first-error");
  }

  /** "Ny arbetsyta" (with `name` typed first, unless undefined); waits for nothing. */
  async createNew(name) {
    if (name !== undefined) await this.page.fill("#first-name", name);
    await this.page.click('[data-testid="first-new"]');
  }

  /** Waits until the choice is gone. */
  gone() {
    return this.root.waitFor({ state: "detached" });
  }
}

export class Workspaces {
  constructor(page) {
    this.page = page;
    this.list = page.locator('[data-testid="ws-list"]');
    this.deleteConfirm = page.locator('[data-testid="ws-delete-confirm"]');
  }

  /** The list's entry for the workspace named (in part) `name`. */
  entry(name) {
    return `[data-testid="ws-list"] li:has-text("${name}")`;
  }

  /** Waits until the header names the open workspace `name` (in part). */
  isOpen(name) {
    return this.page.waitForFunction((n) => document.querySelector('[data-testid="workspace-name"]').textContent.includes(n), name);
  }

  /** Opens the demo (the one open is put aside); resolves once it is open. */
  async openDemo() {
    await this.page.click('[data-testid="ws-demo"]');
    await this.isOpen("Påverkansagenda");
  }

  /** Opens the workspace put aside under `name`; resolves once it is open. */
  async open(name) {
    await this.page.click(`${this.entry(name)} [data-testid="ws-open-other"]`);
    await this.isOpen(name);
  }

  /** Asks to delete the workspace put aside under `name`; waits for the question. */
  async askDelete(name) {
    await this.page.click(`${this.entry(name)} [data-testid="ws-delete-other"]`);
    await this.deleteConfirm.waitFor();
  }

  /** Asks to delete the open workspace. */
  askDeleteOpen() {
    return this.page.click('[data-testid="ws-delete-open"]');
  }

  /** "Exportera först" in the delete question; returns the download. */
  exportFirst() {
    return download(this.page, '[data-testid="ws-export-first"]');
  }

  /** "Ja, ta bort". */
  confirmDelete() {
    return this.page.click('[data-testid="ws-delete-yes"]');
  }
}
