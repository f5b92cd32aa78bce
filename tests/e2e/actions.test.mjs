// Insatsområden's editors (issue 15): an effect chain built by touch on a tablet and by
// keyboard on a laptop, a validation problem appearing and going; a level folded; the
// projector view at 1920×1080 and the A3 print; an indicator's values recorded and its
// progress seen, a target equal to the baseline refused in words; activities created and
// seen on the timeline, the seed-004 table imported from a Swedish Excel CSV (Windows-1252);
// a project whose region share breaks the cap shows the warning until the cap is changed;
// axe in Swedish and English on every one of these pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, ROOT, download, keep, openPage, shared, violations } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { Chain } from "./pages/actions.mjs";

const env = shared();

/** Opens area `n`'s chain (1-based) from the module's first page. */
async function openChain(shell, page, n) {
  await shell.open("/insatsomraden");
  await page.locator('[data-testid="area"]').nth(n - 1).locator('[data-testid="chain-link"]').click();
  await page.locator('[data-testid="chain-diagram"]').waitFor();
}

test("tablet: an effect chain built by touch; a problem comes and goes; fold; axe sv and en", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const chain = new Chain(page);
  await openChain(shell, page, 2);
  assert.match(await shell.headingText(), /Effektkedja: 2\. Systematiskt arbete med målkonflikter/i);
  const A = "Workshop om målkonflikter";
  const B = "Färre olösta målkonflikter";
  await chain.add(A, "Aktiviteter");
  // A lone activity: it has no arrows and reaches no impact.
  assert.match(await chain.problemText(), new RegExp(`”${A}” har inga pilar\\.`));
  assert.match(await chain.problemText(), new RegExp(`Aktiviteten ”${A}” leder inte till någon samhällspåverkan\\.`));
  await chain.add(B, "Samhällspåverkan");
  // Tap A, "Dra pil", tap B: the arrow is drawn and both problems go.
  await chain.tap(A);
  await page.locator('[data-testid="selected-node"]', { hasText: A }).waitFor();
  await page.locator('[data-testid="connect"]').tap();
  await chain.tap(B);
  await page.locator('[data-testid="status"]', { hasText: "Pilen har lagts till." }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".chain-edge").length === 1);
  const left = await chain.problemText();
  assert.doesNotMatch(left, /har inga pilar/);
  assert.doesNotMatch(left, /leder inte till/);
  // The impact still needs an indicator (R3).
  assert.match(left, new RegExp(`”${B}” saknar indikator\\.`));
  // Drag A one column to the right by touch: it becomes an output.
  const col = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="chain-diagram"]');
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  });
  await chain.touchDrag(A, 220 * col, 0);
  await page.locator('[data-testid="status"]', { hasText: "Noden har flyttats." }).waitFor();
  assert.equal(await chain.levelOf(A), "Prestationer");
  // An output that leads nowhere but to the impact is fine; an activity is gone, so no R4.
  await shell.undo();
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="chain-row"]')].some((r) => r.textContent.startsWith("Aktiviteter" + t)), A);
  // Fold the activities: A is hidden, the arrow ends at the fold; unfold brings it back.
  const fold = page.locator('[data-testid="fold"]', { hasText: "aktiviteter" });
  // (A plain button, clicked: Chromium drops a tap that follows a touch drag closely.)
  await fold.click();
  await page.locator(`[data-testid="chain-node"][data-title="${A}"][visibility="hidden"]`).waitFor({ state: "attached" });
  await fold.click();
  await page.locator(`[data-testid="chain-node"][data-title="${A}"][visibility="visible"]`).waitFor({ state: "attached" });
  await page.screenshot({ path: join(OUT, "chain-tablet.png"), fullPage: true });
  await violations(page, "sv: chain tablet");
  await shell.switchLanguage("en");
  await page.locator("h1", { hasText: "Effect chain" }).waitFor();
  assert.match(await chain.problemText(), new RegExp(`“${B}” has no indicator\\.`));
  await violations(page, "en: chain tablet");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("laptop: an effect chain built by keyboard; move, connect, delete; axe", async () => {
  const { page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  const chain = new Chain(page);
  await openChain(shell, page, 3);
  const A = "Checklista för hållbarhetssäkring";
  const B = "Medel går till omställningen";
  await chain.add(A, "Aktiviteter", { keyboard: true });
  await chain.add(B, "Kortsiktiga effekter", { keyboard: true });
  // K on A starts an arrow, Enter on B ends it.
  await chain.node(A).focus();
  await page.keyboard.press("k");
  await page.locator('[data-testid="connect"][aria-pressed="true"]').waitFor();
  await chain.node(B).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll(".chain-edge").length === 1);
  assert.doesNotMatch(await chain.problemText(), /har inga pilar/);
  // B still reaches no impact: A's R4 problem stays until an impact is there.
  assert.match(await chain.problemText(), new RegExp(`Aktiviteten ”${A}” leder inte till någon samhällspåverkan\\.`));
  // Tag A: a result chain and the Sami flag, from the selected node's tools.
  await chain.node(A).focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="selected-node"]', { hasText: A }).waitFor();
  await page.selectOption("#node-chain", { label: "Stödstrukturer" });
  await page.locator('[data-testid="status"]', { hasText: "Noden har märkts." }).waitFor();
  await page.keyboard.press("Escape");
  // ArrowRight moves B one level on, keeping focus on it.
  await chain.node(B).focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="chain-row"]')].some((r) => r.textContent.startsWith("Medellångsiktiga effekter" + t)), B);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.title), B);
  // Delete puts B in the trash with its arrow: A is an orphan again.
  await page.keyboard.press("Delete");
  await page.waitForFunction(() => document.querySelectorAll(".chain-edge").length === 0);
  assert.match(await chain.problemText(), new RegExp(`”${A}” har inga pilar\\.`));
  await shell.undo();
  await page.waitForFunction(() => document.querySelectorAll(".chain-edge").length === 1);
  // The area's own fields, on the same page.
  await page.fill("#area-responsible", "Regional utvecklingsdirektör");
  await page.locator('[data-testid="save-area"]').click();
  await page.locator('[role="status"]', { hasText: "Insatsområdet har sparats." }).waitFor();
  // Linked to a goal, then not.
  const goals = page.locator('[data-testid="area-links"]').first();
  const goal = await page.locator("#area-link-0 option").nth(1).textContent();
  await page.selectOption("#area-link-0", { index: 1 });
  await goals.locator("li", { hasText: goal }).waitFor();
  await goals.locator("li", { hasText: goal }).locator("button").click();
  await goals.locator("li", { hasText: goal }).waitFor({ state: "detached" });
  await violations(page, "sv: chain laptop");
  await shell.switchLanguage("en");
  await violations(page, "en: chain laptop");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("projector 1920×1080 and A3 print of area 1's chain", async () => {
  const { page, errors } = await openPage(env.browser, "laptop", { viewport: { width: 1920, height: 1080 } });
  const shell = new Shell(page, env.server.url);
  await openChain(shell, page, 1);
  await page.locator('[data-testid="projector"]').click();
  await page.waitForSelector("html.projector");
  // The whole chain fits the screen: the drawing is no wider than the window.
  const w = await page.locator('[data-testid="chain-diagram"]').evaluate((s) => s.getBoundingClientRect().width);
  assert.ok(w <= 1920, `drawing ${w}px wide`);
  await page.screenshot({ path: join(OUT, "chain-projector.png") });
  await violations(page, "sv: chain projector");
  await page.locator('[data-testid="projector"]').click();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(OUT, "chain-print.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A3", landscape: true, printBackground: true });
  assert.ok(pdf.length > 10_000, `pdf ${pdf.length} bytes`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("tablet: record an indicator's value and see progress; target = baseline refused; chart and table; axe", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  await shell.open("/insatsomraden");
  await page.locator('[data-testid="indicator-link"]', { hasText: "Andel insatser" }).click();
  await page.locator('[data-testid="indicator-chart"]').waitFor();
  // (62.5 − 10)/(80 − 10) = 75 % in 2022, the target year: off track.
  assert.equal(await page.locator('[data-testid="progress"]').textContent(), "75,0 %");
  assert.equal(await page.locator('[data-testid="off-track"]').textContent(), "ja");
  const dots = () => page.locator('[data-testid="indicator-chart"] circle.value').count();
  assert.equal(await dots(), 2);
  // 80 in 2022 (typed the Swedish way): (80 − 10)/(80 − 10) = 100 %, on track.
  await page.fill("#value-year", "2022");
  await page.fill("#value-value", "80,0");
  await page.fill("#value-source", "Egen uppföljning");
  await page.locator('[data-testid="record-value"]').tap();
  await page.locator('[data-testid="progress"]', { hasText: "100,0 %" }).waitFor();
  assert.equal(await page.locator('[data-testid="off-track"]').textContent(), "nej");
  // A new year adds a point and a table row with its source.
  await page.fill("#value-year", "2023");
  await page.fill("#value-value", "82");
  await page.locator('[data-testid="record-value"]').tap();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="indicator-chart"] circle.value').length === 3);
  assert.match(await page.locator('[data-testid="value-row"]', { hasText: "2023" }).textContent(), /2023\s*82Egen uppföljning/);
  // Not a number: refused in words, nothing recorded.
  await page.fill("#value-value", "åtta");
  await page.locator('[data-testid="record-value"]').tap();
  await page.locator('[role="alert"]', { hasText: "”åtta” är inget tal." }).waitFor();
  // Target = baseline: progress is refused with a message.
  await page.fill("#ind-t", "10");
  await page.locator('[data-testid="save-indicator"]').tap();
  await page.locator('[data-testid="progress"]', { hasText: "Målvärdet är lika med utgångsvärdet" }).waitFor();
  await page.screenshot({ path: join(OUT, "indicator-tablet.png"), fullPage: true });
  await violations(page, "sv: indicator");
  await shell.switchLanguage("en");
  await page.locator('[data-testid="progress"]', { hasText: "The target equals the baseline" }).waitFor();
  await violations(page, "en: indicator");
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** Seed 004's activity table as Excel saves it: tab-separated, Windows-1252, CRLF (copied
 * from the seed document into tests/fixtures). */
const SEED_CSV = join(ROOT, "tests/fixtures/aktivitetsplan-seed-004.csv");

for (const size of ["tablet", "laptop"]) {
  test(`${size}: activities on the timeline; seed-004 CSV import; export; axe`, async () => {
    const { page, errors } = await openPage(env.browser, size);
    const shell = new Shell(page, env.server.url);
    await shell.open("/insatsomraden/plan");
    await page.locator('[data-testid="timeline"]').waitFor();
    const rows = page.locator('[data-testid="plan-row"]');
    const before = await rows.count();
    // The demo's plan ended in 2021: its open activities are overdue today.
    assert.ok((await page.locator('[data-testid="overdue"]').count()) > 0);
    // A new activity from today to a month on: a bar on the axis, not overdue.
    const iso = (d) => d.toISOString().slice(0, 10);
    const now = new Date();
    await page.fill("#act-title", "Uppföljningsmöte med kommunerna");
    await page.fill("#act-start", iso(now));
    await page.fill("#act-end", iso(new Date(now.getTime() + 30 * 86_400_000)));
    await page.fill("#act-owner", "Regional utvecklingsdirektör");
    await page.locator('[data-testid="add-activity"]').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="plan-row"]').length === n + 1, before);
    const mine = rows.filter({ hasText: "Uppföljningsmöte med kommunerna" });
    assert.equal(await mine.locator(".bar").count(), 1);
    assert.equal(await mine.locator('[data-testid="overdue"]').count(), 0);
    // Bar and today's line: the bar starts at today's line.
    // Today's line lies at the table's --today along the axis (its label may sit beside it
    // near the axis's ends).
    const [bar, lane, today] = await Promise.all([
      mine.locator(".bar").boundingBox(),
      mine.locator("td.lane").boundingBox(),
      page.locator('[data-testid="timeline"]').evaluate((t) => parseFloat(getComputedStyle(t).getPropertyValue("--today"))),
    ]);
    const line = lane.x + (lane.width * today) / 100;
    assert.ok(Math.abs(bar.x - line) < 4, `bar at ${bar.x}, today at ${line}`);
    // Changed through its row's button: the new end date shows; then into the trash.
    await mine.locator('[data-testid="edit-activity"]').click();
    assert.equal(await page.inputValue("#act-title"), "Uppföljningsmöte med kommunerna");
    await page.fill("#act-end", "2027-06-30");
    await page.locator('[data-testid="add-activity"]').click();
    await page.locator('[data-testid="status"]', { hasText: "Aktiviteten har sparats:" }).waitFor();
    assert.match(await mine.locator("td.period").textContent(), /– 2027-06-30/);
    await mine.locator('[data-testid="edit-activity"]').click();
    await page.locator('[data-testid="remove-activity"]').click();
    await mine.waitFor({ state: "detached" });
    await shell.undo();
    await mine.waitFor();
    // An end before the start is refused in words.
    await page.fill("#act-title", "Fel datum");
    await page.fill("#act-start", "2021-03-01");
    await page.fill("#act-end", "2021-02-01");
    await page.locator('[data-testid="add-activity"]').click();
    await page.locator('[role="alert"]', { hasText: "Slutdatumet ligger före startdatumet." }).waitFor();
    // The seed-004 table as CSV: its 12 activities come in with their dates.
    await page.setInputFiles('[data-testid="plan-csv"]', SEED_CSV);
    await page.locator('[data-testid="status"]', { hasText: "12 aktiviteter importerade." }).waitFor();
    assert.equal(await rows.count(), before + 13);
    const q1 = rows.filter({ hasText: "Fastställande av läns gemensam påverkansagenda" }).first();
    assert.match(await q1.textContent(), /2021-01-01 – 2021-03-31/);
    // Export: the plan as CSV for Excel, with the new activity.
    const csv = readFileSync(await keep(await download(page, '[data-testid="export-plan"]')));
    assert.match(csv.toString("utf8"), /Uppföljningsmöte med kommunerna/);
    // Rows off screen are not drawn (content-visibility); printed, every one is.
    assert.equal(await rows.last().evaluate((r) => getComputedStyle(r).contentVisibility), "auto");
    await page.emulateMedia({ media: "print" });
    assert.equal(await rows.last().evaluate((r) => getComputedStyle(r).contentVisibility), "visible", "every row is printed");
    await page.screenshot({ path: join(OUT, `plan-${size}-print.png`), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await page.screenshot({ path: join(OUT, `plan-${size}.png`), fullPage: true });
    await violations(page, `sv: plan ${size}`);
    await shell.switchLanguage("en");
    await page.locator("h1", { hasText: "Activity plan" }).waitFor();
    await violations(page, `en: plan ${size}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test("laptop: a new project from the areas page opens its page, with its own chain", async () => {
  const { page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  await shell.open("/insatsomraden");
  await page.fill("#new-project-title", "Laddinfrastruktur i fjällkommunerna");
  await page.selectOption("#new-project-area", { label: "3. Hållbarhetssäkring av företagsstöd, projektmedel och kommersiell service" });
  await page.locator('[data-testid="new-project"] button[type="submit"]').click();
  await page.waitForURL(/\/insatsomraden\/projekt\//);
  await page.locator("h1", { hasText: "Laddinfrastruktur i fjällkommunerna" }).waitFor();
  // Nothing financed yet: the check says so.
  assert.ok((await page.locator('[data-testid="financing-warnings"]').count()) === 1);
  await page.locator('[data-testid="project-chain"]').click();
  await page.locator("h1", { hasText: "Effektkedja: Laddinfrastruktur i fjällkommunerna" }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("tablet: a project breaking its cap warns until the cap changes; budget lines; axe", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  await shell.open("/");
  // The overview's item leads straight to the project.
  await page.locator('[data-testid="attention-item"]', { hasText: "Vägar till hållbar utveckling" }).first().click();
  await page.waitForURL(/\/insatsomraden\/projekt\//);
  const warnings = page.locator('[data-testid="financing-warnings"]');
  await warnings.waitFor();
  assert.match(await warnings.textContent(), /Regionens andel: Andelen är 60,0 %, över taket 50,0 %\./);
  // A line typed the Swedish way appears formatted.
  const lines = page.locator('[data-testid="budget-row"]');
  const n = await lines.count();
  await page.fill("#line-funder", "Strömsunds kommun");
  await page.selectOption("#line-type", { label: "Kommuner" });
  await page.fill("#line-year", "2021");
  await page.fill("#line-amount", "50 000");
  await page.locator('[data-testid="add-line"]').tap();
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="budget-row"]').length === k + 1, n);
  assert.match(await lines.filter({ hasText: "Strömsunds kommun" }).textContent(), /50\s000\skr/);
  // It makes the financing exceed the cost: a finding; removing the line takes it away.
  assert.match(await warnings.textContent(), /50\s000\skr/);
  await lines.filter({ hasText: "Strömsunds kommun" }).locator("button").tap();
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="budget-row"]').length === k, n);
  // Raising the call's cap to 70 %: the warning goes.
  await page.fill("#proj-region-cap", "70");
  await page.locator('[data-testid="save-project"]').tap();
  await page.locator('[data-testid="financing-ok"]').waitFor();
  // An actor taking part: linked from the list of actors, then taken away.
  const actors = page.locator('[data-testid="project-actors"]');
  const actor = (await page.locator("#project-actor option").nth(1).textContent()).trim();
  await page.selectOption("#project-actor", { label: actor });
  await actors.locator("li", { hasText: actor }).waitFor();
  assert.equal(await page.inputValue("#project-actor"), "", "the choice goes back to none");
  assert.equal(await page.locator("#project-actor option", { hasText: actor }).count(), 0, "not offered twice");
  await actors.getByRole("button", { name: `Ta bort ${actor}` }).click();
  await actors.locator("li", { hasText: actor }).waitFor({ state: "detached" });
  await violations(page, "sv: project");
  await shell.switchLanguage("en");
  await page.locator('[data-testid="financing-ok"]', { hasText: "The financing holds." }).waitFor();
  await violations(page, "en: project");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("tablet: learning log with filters, a Sami consultation settles its matter, a peer meeting and the copy without persons; axe", async () => {
  const { page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  await shell.open("/insatsomraden/loggar");
  const flagged = page.locator('[data-testid="unconsulted"]');
  await flagged.waitFor();
  assert.match(await flagged.textContent(), /Projekt: Vägar till hållbar utveckling 2020–2022/);
  // A decision for area 2, dated 2023-05-02.
  await page.fill("#learn-date", "2023-05-02");
  await page.selectOption("#learn-kind", { label: "Beslut" });
  await page.fill("#learn-text", "Matrisen används i varje beslutsärende");
  await page.selectOption("#learn-area", { label: "2. Systematiskt arbete med målkonflikter" });
  await page.locator('[data-testid="add-entry"]').tap();
  const entry = page.locator('[data-testid="learning-entry"]', { hasText: "Matrisen används i varje beslutsärende" });
  await entry.waitFor();
  assert.match(await entry.textContent(), /2023-05-02 · Beslut · Systematiskt arbete med målkonflikter/);
  // Filtered to area 3 it goes; to area 2 and May 2023 it stays; to April it goes.
  await page.selectOption("#learn-filter-area", { label: "3. Hållbarhetssäkring av företagsstöd, projektmedel och kommersiell service" });
  await entry.waitFor({ state: "detached" });
  await page.selectOption("#learn-filter-area", { label: "2. Systematiskt arbete med målkonflikter" });
  await page.fill("#learn-from", "2023-05-01");
  await entry.waitFor();
  // Changed in place: the form shows the entry, saving changes it (one undo step).
  await entry.getByRole("button", { name: /^Ändra/ }).click();
  assert.equal(await page.inputValue("#learn-text"), "Matrisen används i varje beslutsärende");
  assert.equal(await page.locator("#learn-kind option:checked").textContent(), "Beslut");
  await page.fill("#learn-text", "Matrisen används i varje beslutsärende om stöd");
  await page.locator('[data-testid="add-entry"]', { hasText: "Spara" }).tap();
  await entry.filter({ hasText: "om stöd" }).waitFor();
  assert.equal(await page.locator('[data-testid="learning-entry"]', { hasText: "Matrisen används" }).count(), 1, "changed, not added");
  assert.equal(await page.inputValue("#learn-text"), "", "the form starts anew");
  assert.equal(await page.locator("#learn-kind option:checked").textContent(), "Iakttagelse", "its choice too");
  // Into the trash and back.
  await entry.getByRole("button", { name: /^Ta bort/ }).click();
  await entry.waitFor({ state: "detached" });
  await shell.undo();
  await entry.waitFor();
  await page.fill("#learn-to", "2023-05-01");
  await entry.waitFor({ state: "detached" });
  // A consultation with Njaarke sameby about the project, concluded in agreement.
  await page.fill("#cons-date", "2021-02-10");
  await page.selectOption("#cons-counterpart", { label: "Sameby" });
  await page.fill("#cons-name", "Njaarke sameby");
  await page.fill("#cons-matter", "Projektets insatser i renskötselområdet");
  await page.selectOption("#cons-about", { label: "Vägar till hållbar utveckling 2020–2022" });
  await page.selectOption("#cons-outcome", { label: "Enighet" });
  await page.fill("#cons-ref", "Dnr RUN/2021/12");
  await page.locator('[data-testid="add-consultation"]').tap();
  await page.locator('[data-testid="consultation-row"]', { hasText: "Njaarke sameby" }).waitFor();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="unconsulted"]')?.textContent ?? "").includes("Vägar till hållbar utveckling"));
  // The form starts anew, its choices shown as none (not the last ones picked).
  assert.equal(await page.inputValue("#cons-outcome"), "");
  assert.equal(await page.inputValue("#cons-about"), "");
  // The reference corrected in place.
  const row = page.locator('[data-testid="consultation-row"]', { hasText: "Njaarke sameby" });
  await row.getByRole("button", { name: /^Ändra/ }).click();
  assert.equal(await page.inputValue("#cons-ref"), "Dnr RUN/2021/12");
  assert.equal(await page.locator("#cons-outcome option:checked").textContent(), "Enighet");
  await page.fill("#cons-ref", "Dnr RUN/2021/13");
  await page.locator('[data-testid="add-consultation"]').tap();
  await row.filter({ hasText: "Dnr RUN/2021/13" }).waitFor();
  assert.equal(await page.locator('[data-testid="consultation-row"]', { hasText: "Njaarke sameby" }).count(), 1);
  // A peer meeting; the copy for another region leaves the persons out.
  await page.fill("#meet-date", "2021-03-15");
  await page.fill("#meet-title", "Politikermöte om omställning");
  await page.fill("#meet-region", "Region Västerbotten");
  await page.fill("#meet-politician", "Kim Exempelsson (RUN)");
  await page.locator('[data-testid="add-meeting"]').tap();
  await page.locator('[data-testid="meeting-row"]', { hasText: "Region Västerbotten" }).waitFor();
  // Notes written afterwards; cancelling an opened meeting leaves it as it was.
  const meeting = page.locator('[data-testid="meeting-row"]', { hasText: "Region Västerbotten" });
  await meeting.getByRole("button", { name: /^Ändra/ }).click();
  await page.fill("#meet-notes", "Ett utkast");
  await page.getByRole("button", { name: "Avbryt" }).click();
  assert.equal(await page.inputValue("#meet-title"), "");
  await meeting.getByRole("button", { name: /^Ändra/ }).click();
  await page.fill("#meet-notes", "Vi delar målkonfliktmatrisen");
  await page.locator('[data-testid="add-meeting"]').tap();
  await meeting.filter({ hasText: "Vi delar målkonfliktmatrisen" }).waitFor();
  assert.doesNotMatch(await meeting.textContent(), /Ett utkast/);
  // Nothing reaches past a tablet's width.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll");
  const copy = readFileSync(await keep(await download(page, '[data-testid="export-peer"]')), "utf8");
  assert.match(copy, /Politikermöte om omställning/);
  assert.doesNotMatch(copy, /Kim Exempelsson|Njaarke sameby/);
  await page.screenshot({ path: join(OUT, "logs-tablet.png"), fullPage: true });
  await violations(page, "sv: logs");
  await shell.switchLanguage("en");
  await page.locator("h1", { hasText: "Logs" }).waitFor();
  await violations(page, "en: logs");
  assert.deepEqual(errors, []);
  await page.context().close();
});
