// The inspel list: 5 000 inspel render as a window of rows, scrolling reaches the last one,
// search / filter / sort narrow and order it, and the editor changes a field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axe, mergeFile, openPage, ready, saved, setStored, shared, storageHash, storedDoc, storedText } from "./harness.mjs";
import { workspaceFile } from "../bench/lists.mjs";

const env = shared();

test("5 000 inspel: virtualised list, search, filters, sort and the editor", async () => {
  const file = workspaceFile(mkdtempSync(join(tmpdir(), "vagval-list-")), 4988);
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await mergeFile(page, env.server.url, file, { timeout: 60_000 });
  await page.click('.module-nav a[href="/inspel"]');
  await page.locator('[data-testid="inspel-list"] li').first().waitFor();
  assert.match(await page.locator("#inspel-list-heading").textContent(), /^5000 inspel$/);
  const rendered = await page.locator('[data-testid="inspel-list"] li').count();
  assert.ok(rendered > 5 && rendered < 40, `only a window of rows is in the DOM: ${rendered}`);
  // Scrolling to the end shows the last row.
  await page.locator('[data-testid="inspel-scroller"]').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator('[data-testid="inspel-list"] li[aria-posinset="5000"]').waitFor();
  assert.ok(await page.locator('[data-testid="inspel-list"] li[aria-posinset="5000"]').isVisible());
  // Keyboard: the list takes focus, End scrolls it to the last row, Tab goes on into the rows
  // shown there.
  await page.locator('[data-testid="inspel-scroller"]').evaluate((el) => { el.scrollTop = 0; });
  await page.locator('[data-testid="inspel-list"] li[aria-posinset="1"]').waitFor();
  await page.focus('[data-testid="inspel-scroller"]');
  await page.keyboard.press("End");
  await page.locator('[data-testid="inspel-list"] li[aria-posinset="5000"]').waitFor();
  await page.keyboard.press("Tab");
  // (Focusing a row above the view scrolls the list; the window follows and the row keeps focus.)
  await page.waitForFunction(() => document.activeElement?.closest("li"));
  const pos = await page.evaluate(() => Number(document.activeElement?.closest("li")?.getAttribute("aria-posinset")));
  assert.ok(pos > 4900, `Tab after End lands in the last rows, not at the top: ${pos}`);

  // Search: every word, any case, any field.
  await page.fill("#inspel-search", "INSPEL 4987");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="inspel-list"] li').length === 1);
  assert.match(await page.locator("#inspel-list-heading").textContent(), /^1 av 5000 inspel$/);
  await page.fill("#inspel-search", "mittbanan");
  await page.waitForFunction(() => document.querySelector('[data-testid="inspel-list"] .title')?.textContent.includes("Mittbanan"));
  await page.fill("#inspel-search", "ingenting sådant");
  await page.locator("text=Inga inspel matchar sökningen.").waitFor();
  await page.fill("#inspel-search", "");

  // Filters and sort: Berg's digital infrastructure, then sorted by municipality.
  await page.selectOption("#filter-municipality", { label: "Berg" });
  await page.fill("#inspel-search", "bredband");
  await page.waitForFunction(() => /^\d+ av 5000 inspel$/.test(document.getElementById("inspel-list-heading").textContent));
  const metas = await page.$$eval('[data-testid="inspel-list"] .meta', (els) => els.map((e) => e.textContent));
  assert.ok(metas.length > 0 && metas.every((m) => m.startsWith("Berg")), metas.slice(0, 3).join(" | "));
  await page.selectOption("#filter-municipality", "");
  await page.fill("#inspel-search", "");
  await page.selectOption("#inspel-sort", "municipality");
  await page.waitForFunction(() => document.querySelector('[data-testid="inspel-list"] .meta')?.textContent.startsWith("Berg"));
  await page.selectOption("#inspel-sort", "title");

  // The editor: change the theme of Mittbanan; it is stored and undoable.
  await page.fill("#inspel-search", "mittbanan");
  await page.click('[data-testid="inspel-list"] li button:has-text("Ändra")');
  await page.locator('[data-testid="inspel-editor"]').waitFor();
  await page.fill("#edit-theme", "Järnväg");
  await page.locator("#edit-theme").blur();
  await saved(page);
  const doc = await storedDoc(page);
  assert.equal(doc.inspel.find((r) => r.title.value.includes("Mittbanan")).theme.value, "Järnväg");

  // Marking: every Berg broadband inspel shown, moved to "Prioriterat" in one step; one undo
  // takes them all back.
  const heading = async () => Number((await page.locator("#inspel-list-heading").textContent()).split(" ")[0]);
  const prioritised = (d) => d.inspel.filter((r) => r.status?.value === "prioritised").length;
  await page.fill("#inspel-search", "bredband");
  await page.selectOption("#filter-municipality", { label: "Berg" });
  await page.waitForFunction(() => /^\d+ av 5000 inspel$/.test(document.getElementById("inspel-list-heading").textContent));
  const shownCount = await heading();
  await page.selectOption("#filter-status", { label: "Prioriterat" });
  await page.waitForFunction((n) => !document.getElementById("inspel-list-heading").textContent.startsWith(`${n} av`), shownCount);
  const before = await heading();
  await page.selectOption("#filter-status", "");
  await page.check('[data-testid="mark-all"]');
  assert.equal(await page.textContent('[data-testid="marked-count"]'), `${shownCount} markerade`);
  await page.selectOption("#bulk-status", { label: "Prioriterat" });
  await page.click('[data-testid="bulk-apply"]');
  await page.selectOption("#filter-status", { label: "Prioriterat" });
  await page.waitForFunction((n) => document.getElementById("inspel-list-heading").textContent.startsWith(`${n} av`), shownCount);
  await saved(page);
  const stored = prioritised(await storedDoc(page));
  assert.equal(stored, prioritised(doc) + shownCount - before);
  await page.click('.header-actions button:has-text("Ångra")');
  await page.waitForFunction((n) => document.getElementById("inspel-list-heading").textContent.startsWith(`${n} av`), before);
  await saved(page);
  assert.equal(prioritised(await storedDoc(page)), prioritised(doc));
  await page.selectOption("#filter-status", "");
  await page.locator('[data-testid="bulk-apply"]').waitFor();
  const boxes = () => page.$$eval('[data-testid="inspel-list"] .mark input', (els) => els.map((e) => e.checked));
  assert.ok((await boxes()).every(Boolean), "every row shown is marked");
  const v = await axe(page);
  assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  await page.click('button:has-text("Avmarkera alla")');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="inspel-list"] .mark input')].every((e) => !e.checked));
  assert.equal(await page.textContent('[data-testid="marked-count"]'), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("CSV from Swedish Excel: Windows-1252, mapping, per-row errors, nothing before confirm", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await saved(page);
  const dir = mkdtempSync(join(tmpdir(), "vagval-csv-"));
  const file = join(dir, "inspel från kommunerna.csv");
  // Windows-1252 bytes: ä = e4, å = e5, ö = f6, Å = c5, Ö = d6; "–" = 96.
  const latin = (s) => Buffer.from([...s].map((c) => (c === "–" ? 0x96 : c.charCodeAt(0))));
  writeFileSync(file, latin(
    "Rubrik;Kommun;Tema;Dimensioner\r\n" +
    "Snöskoterleder i fjällen;Härjedalen;Besöksnäring;ekologisk, ekonomisk\r\n" +
    ";Berg;Service;\r\n" +
    "Laddinfrastruktur – längs E14;Åre kommun;Energi;ekologisk\r\n" +
    "Ny färjelinje;Gotland;Infrastruktur;\r\n",
  ));
  const hash = await storageHash(page);
  await page.setInputFiles('[data-testid="csv-input"]', file);
  await page.locator('[data-testid="csv-preview"]').waitFor();
  assert.match(await page.locator('[data-testid="csv-preview"]').textContent(), /Windows-1252/);
  const problems = await page.locator('[data-testid="csv-errors"] li').allTextContents();
  assert.deepEqual(problems.map((p) => p.slice(0, 6)), ["Rad 3:", "Rad 5:"]);
  assert.match(problems[1], /Gotland/);
  assert.match(await page.locator('[data-testid="csv-confirm"]').textContent(), /Importera 2 inspel/);
  // The theme column is ignored for this import.
  await page.selectOption("#csv-col-2", "");
  await page.waitForTimeout(300);
  assert.equal(await storageHash(page), hash, "nothing stored before confirming");
  assert.deepEqual(await axe(page), [], "preview is accessible");
  await page.click('[data-testid="csv-confirm"]');
  await page.locator('[data-testid="csv-done"]').waitFor();
  await saved(page);
  const doc = await storedDoc(page);
  const snow = doc.inspel.find((r) => r.title.value === "Snöskoterleder i fjällen");
  assert.equal(snow.municipality.value, "harjedalen");
  assert.deepEqual(snow.dimensions.value, ["ecological", "economic"]);
  assert.equal(snow.theme, undefined, "ignored column");
  assert.ok(doc.inspel.find((r) => r.title.value === "Laddinfrastruktur – längs E14" && r.municipality.value === "are"));
  // One undo step takes the whole import back.
  await page.click('.header-actions button:has-text("Ångra")');
  await saved(page);
  const after = await storedDoc(page);
  assert.ok(after.inspel.filter((r) => r.title.value.startsWith("Snöskoter")).every((r) => r.removed?.value === true));
  assert.deepEqual(errors, []);
  await context.close();
});

