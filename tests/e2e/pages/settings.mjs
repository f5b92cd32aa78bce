// Inställningar (/installningar): the workspace's name and organisation, the language, and
// what the browser says about storage (usage, persistence). Workspaces are in workspaces.mjs.
import { ready } from "../harness.mjs";

export class SettingsPage {
  static path = "/installningar";

  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.name = page.locator("#ws-name");
    this.nameError = page.locator("#ws-name-error");
    this.org = page.locator("#ws-org");
    this.usage = page.locator('[data-testid="storage-usage"]');
    this.persisted = page.locator('[data-testid="storage-persisted"]');
    // Storage on this device (issue 12): persistence asked on a tap, where the work is kept, the
    // last export with a one-tap export, the home-screen guide.
    this.deviceStorage = page.locator('[data-testid="device-storage"]');
    this.storageKept = page.locator('[data-testid="storage-kept"]');
    this.persistAsk = page.locator('[data-testid="persist-ask"]');
    this.persistAnswer = page.locator('[data-testid="persist-answer"]');
    this.deviceExport = page.locator('[data-testid="device-export"]');
    this.lastExport = page.locator('[data-testid="device-storage"] [data-testid="last-export"]');
    this.homeScreenGuide = page.locator('[data-testid="home-screen-guide"]');
  }

  /** Loads /installningar and waits for the app. */
  async open() {
    await this.page.goto(this.origin + SettingsPage.path);
    await ready(this.page);
  }

  /** Types a field's new value and leaves it with Tab (which commits it). */
  async setField(selector, value) {
    await this.page.fill(selector, value);
    await this.page.press(selector, "Tab");
  }

  rename(name) {
    return this.setField("#ws-name", name);
  }

  setOrganisation(org) {
    return this.setField("#ws-org", org);
  }

  /** The language radio button (not the header switch): "sv" or "en". */
  chooseLanguage(lang) {
    return this.page.click(`label[lang="${lang}"] input`);
  }

  /** Waits until the usage line shows both numbers ("Använt: 1,2 MB / 5,0 MB"). */
  usageShown() {
    return this.page.waitForFunction(() => /Använt: [\d\u00a0]+,\d MB \/ [\d\u00a0]+,\d MB/.test(document.querySelector('[data-testid="storage-usage"]').textContent));
  }
}
