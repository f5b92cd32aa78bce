// Hållbarhetssäkring (issue 16, first view): the applications side by side — the lift fails
// on DNSH despite 30 of 30, the village shop's two assessors have not agreed yet — the
// portfolio of granted funds with a chart and a table per grouping, the printable memo, and
// the comparison's CSV equal to what `vagval assess --csv` prints; axe in Swedish and English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, ROOT, download, keep, openPage, shared, violations } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SharePage } from "./pages/share.mjs";

const env = shared();

for (const size of ["tablet", "laptop"]) {
  test(`${size}: the cases side by side, the portfolio with its tables, the memo in print; axe sv and en`, async () => {
    const { page, errors } = await openPage(env.browser, size);
    const shell = new Shell(page, env.server.url);
    await shell.open("/hallbarhetssakring");
    const rows = page.locator('[data-testid="case-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 4);
    const lift = rows.filter({ hasText: "Ny stollift" });
    assert.match(await lift.textContent(), /Underkänd: Ingen betydande skada \(DNSH\)30 av 30 \(100,0 %\)/);
    assert.equal(await lift.evaluate((r) => r.classList.contains("fails")), true);
    assert.match(await rows.filter({ hasText: "Bybutiken" }).textContent(), /Ingen avgörande bedömning ännu/);
    // Only Miljö- och klimatråd is granted, and its joint assessment passes.
    assert.match(await page.locator('[data-testid="portfolio-total"]').textContent(), /1\s185\s000\skr av 1\s185\s000\skr \(100,0 %\)/);
    assert.match(await page.locator('[data-testid="by-support"] table').textContent(), /Projektmedel/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll");
    await page.screenshot({ path: join(OUT, `proofing-${size}.png`), fullPage: true });
    await violations(page, `sv: proofing ${size}`);
    // The lift's memo: the reasoning gate by gate; printed without the buttons.
    await lift.locator('[data-testid="memo-link"]').click();
    await page.waitForURL(/\/hallbarhetssakring\/promemoria\//);
    const memo = page.locator("article.memo");
    await page.locator('[data-testid="memo-title"]', { hasText: "Hållbarhetssäkring: Ny stollift och utbyggda nedfarter" }).waitFor();
    assert.match(await memo.textContent(), /Biologisk mångfald och ekosystem: Betydande skada/);
    assert.match(await memo.textContent(), /Hållplats: Avsluta/);
    await violations(page, `sv: memo ${size}`);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator('[data-testid="print"]').isVisible(), false);
    await page.screenshot({ path: join(OUT, `proofing-memo-print-${size}.png`), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await shell.switchLanguage("en");
    await page.locator('[data-testid="memo-title"]', { hasText: "Sustainability-proofing: Ny stollift" }).waitFor();
    assert.match(await memo.textContent(), /Biodiversity and ecosystems: Significant harm/);
    await violations(page, `en: memo ${size}`);
    await shell.open("/hallbarhetssakring");
    await page.locator("h1", { hasText: "Sustainability-proofing" }).waitFor();
    await violations(page, `en: proofing ${size}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test("the app's comparison CSV equals what `vagval assess --csv` prints for the demo", async () => {
  const { page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  await shell.open("/hallbarhetssakring");
  await page.locator('[data-testid="cases"]').waitFor();
  const app = readFileSync(await keep(await download(page, '[data-testid="cases-csv"]')), "utf8");
  const share = new SharePage(page, env.server.url);
  await share.open();
  const workspace = await (await share.export()).path();
  const cli = execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "assess", workspace, "--csv", "--lang", "sv"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(app, cli);
  assert.match(app, /Ny stollift och utbyggda nedfarter/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the overview names the assessors not yet agreed and the assessment not closed; the Sami flag shows the consultation log", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  await shell.open("/");
  const items = page.locator('[data-testid="attention-item"]');
  const unagreed = items.filter({ hasText: "har 2 bedömningar men ingen gemensam" });
  assert.match(await unagreed.textContent(), /Bybutiken/);
  await unagreed.click();
  await page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  await page.locator('[data-testid="comparison"]').waitFor();
  await shell.open("/");
  const flagged = items.filter({ hasText: "är inte avslutad" });
  assert.match(await flagged.textContent(), /Laddinfrastruktur för elfordon i fjällkommunen.*\(Handläggare A\)/);
  await flagged.click();
  await page.waitForURL(/\/hallbarhetssakring\/bedomning\//);
  await page.locator('[data-testid="flag"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="flag"]').count(), 5);
  // Miljö- och klimatråd: its Sami flag, with the consultation the log holds about it.
  await shell.open("/hallbarhetssakring");
  await page.locator('[data-testid="case-row"]', { hasText: "klimatråd" }).locator('[data-testid="application-link"]').click();
  await page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  await page.locator('[data-testid="assessment-item"] a', { hasText: "Gemensam bedömning" }).click();
  await page.waitForURL(/\/hallbarhetssakring\/bedomning\//);
  const sami = page.locator('[data-testid="sami-consultation"]');
  assert.match(await sami.textContent(), /Samrådsloggen har ett avslutat samråd om ansökan/);
  await sami.locator("a").click();
  await page.waitForURL(/\/insatsomraden\/loggar/);
  await page.locator('[data-testid="consultation-row"]', { hasText: "Miljö- och klimatrådets handlingsplan" }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});
