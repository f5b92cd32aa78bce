// One round (/inspel/omrostning/<id>): its tabs (vote, collect, results, rules), the ballot
// file export, collecting (summary, double votes, close/open, paper ballots) and participant
// mode's entry. The ballot itself is in ballot.mjs, the results tab in results.mjs.
import { download, ready } from "../harness.mjs";

export class RoundPage {
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.title = page.locator("h1");
    this.voteClosed = page.locator('[data-testid="vote-closed"]');
    this.collectSummary = page.locator('[data-testid="collect-summary"]');
    this.doubleVotes = page.locator('[data-testid="double-votes"]');
  }

  static path(id) {
    return `/inspel/omrostning/${id}`;
  }

  /** Loads the round `id` and waits for the app. */
  async open(id) {
    await this.page.goto(this.origin + RoundPage.path(id));
    await ready(this.page);
  }

  /** Clicks the tab `name`: "vote", "collect", "results" or "rules". */
  tab(name) {
    return this.page.click(`[data-testid="tab-${name}"]`);
  }

  /** The tab's locator (to count or wait for it). */
  tabLocator(name) {
    return this.page.locator(`[data-testid="tab-${name}"]`);
  }

  /** "Exportera röstfil" on the vote tab; returns the download. */
  exportBallots() {
    return download(this.page, '[data-testid="export-ballots"]');
  }

  /** Closes (or opens again) the round on the collect tab. */
  async toggleClosed() {
    await this.tab("collect");
    await this.page.click('[data-testid="round-close"]');
  }

  /** Opens the paper-ballot form on the collect tab. */
  openPaper() {
    return this.page.click('[data-testid="paper-open"]');
  }
}
