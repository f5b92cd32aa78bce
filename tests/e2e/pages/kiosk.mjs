// Participant mode (kiosk): entering it from a round's vote tab with a code, the screen that
// shows only the ballot, and leaving it with the code.
export class Kiosk {
  constructor(page) {
    this.page = page;
    this.root = page.locator('[data-testid="kiosk"]');
    this.codeError = page.locator("#kiosk-code-error");
    this.exitError = page.locator("#kiosk-exit-error");
  }

  /** Enters the facilitator's code and "Starta röstläge"; waits for nothing. */
  async enter(code) {
    await this.page.fill("#kiosk-code", code);
    await this.page.click('[data-testid="kiosk-go"]');
  }

  /** Waits until the app is ready and shows participant mode (after a load or reload). */
  loaded() {
    return this.page.locator('html[data-ready] [data-testid="kiosk"]').waitFor();
  }

  /** "Lämna röstläget": asks for the code. */
  openLeave() {
    return this.page.click('[data-testid="kiosk-leave"]');
  }

  /** Enters `code` in the leave form and confirms; waits for nothing. */
  async exit(code) {
    await this.page.fill("#kiosk-exit-code", code);
    await this.page.click('[data-testid="kiosk-exit"]');
  }
}
