// Insatsområden (issue 15): the overview lists what needs attention, each a link to
// where it is fixed (the project breaking its cap leads here); the module's page shows the demo's four action areas,
// area 1's effect-chain check, the indicators' progress with the off-track flag and a project
// whose region share breaks the call's cap — the figures `vagval areas` prints — at tablet and
// laptop size, in Swedish and English; axe finds no violation in either language.
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
  test(`${size}: the areas, the chain check, progress and the cap warning; axe sv and en`, async () => {
    const { page, errors } = await openPage(env.browser, size);
    const shell = new Shell(page, env.server.url);
    await shell.open("/insatsomraden");
    await page.locator('[data-testid="areas"]').waitFor();
    assert.equal(await page.locator('[data-testid="area"]').count(), 4);
    assert.match(await page.locator('[data-testid="area"]').first().textContent(), /^1\. Kunskapsbaserad politikutveckling/);
    // Area 1's chain: the arrow to the impact is in the trash, so the impact has none.
    const problems = page.locator('[data-testid="chain-problems"]').first();
    assert.match(await problems.textContent(), /”Hållbar regional utveckling i Jämtland Härjedalen” har inga pilar\./);
    // (62.5 − 10)/(80 − 10) = 75 % at the target year: off track.
    const share = page.locator('[data-testid="indicator-row"]', { hasText: "Andel insatser" });
    assert.match(await share.textContent(), /75,0 %ja$/);
    assert.equal(await share.evaluate((r) => r.classList.contains("off-track")), true);
    const warning = page.locator('[data-testid="project-row"]', { hasText: "Vägar till hållbar utveckling" });
    assert.match(await warning.textContent(), /Regionens andel: Andelen är 60,0 %, över taket 50,0 %\./);
    await page.screenshot({ path: join(OUT, `areas-${size}.png`), fullPage: true });
    await violations(page, `sv: areas ${size}`);
    await shell.switchLanguage("en");
    await page.locator("h1", { hasText: "Action areas" }).waitFor();
    assert.match(await warning.textContent(), /The region's share: The share is 60\.0 %, above the cap of 50\.0 %\./);
    await violations(page, `en: areas ${size}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test("overview: what needs attention links to where it is fixed", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  await shell.open("/");
  const item = page.locator('[data-testid="attention-item"]', {
    hasText: "Finansieringen av projektet ”Vägar till hållbar utveckling 2020–2022” håller inte.",
  });
  await item.waitFor();
  // Never exported from this fresh device: a reminder leading to Dela.
  const exportItem = page.locator('[data-testid="attention-item"]', { hasText: "aldrig exporterats" });
  assert.equal(await exportItem.getAttribute("href"), "/dela");
  await item.click();
  await page.waitForURL(/\/insatsomraden\/projekt\//);
  await page.locator('[data-testid="financing-warnings"]').waitFor();
  // An off-track indicator leads to its page.
  await shell.open("/");
  await page.locator('[data-testid="attention-item"]', { hasText: "Andel insatser" }).click();
  await page.waitForURL(/\/insatsomraden\/indikator\//);
  await page.locator('[data-testid="indicator-chart"]').waitFor();
  // Every item leads to a page of the app that names what it is about.
  await shell.open("/");
  const items = await page.locator('[data-testid="attention-item"]').evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  assert.ok(items.length >= 6, `${items.length} items`);
  for (const [href, text] of items) {
    await shell.open(href);
    const h1 = await page.locator("main h1").textContent();
    assert.notEqual(h1, "Sidan finns inte", `${text} → ${href}`);
    // The record the item names ("Aktiviteten ”X” är försenad.") is on the page it leads to.
    const named = text.match(/”([^”]+)”/)?.[1];
    if (named) assert.ok((await page.locator("main").textContent()).includes(named), `${named} on ${href}`);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the app's indicator CSV equals what `vagval areas --csv` prints for the demo", async () => {
  const { page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  await shell.open("/insatsomraden");
  await page.locator('[data-testid="indicators-table"]').waitFor();
  const app = readFileSync(await keep(await download(page, '[data-testid="indicators-csv"]')), "utf8");
  const share = new SharePage(page, env.server.url);
  await share.open();
  const workspace = await (await share.export()).path();
  const cli = execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "areas", workspace, "--csv", "--lang", "sv"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(app, cli);
  assert.match(app, /Andel insatser/);
  assert.deepEqual(errors, []);
  await page.context().close();
});
