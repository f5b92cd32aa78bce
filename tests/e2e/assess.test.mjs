// Hållbarhetssäkring (issue 16): two assessors assess the same application on two offline
// tablets, one merges the other's file, the comparison shows where they differ, they agree on a
// joint assessment; a conflict flag from the demo matrix must be commented before closing; a
// DNSH harm fails the application whatever its score; axe in Swedish and English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, openPage, saved, shared, violations } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SharePage } from "./pages/share.mjs";
import { ProofingPage } from "./pages/proofing.mjs";

const env = shared();
const CHARGING = "Laddinfrastruktur för elfordon i fjällkommunen";

/** Opens the app once online (the service worker installs), then goes offline. */
async function offlineTablet() {
  const d = await openPage(env.browser, "tablet", { acceptDownloads: true });
  const shell = new Shell(d.page, env.server.url);
  await shell.open("/");
  await d.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await d.context.setOffline(true);
  await shell.open(ProofingPage.path);
  return { ...d, shell, proofing: new ProofingPage(d.page) };
}

test("two assessors on two offline tablets, merged, compared, agreed; a flag must be commented; DNSH harm fails; axe", async () => {
  const c = await offlineTablet();
  const d = await offlineTablet();
  // --- Each assessor on their own tablet. ---
  await c.proofing.openApplication(CHARGING);
  await c.proofing.begin("Handläggare C");
  await c.proofing.answer({ scores: [4, 5, 3] });
  // 3·4 + 2·5 + 1·3 = 25 of 30: passes, but the conflict flag from the matrix is open.
  await c.page.locator('[data-testid="verdict"]', { hasText: "Godkänd" }).waitFor();
  assert.match(await c.page.locator('[data-testid="result"]').textContent(), /25 av 30 \(83,3 %\)/);
  assert.match(await c.proofing.flags.first().textContent(), /Målkonflikt: att främja RUS 4/);
  await c.page.locator('[data-testid="close"]').click();
  await c.proofing.error.filter({ hasText: "saknar kommentar" }).waitFor();
  await violations(c.page, "sv: assessment");
  await saved(c.page);

  await d.proofing.openApplication(CHARGING);
  await d.proofing.begin("Handläggare D");
  await d.proofing.answer({ scores: [2, 5, 3] });
  await d.page.locator('[data-testid="verdict"]', { hasText: "Godkänd" }).waitFor();
  await saved(d.page);
  await d.shell.go(SharePage.path);
  const file = await (await new SharePage(d.page, env.server.url).export()).path();

  // --- C's tablet merges D's file: the comparison. ---
  await c.shell.go(SharePage.path);
  const share = new SharePage(c.page, env.server.url);
  await share.pickAndPreview(file);
  await share.merge();
  await saved(c.page);
  await c.shell.go(ProofingPage.path);
  await c.proofing.openApplication(CHARGING);
  const comparison = c.page.locator('[data-testid="comparison"]');
  await comparison.waitFor();
  assert.equal(await c.page.locator('[data-testid="assessment-item"]').count(), 3, "A (the demo's), C and D");
  // Compared with the first assessor (the demo's A, who answered as C did): D scored lower.
  assert.match(await comparison.textContent(), /Handläggare A – Handläggare CBedömningarna är lika\.Handläggare A – Handläggare DPoäng: Bidrar till RUS-prioriteringarna/);
  await violations(c.page, "sv: comparison");
  // --- They agree: the joint assessment starts from C's answers and D's score is taken. ---
  await c.page.locator('[data-testid="agree"]').click();
  await c.page.waitForURL(/\/hallbarhetssakring\/bedomning\//);
  await c.page.locator("h1", { hasText: CHARGING }).waitFor();
  await c.page.selectOption("#score-0", "3");
  // 3·3 + 2·5 + 1·3 = 22 of 30.
  await c.page.locator('[data-testid="result"]', { hasText: "22 av 30 (73,3 %)" }).waitFor();
  // A harm to biodiversity fails it, whatever the score; taken back, it passes again.
  await c.page.selectOption("#dnsh-5", "3");
  await c.page.locator('[data-testid="verdict"]', { hasText: "Underkänd: Ingen betydande skada (DNSH)" }).waitFor();
  assert.match(await c.page.locator('[data-testid="result"]').textContent(), /22 av 30/);
  await c.page.selectOption("#dnsh-5", "1");
  await c.page.locator('[data-testid="verdict"]', { hasText: "Godkänd" }).waitFor();
  // Every flag commented: it closes, and no longer changes.
  await c.proofing.commentFlags("Laddplatserna placeras utanför kalvningsland; samråd med samebyn.");
  await c.page.locator('[data-testid="close"]').click();
  await c.page.locator('[data-testid="closed"]').waitFor();
  assert.equal(await c.page.locator("#score-0").isDisabled(), true);
  await c.page.screenshot({ path: join(OUT, "assessment-joint-tablet.png"), fullPage: true });
  await violations(c.page, "sv: joint assessment");
  await c.shell.switchLanguage("en");
  await c.page.locator('[data-testid="verdict"]', { hasText: "Passes" }).waitFor();
  await violations(c.page, "en: joint assessment");
  await c.shell.switchLanguage("sv");
  // The list now decides the application by the joint assessment; the individual ones stay.
  await c.shell.go(ProofingPage.path);
  assert.match(await c.proofing.row(CHARGING).textContent(), /Godkänd22 av 30 \(73,3 %\)/);
  await c.proofing.openApplication(CHARGING);
  assert.equal(await c.page.locator('[data-testid="assessment-item"]').count(), 4);
  assert.deepEqual(c.errors, []);
  assert.deepEqual(d.errors, []);
  await c.context.close();
  await d.context.close();
});

test("a changed template is its next version; a stored assessment keeps the criteria it was begun with; axe", async () => {
  const { page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  const proofing = new ProofingPage(page);
  await shell.open("/hallbarhetssakring/mallar");
  const template = page.locator('[data-testid="template"]').first();
  assert.match(await template.locator("h2").textContent(), /version 1$/);
  await violations(page, "sv: templates");
  // The template's form: all three horizontal criteria must now reach at least delvis, and a
  // fourth weighted criterion. A weight of 150 is refused by name and changes nothing.
  await template.locator('[data-testid="edit-template"]').click();
  const form = template.locator('[data-testid="template-form"]');
  await form.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "tpl-name");
  await violations(page, "sv: template form");
  await page.selectOption("#min-partly", "3");
  await form.locator('[data-testid="add-criterion"]').click();
  const added = form.locator('[data-testid="criterion-row"]').last();
  await added.locator('input[type="text"]').fill("Lokal förankring");
  await added.locator('input[type="number"]').fill("150");
  await form.locator('[data-testid="save-template"]').click();
  await form.locator('[data-testid="template-error"]', { hasText: "Lokal förankring" }).waitFor();
  assert.match(await template.locator("h2").textContent(), /version 1$/, "a refused form changes nothing");
  await added.locator('input[type="number"]').fill("1");
  assert.equal(await form.locator('[data-testid="weights-sum"]').textContent(), "7", "3 + 2 + 1 + 1");
  await form.locator('[data-testid="save-template"]').click();
  await template.locator("h2", { hasText: /version 2$/ }).waitFor();
  // Saved: the form closes and the focus is back on the template's "Ändra mallen".
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "edit-template");
  assert.match(await template.textContent(), /3 av 3 minst delvis/);
  assert.match(await template.textContent(), /Lokal förankring × 1/);
  // The count rule's template is there too, 2 of its 4 known points.
  assert.match(await page.locator('[data-testid="template"]', { hasText: "räkneregel" }).textContent(), /Räkneregel: 2 av 4/);
  // Assessor B of the village shop saw one condition of three for equal opportunities: under
  // the new version that would fail, but B's stored assessment keeps version 1 and passes.
  await shell.open("/hallbarhetssakring");
  await proofing.openApplication("Bybutiken");
  await page.locator('[data-testid="assessment-item"] a', { hasText: "Handläggare B" }).click();
  await page.waitForURL(/\/hallbarhetssakring\/bedomning\//);
  await page.locator('[data-testid="verdict"]', { hasText: "Godkänd" }).waitFor();
  assert.match(await page.locator(".meta").first().textContent(), /version 1$/);
  // A new assessment is begun with version 2.
  await page.locator("a", { hasText: "Öppna ansökan" }).click();
  await page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  await proofing.begin("Handläggare E");
  assert.match(await page.locator(".meta").first().textContent(), /version 2$/);
  // With Västerbotten's count rule instead of the score: one priority point of the two it asks
  // for is not enough, two are.
  await page.locator("a", { hasText: "Öppna ansökan" }).click();
  await page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  const counted = await page.locator("#template option", { hasText: "räkneregel" }).getAttribute("value");
  await page.selectOption("#template", counted);
  await proofing.begin("Handläggare F");
  await proofing.answer({ scores: [] });
  await page.locator("#point-0").check();
  await proofing.verdict.filter({ hasText: "Underkänd: poängen räcker inte" }).waitFor();
  await page.locator("#point-3").check();
  await proofing.verdict.filter({ hasText: "Godkänd" }).waitFor();
  // A new application, typed the Swedish way; then its Sami flag and a goal.
  await shell.open("/hallbarhetssakring");
  await page.fill("#new-title", "Solceller på bygdegården");
  await page.fill("#new-applicant", "Bygdegårdsföreningen");
  await page.selectOption("#new-support", { label: "Projektmedel" });
  await page.fill("#new-amount", "450 000");
  await page.locator('[data-testid="create-application"]').click();
  await page.waitForURL(/\/hallbarhetssakring\/ansokan\//);
  assert.match(await page.locator('[data-testid="application-facts"]').textContent(), /450\s000\skr/);
  await page.locator("summary", { hasText: "Ändra ansökan" }).click();
  await page.locator("#app-sami").check();
  await page.locator('[data-testid="save-application"]').click();
  await page.locator('[data-testid="status"]', { hasText: "Ansökan har sparats." }).waitFor();
  const goal = (await page.locator("#add-goal option").nth(1).textContent()).trim();
  await page.selectOption("#add-goal", { label: goal });
  await page.locator('[data-testid="application-goals"] li', { hasText: goal }).waitFor();
  // The association behind it, from the stakeholder map; it shows among the facts.
  const actor = (await page.locator("#add-actor option").nth(1).textContent()).trim();
  await page.selectOption("#add-actor", { label: actor });
  await page.locator('[data-testid="application-actors"] li', { hasText: actor }).waitFor();
  assert.ok((await page.locator('[data-testid="application-facts"]').textContent()).includes(actor));
  await violations(page, "sv: application");
  await shell.switchLanguage("en");
  await shell.open("/hallbarhetssakring/mallar");
  await page.locator("h1", { hasText: "Criteria templates" }).waitFor();
  await page.locator('[data-testid="edit-template"]').first().click();
  await page.locator('[data-testid="template-form"]').waitFor();
  await violations(page, "en: templates and the template form");
  assert.deepEqual(errors, []);
  await page.context().close();
});
