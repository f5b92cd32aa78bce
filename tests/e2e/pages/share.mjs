// Dela & importera (/dela): export, pick or drop files, the preview, merge or replace, the
// merge report with its overwritten values.
import { download, ready, saved } from "../harness.mjs";

export class SharePage {
  static path = "/dela";

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.input = page.locator('[data-testid="import-input"]');
    this.errors = page.locator('[data-testid="import-errors"]');
    this.preview = page.locator('[data-testid="import-preview"]');
    this.previewCounts = page.locator('[data-testid="preview-counts"]');
    this.noChanges = page.locator('[data-testid="no-changes"]');
    this.mergeButton = page.locator('[data-testid="merge"]');
    this.report = page.locator('[data-testid="merge-report"]');
    this.overwrites = page.locator('[data-testid="overwrites"]');
    this.lastExport = page.locator('[data-testid="last-export"]');
  }

  /** Loads /dela and waits for the app. */
  async open() {
    await this.page.goto(this.origin + SharePage.path);
    await ready(this.page);
  }

  /** Picks `files` in the file input (one path or several); waits for nothing. */
  pick(files) {
    return this.page.setInputFiles('[data-testid="import-input"]', files);
  }

  /** Picks `files` and waits for the preview. */
  async pickAndPreview(files, { timeout } = {}) {
    await this.pick(files);
    await this.preview.waitFor({ timeout });
  }

  /** Drops a file with `text` named `name` on the drop zone, as from a file manager. */
  drop(name, text) {
    return this.page.evaluate(async ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: "application/json" }));
      document.querySelector(".drop-zone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [name, text]);
  }

  /** "Slå ihop" and wait for the merge report. */
  async merge({ timeout } = {}) {
    await this.mergeButton.click();
    await this.report.waitFor({ timeout });
  }

  /**
   * "Ersätt" then "Ja": the app exports the workspace first (the returned download) and
   * replaces it with the picked file; resolves once the report shows.
   */
  async replace() {
    await this.page.locator('[data-testid="replace"]').click();
    const d = await download(this.page, () => this.page.locator('[data-testid="replace-yes"]').click());
    await this.report.waitFor();
    return d;
  }

  /** "Exportera"; returns the download. */
  export() {
    return download(this.page, '[data-testid="export"]');
  }

  /** "Återställ mitt värde" in the overwrites table. */
  restoreMine() {
    return this.overwrites.getByRole("button", { name: "Återställ mitt värde" }).click();
  }
}

/**
 * Merges a workspace file on the Dela page as a user would (pick, preview, "Slå ihop") and
 * waits until the result is stored. `timeout` bounds the preview and the merge report.
 */
export async function mergeFile(page, url, file, { timeout, saveTimeout } = {}) {
  const share = new SharePage(page, url);
  await share.open();
  await share.pickAndPreview(file, { timeout });
  await share.merge({ timeout });
  await saved(page, saveTimeout);
}
