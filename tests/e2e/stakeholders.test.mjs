// Intressentkarta (issue 14): on a tablet, create actors and a relation, drag a node by touch
// and move one by keyboard; the places survive a reload and travel to another tablet by a
// merge and back; the grid and the classes place the actors by their scores; axe in Swedish
// and English on every view. On a laptop: the CSV, Kumu, SVG and PNG exports, the Kumu file
// imported into an empty workspace gives the same table, the CLI prints the app's CSV, and a
// person erased stays erased when an older file is merged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, ROOT, mergeFile, openPage, saved, shared, storedText, violations } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SharePage } from "./pages/share.mjs";
import { PATHS, StakeholdersPage } from "./pages/stakeholders.mjs";

const env = shared();
const NEW = "Testbolaget AB";
const OTHER = "Bygdeföreningen Test";
const REGION = "Region Jämtland Härjedalen";

/** The workspace file of the device (Dela → Exportera), as a path. */
async function exportWorkspace(page) {
  const share = new SharePage(page, env.server.url);
  await share.open();
  return (await share.export()).path();
}

test("tablet: create, touch drag, keyboard move, reload, merge both ways; grid and classes; axe sv and en", async () => {
  const a = await openPage(env.browser, "tablet", { acceptDownloads: true });
  const sa = new StakeholdersPage(a.page, env.server.url);
  await sa.open();
  assert.equal(await sa.rows.count(), 17, "the demo's actors");

  // --- Create two actors and a relation. ---
  await sa.addActor(NEW, "Företag");
  await sa.addActor(OTHER, "Civilsamhälle");
  await sa.openActor(NEW);
  for (const id of ["a-power", "a-interest", "a-legitimacy", "a-urgency"]) await sa.score(id, 5);
  await a.page.locator('[data-testid="quadrant"]', { hasText: "Nyckelaktör" }).waitFor();
  assert.match(await sa.salience.textContent(), /^Definitiv/);
  await sa.connect(REGION, "Finansiering", 2);
  assert.match(await sa.relationRows.first().textContent(), new RegExp(`${REGION}tillFinansiering2`));
  // A link to a goal of the goal-conflict demo and to an inspel.
  const goal = (await a.page.locator("#link-goal option").nth(1).textContent()).trim();
  await a.page.selectOption("#link-goal", { index: 1 });
  await a.page.selectOption("#link-inspel", { index: 1 });
  const linked = a.page.locator('[data-testid="links"] [data-testid="linked"] li');
  await linked.nth(1).waitFor();
  assert.match(await linked.first().textContent(), new RegExp(goal.replace(/[()]/g, ".")));
  await saved(a.page);

  // --- Network: drag NEW by touch, move OTHER by keyboard. ---
  await sa.tab(PATHS.actors);
  await sa.tab(PATHS.network);
  await sa.node(NEW).waitFor();
  const before = await sa.place(NEW);
  await sa.touchDrag(NEW, 60, 40);
  await a.page.waitForFunction(([n, x]) => {
    const t = document.querySelector(`[data-testid="map-actor"][data-name="${n}"]`)?.getAttribute("transform") ?? "";
    return Number(/translate\((-?\d+)/.exec(t)?.[1]) > x + 20;
  }, [NEW, before[0]]);
  const dragged = await sa.place(NEW);
  assert.ok(dragged[1] > before[1] + 10, `moved down too: ${before} → ${dragged}`);
  const other = await sa.place(OTHER);
  await sa.node(OTHER).focus();
  for (let i = 0; i < 3; i++) await a.page.keyboard.press("ArrowRight");
  await a.page.keyboard.press("Shift+ArrowUp");
  const moved = [other[0] + 30, other[1] - 50];
  assert.deepEqual(await sa.place(OTHER), moved);
  // Enter selects: the neighbours list names the region (NEW's relation).
  await sa.node(NEW).focus();
  await a.page.keyboard.press("Enter");
  assert.match(await a.page.locator('[data-testid="neighbours"]').textContent(), new RegExp(REGION));
  // C connects the selected (NEW) to the focused (OTHER).
  await sa.node(OTHER).focus();
  await a.page.keyboard.press("c");
  await a.page.locator('[data-testid="status"]', { hasText: "Relationen är skapad." }).waitFor();
  await saved(a.page);
  await a.page.screenshot({ path: join(OUT, "stakeholders-network-tablet.png"), fullPage: true });
  await violations(a.page, "sv: network");

  // --- Reload: the places are stored. ---
  await sa.open(PATHS.network);
  assert.deepEqual(await sa.place(NEW), dragged);
  assert.deepEqual(await sa.place(OTHER), moved);

  // --- Another tablet merges A's file: the same places; it moves SJ; A merges it back. ---
  const fileA = await exportWorkspace(a.page);
  const b = await openPage(env.browser, "tablet", { acceptDownloads: true });
  await new Shell(b.page, env.server.url).open("/");
  await mergeFile(b.page, env.server.url, fileA);
  const sb = new StakeholdersPage(b.page, env.server.url);
  await sb.open(PATHS.network);
  assert.deepEqual(await sb.place(NEW), dragged);
  assert.deepEqual(await sb.place(OTHER), moved);
  const sj = await sb.place("SJ");
  await sb.node("SJ").focus();
  await b.page.keyboard.press("ArrowDown");
  await b.page.keyboard.press("ArrowDown");
  await saved(b.page);
  const fileB = await exportWorkspace(b.page);
  await mergeFile(a.page, env.server.url, fileB);
  await sa.open(PATHS.network);
  assert.deepEqual(await sa.place("SJ"), [sj[0], sj[1] + 20]);
  assert.deepEqual(await sa.place(NEW), dragged);

  // --- Grid and classes place the actors by their scores. ---
  await sa.tab(PATHS.grid);
  assert.match(await a.page.locator('[data-cell="5-5"]').textContent(), new RegExp(NEW));
  assert.match(await a.page.locator('[data-cell="2-5"]').textContent(), /Handölsdalens sameby/);
  await a.page.screenshot({ path: join(OUT, "stakeholders-grid-tablet.png"), fullPage: true });
  await violations(a.page, "sv: grid");
  await sa.tab(PATHS.classes);
  assert.match(await a.page.locator('[data-class="Definitive"]').textContent(), new RegExp(NEW));
  assert.match(await a.page.locator('[data-class="Dependent"]').textContent(), /Handölsdalens sameby/);
  assert.match(await a.page.locator('[data-testid="disagreement"]', { hasText: "Handölsdalens sameby" }).textContent(), /Lågt i rutnätet/);
  await violations(a.page, "sv: classes");
  await sa.tab(PATHS.metrics);
  const regionRow = a.page.locator('[data-testid="metrics-row"]', { hasText: REGION });
  // 12 demo relations + NEW's funding relation.
  assert.match(await regionRow.locator("td").first().textContent(), /^13$/);
  await violations(a.page, "sv: metrics");
  await sa.tab(PATHS.actors);
  await violations(a.page, "sv: actors");
  await sa.openActor(NEW);
  await violations(a.page, "sv: actor");

  // --- English. ---
  const shell = new Shell(a.page, env.server.url);
  await shell.switchLanguage("en");
  assert.match(await sa.salience.textContent(), /^Definitive/);
  await violations(a.page, "en: actor");
  for (const p of [PATHS.actors, PATHS.network, PATHS.grid, PATHS.classes, PATHS.metrics]) {
    await sa.open(p);
    await violations(a.page, `en: ${p}`);
  }
  for (const d of [a, b]) assert.deepEqual(d.errors, []);
  for (const d of [a, b]) await d.context.close();
});

test("laptop: CSV, Kumu, SVG and PNG exports; Kumu back into an empty workspace; the CLI prints the app's CSV; an erased person stays erased", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const s = new StakeholdersPage(page, env.server.url);
  await s.open();
  const actorsCsv = readFileSync(await (await s.export("export-actors")).path(), "utf8");
  assert.ok(actorsCsv.startsWith("\u{feff}Aktör;Typ;Makt;Intresse"));
  assert.equal(actorsCsv.trim().split("\r\n").length, 18);
  const relationsCsv = readFileSync(await (await s.export("export-relations")).path(), "utf8");
  assert.equal(relationsCsv.trim().split("\r\n").length, 22);
  const kumuPath = await (await s.export("export-kumu")).path();
  const kumu = JSON.parse(readFileSync(kumuPath, "utf8"));
  assert.equal(kumu.elements.length, 17);
  assert.equal(kumu.connections.length, 21);
  assert.ok(kumu.connections.every((c) => c.from && c.to && c.direction));

  // The CLI, on this workspace's file, prints the same CSV as the app.
  const file = await exportWorkspace(page);
  const cli = execFileSync("cargo", ["run", "--quiet", "-p", "vagval-cli", "--", "stakeholders", file, "--csv"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(cli, actorsCsv);

  // The map as SVG and PNG.
  await s.open(PATHS.network);
  const svg = readFileSync(await (await s.export("export-svg")).path(), "utf8");
  assert.equal((svg.match(/<circle/g) ?? []).length, 17);
  const png = readFileSync(await (await s.export("export-png")).path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  await page.screenshot({ path: join(OUT, "stakeholders-network-laptop.png"), fullPage: true });

  // Kumu into an empty workspace: the same table.
  const tableText = async (p) => (await p.locator('[data-testid="actors-table"] tbody').innerText()).trim();
  await s.open();
  const demoTable = await tableText(page);
  const e = await openPage(env.browser, "laptop");
  await e.page.goto(env.server.url + PATHS.actors);
  await e.page.waitForSelector('[data-testid="first-start"]');
  await e.page.fill("#first-name", "Tom karta");
  await e.page.click('[data-testid="first-new"]');
  await e.page.locator('[data-testid="first-start"]').waitFor({ state: "detached" });
  const se = new StakeholdersPage(e.page, env.server.url);
  await se.open();
  await e.page.setInputFiles('[data-testid="kumu-file"]', kumuPath);
  await se.status.filter({ hasText: "17 aktörer och 21 relationer importerades." }).waitFor();
  assert.equal(await tableText(e.page), demoTable);
  assert.deepEqual(e.errors, []);
  await e.context.close();

  // Personal data: the person export, the peer copy without them, "Ta bort person".
  await s.openActor("Energikontoret Jämtland Härjedalen");
  assert.equal(await s.contacts.count(), 1);
  const person = JSON.parse(readFileSync(await (await s.export("person-export")).path(), "utf8"));
  assert.equal(person.name, "Kim Exempelsson");
  assert.equal(person.actor, "Energikontoret Jämtland Härjedalen");
  await s.tab(PATHS.actors);
  const peer = readFileSync(await (await s.export("export-peer")).path(), "utf8");
  assert.ok(!peer.includes("Exempelsson"), "the peer copy has no contact person");
  assert.match(peer, /"actors"/);
  const older = file; // exported above, with the person
  await s.openActor("Energikontoret Jämtland Härjedalen");
  await page.click('[data-testid="erase-person"]');
  await page.click('[data-testid="erase-confirm"]');
  await s.status.filter({ hasText: "Personen är borttagen för gott." }).waitFor();
  assert.equal(await s.contacts.count(), 0);
  await saved(page);
  await mergeFile(page, env.server.url, older);
  await s.open();
  await s.openActor("Energikontoret Jämtland Härjedalen");
  assert.equal(await s.contacts.count(), 0, "the older file does not bring the person back");
  assert.ok(!(await storedText(page)).includes("Exempelsson"), "nothing of the person is stored");
  assert.deepEqual(errors, []);
  await context.close();
});

test("projector: the network fills a 1920 × 1080 screen with every actor in view; axe", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "sv-SE" });
  const page = await context.newPage();
  const s = new StakeholdersPage(page, env.server.url);
  await s.open(PATHS.network);
  await page.click('[data-testid="projector"]');
  await page.waitForFunction(() => document.documentElement.classList.contains("projector"));
  const { map, nav, outside } = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="map"]').getBoundingClientRect();
    const actors = [...document.querySelectorAll('[data-testid="map-actor"] circle')].map((c) => c.getBoundingClientRect());
    return {
      map: { w: box.width, bottom: box.bottom },
      nav: getComputedStyle(document.querySelector(".module-nav")).display,
      outside: actors.filter((r) => r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth).length,
    };
  });
  assert.equal(nav, "none");
  assert.ok(map.w >= 1200, `the map is ${map.w} px wide`);
  assert.ok(map.bottom <= 1080, `the map ends at ${map.bottom} px`);
  assert.equal(outside, 0, "every actor is on the screen");
  await violations(page, "network projector view");
  await page.click('[data-testid="projector"]');
  await page.waitForFunction(() => !document.documentElement.classList.contains("projector"));
  await context.close();
});