test("merging duplicates keeps provenance and votes; splitting restores the originals", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await page.fill("#inspel-search", "bredband");
  await page.click('[data-testid="inspel-list"] li:has-text("Bredband till hela landsbygden") button:has-text("Ändra")');
  await page.fill("#merge-search", "mobiltäckning");
  await page.locator('[data-testid="merge-panel"] .check-list input').first().check();
  assert.match(await page.locator('[data-testid="merge-panel"]').textContent(), /Rösterna ligger kvar på originalen/);
  await page.click('[data-testid="merge-confirm"]');
  await page.locator('[data-testid="originals"]').waitFor();
  const originals = await page.locator('[data-testid="originals"]').textContent();
  assert.match(originals, /Bredband till hela landsbygden \(Strömsund\).*Mobiltäckning längs stråken och i fjällen \(Krokom\)/);
  await saved(page);
  let doc = await storedDoc(page);
  const merged = doc.inspel.find((r) => r.originals?.value?.length === 2);
  assert.ok(merged, "a merged inspel with two originals");
  const ballots = doc.ballots.filter((b) => merged.originals.value.some((o) => (b.answer.value.allocation ?? {})[o]));
  assert.ok(ballots.length > 0, "the demo ballots still name the originals");
  assert.deepEqual(await axe(page), []);
  await page.click('[data-testid="split"]');
  await saved(page);
  doc = await storedDoc(page);
  assert.ok(merged.originals.value.every((o) => doc.inspel.find((r) => r.id === o).removed.value === false));
  assert.equal(doc.inspel.find((r) => r.id === merged.id).removed.value, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the list follows changes made while it was not shown: an undo elsewhere, another tab", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await saved(page);
  const row = (title) => page.locator('[data-testid="inspel-list"] li', { hasText: title }).locator(".meta");
  const title = "Bredband till hela landsbygden";
  const before = await row(title).textContent();
  assert.match(before, /I agendan/);
  // Mark one row and move it to "Ej med".
  await page.locator('[data-testid="inspel-list"] li', { hasText: title }).locator(".mark input").check();
  await page.selectOption("#bulk-status", { label: "Ej med" });
  await page.click('[data-testid="bulk-apply"]');
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="inspel-list"] li')].some((li) => li.textContent.includes(t) && li.querySelector(".meta").textContent.includes("Ej med")), title);
  // Away from the list, the change is undone; back on it, the row shows the stage it had.
  await page.click('.module-nav a[href="/dela"]');
  await page.click('.header-actions button:has-text("Ångra")');
  await page.click('.module-nav a[href="/inspel"]');
  await page.locator('[data-testid="inspel-list"] li').first().waitFor();
  assert.equal(await row(title).textContent(), before);
  await saved(page);
  // Away again, another tab stores a new title: back on the list, it shows, in its place in
  // the order (the list's order from the last visit does not hold).
  const titles = () => page.$$eval('[data-testid="inspel-list"] li .title', (els) => els.map((e) => e.textContent));
  const fromOtherTab = async (change) => {
    await page.click('.module-nav a[href="/dela"]');
    const other = JSON.parse(await storedText(page));
    delete other.checksum;
    change(other.workspace.inspel);
    // Another tab commits to the store (IndexedDB) and announces it (BroadcastChannel).
    await setStored(page, "vagval.workspace", JSON.stringify(other), { announce: true });
    await page.click('.module-nav a[href="/inspel"]');
  };
  await fromOtherTab((inspel) => {
    const r = inspel.find((i) => i.title?.value === title);
    r.title = { value: "Öppet bredband överallt", stamp: [r.title.stamp[0] + 10_000_000, 0, "e2e.other"] };
  });
  await page.locator('[data-testid="inspel-list"] li', { hasText: "Öppet bredband överallt" }).waitFor();
  assert.equal(await page.locator('[data-testid="inspel-list"] li', { hasText: title }).count(), 0);
  assert.match(await page.locator("#inspel-list-heading").textContent(), /^12 inspel$/);
  let shown = await titles();
  assert.equal(shown.at(-1), "Öppet bredband överallt");
  assert.equal(shown[0], "Dubbelspår och högre hastighet på Mittbanan");
  // And a new inspel, first in the order.
  await fromOtherTab((inspel) => {
    const st = [inspel[0].title.stamp[0] + 20_000_000, 0, "e2e.other"];
    inspel.push({ id: "00000000-0000-4000-8000-0000000e2e01", title: { value: "Attraktiva boendemiljöer", stamp: st }, municipality: { value: "berg", stamp: st } });
    inspel.sort((a, b) => (a.id < b.id ? -1 : 1));
  });
  await page.locator('[data-testid="inspel-list"] li', { hasText: "Attraktiva boendemiljöer" }).waitFor();
  assert.match(await page.locator("#inspel-list-heading").textContent(), /^13 inspel$/);
  shown = await titles();
  assert.equal(shown.length, 13);
  assert.equal(shown[0], "Attraktiva boendemiljöer");
  assert.deepEqual(errors, []);
  await context.close();
});
