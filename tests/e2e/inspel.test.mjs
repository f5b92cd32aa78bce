// The inspel list: 5 000 inspel render as a window of rows, scrolling reaches the last one,
// search / filter / sort narrow and order it, and the editor changes a field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axe, mergeFile, openPage, saved, setStored, shared, storageHash, storedDoc, storedText } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { InspelPage } from "./pages/inspel.mjs";
import { workspaceFile } from "../bench/lists.mjs";

const env = shared();

test("5 000 inspel: virtualised list, search, filters, sort and the editor", async () => {
  const file = workspaceFile(mkdtempSync(join(tmpdir(), "vagval-list-")), 4988);
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await mergeFile(page, env.server.url, file, { timeout: 60_000 });
  await shell.go("/inspel");
  await inspel.shown();
  assert.match(await inspel.headingText(), /^5000 inspel$/);
  const rendered = await inspel.rows.count();
  assert.ok(rendered > 5 && rendered < 40, `only a window of rows is in the DOM: ${rendered}`);
  // Scrolling to the end shows the last row.
  await inspel.scrollTo("end");
  await inspel.rowAt(5000).waitFor();
  assert.ok(await inspel.rowAt(5000).isVisible());
  // Keyboard: the list takes focus, End scrolls it to the last row, Tab goes on into the rows
  // shown there.
  await inspel.scrollTo("top");
  await inspel.rowAt(1).waitFor();
  await inspel.scroller.focus();
  await page.keyboard.press("End");
  await inspel.rowAt(5000).waitFor();
  await page.keyboard.press("Tab");
  // (Focusing a row above the view scrolls the list; the window follows and the row keeps focus.)
  await page.waitForFunction(() => document.activeElement?.closest("li"));
  const pos = await page.evaluate(() => Number(document.activeElement?.closest("li")?.getAttribute("aria-posinset")));
  assert.ok(pos > 4900, `Tab after End lands in the last rows, not at the top: ${pos}`);

  // Search: every word, any case, any field.
  await inspel.search("INSPEL 4987");
  await inspel.rowCount(1);
  assert.match(await inspel.headingText(), /^1 av 5000 inspel$/);
  await inspel.search("mittbanan");
  await inspel.firstTitleIncludes("Mittbanan");
  await inspel.search("ingenting sådant");
  await page.locator("text=Inga inspel matchar sökningen.").waitFor();
  await inspel.search("");

  // Filters and sort: Berg's digital infrastructure, then sorted by municipality.
  await inspel.filterMunicipality("Berg");
  await inspel.search("bredband");
  await inspel.headingMatches(/^\d+ av 5000 inspel$/);
  const metas = await inspel.metas();
  assert.ok(metas.length > 0 && metas.every((m) => m.startsWith("Berg")), metas.slice(0, 3).join(" | "));
  await inspel.filterMunicipality("");
  await inspel.search("");
  await inspel.sort("municipality");
  await inspel.firstMetaStartsWith("Berg");
  await inspel.sort("title");

  // The editor: change the theme of Mittbanan; it is stored and undoable.
  await inspel.search("mittbanan");
  await inspel.edit();
  await inspel.editor.waitFor();
  await inspel.editField("theme", "Järnväg");
  await saved(page);
  const doc = await storedDoc(page);
  assert.equal(doc.inspel.find((r) => r.title.value.includes("Mittbanan")).theme.value, "Järnväg");

  // Marking: every Berg broadband inspel shown, moved to "Prioriterat" in one step; one undo
  // takes them all back.
  const prioritised = (d) => d.inspel.filter((r) => r.status?.value === "prioritised").length;
  await inspel.search("bredband");
  await inspel.filterMunicipality("Berg");
  await inspel.headingMatches(/^\d+ av 5000 inspel$/);
  const shownCount = await inspel.headingCount();
  await inspel.filterStatus("Prioriterat");
  await inspel.headingStartsWith(shownCount, { not: true });
  const before = await inspel.headingCount();
  await inspel.filterStatus("");
  await inspel.markAll();
  assert.equal(await inspel.markedCount.textContent(), `${shownCount} markerade`);
  await inspel.bulkStatus("Prioriterat");
  await inspel.filterStatus("Prioriterat");
  await inspel.headingStartsWith(shownCount);
  await saved(page);
  const stored = prioritised(await storedDoc(page));
  assert.equal(stored, prioritised(doc) + shownCount - before);
  await shell.undo();
  await inspel.headingStartsWith(before);
  await saved(page);
  assert.equal(prioritised(await storedDoc(page)), prioritised(doc));
  await inspel.filterStatus("");
  await inspel.bulkApply.waitFor();
  assert.ok((await inspel.marks()).every(Boolean), "every row shown is marked");
  const v = await axe(page);
  assert.deepEqual(v, [], JSON.stringify(v, null, 1));
  await inspel.unmarkAll();
  await inspel.noneMarked();
  assert.equal(await inspel.markedCount.textContent(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("CSV from Swedish Excel: Windows-1252, mapping, per-row errors, nothing before confirm", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
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
  await inspel.pickCsv(file);
  assert.match(await inspel.csvPreview.textContent(), /Windows-1252/);
  const problems = await inspel.csvErrors.allTextContents();
  assert.deepEqual(problems.map((p) => p.slice(0, 6)), ["Rad 3:", "Rad 5:"]);
  assert.match(problems[1], /Gotland/);
  assert.match(await inspel.csvConfirm.textContent(), /Importera 2 inspel/);
  // The theme column is ignored for this import. Once the preview is drawn with the new
  // mapping, a store would have been scheduled (the save indicator turns "pending" in the same
  // task); once it says "saved", nothing more is on its way to localStorage.
  await inspel.mapCsvColumn(2, "");
  await saved(page);
  assert.equal(await storageHash(page), hash, "nothing stored before confirming");
  assert.deepEqual(await axe(page), [], "preview is accessible");
  await inspel.confirmCsv();
  await saved(page);
  const doc = await storedDoc(page);
  const snow = doc.inspel.find((r) => r.title.value === "Snöskoterleder i fjällen");
  assert.equal(snow.municipality.value, "harjedalen");
  assert.deepEqual(snow.dimensions.value, ["ecological", "economic"]);
  assert.equal(snow.theme, undefined, "ignored column");
  assert.ok(doc.inspel.find((r) => r.title.value === "Laddinfrastruktur – längs E14" && r.municipality.value === "are"));
  // One undo step takes the whole import back.
  await shell.undo();
  await saved(page);
  const after = await storedDoc(page);
  assert.ok(after.inspel.filter((r) => r.title.value.startsWith("Snöskoter")).every((r) => r.removed?.value === true));
  assert.deepEqual(errors, []);
  await context.close();
});

test("merging duplicates keeps provenance and votes; splitting restores the originals", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
  await inspel.search("bredband");
  await inspel.edit("Bredband till hela landsbygden");
  await inspel.mergeWith("mobiltäckning");
  assert.match(await inspel.mergePanel.textContent(), /Rösterna ligger kvar på originalen/);
  await inspel.confirmMerge();
  await inspel.originals.waitFor();
  const originals = await inspel.originals.textContent();
  assert.match(originals, /Bredband till hela landsbygden \(Strömsund\).*Mobiltäckning längs stråken och i fjällen \(Krokom\)/);
  await saved(page);
  let doc = await storedDoc(page);
  const merged = doc.inspel.find((r) => r.originals?.value?.length === 2);
  assert.ok(merged, "a merged inspel with two originals");
  const ballots = doc.ballots.filter((b) => merged.originals.value.some((o) => (b.answer.value.allocation ?? {})[o]));
  assert.ok(ballots.length > 0, "the demo ballots still name the originals");
  assert.deepEqual(await axe(page), []);
  await inspel.split();
  await saved(page);
  doc = await storedDoc(page);
  assert.ok(merged.originals.value.every((o) => doc.inspel.find((r) => r.id === o).removed.value === false));
  assert.equal(doc.inspel.find((r) => r.id === merged.id).removed.value, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the list follows changes made while it was not shown: an undo elsewhere, another tab", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
  await saved(page);
  const meta = (title) => inspel.row(title).locator(".meta");
  const title = "Bredband till hela landsbygden";
  const before = await meta(title).textContent();
  assert.match(before, /I agendan/);
  // Mark one row and move it to "Ej med".
  await inspel.mark(title);
  await inspel.bulkStatus("Ej med");
  await inspel.rowShowsStage(title, "Ej med");
  // Away from the list, the change is undone; back on it, the row shows the stage it had.
  await shell.go("/dela");
  await shell.undo();
  await shell.go("/inspel");
  await inspel.shown();
  assert.equal(await meta(title).textContent(), before);
  await saved(page);
  // Away again, another tab stores a new title: back on the list, it shows, in its place in
  // the order (the list's order from the last visit does not hold).
  const fromOtherTab = async (change) => {
    await shell.go("/dela");
    const other = JSON.parse(await storedText(page));
    delete other.checksum;
    change(other.workspace.inspel);
    // Another tab commits to the store (IndexedDB) and announces it (BroadcastChannel).
    await setStored(page, "vagval.workspace", JSON.stringify(other), { announce: true });
    await shell.go("/inspel");
  };
  await fromOtherTab((list) => {
    const r = list.find((i) => i.title?.value === title);
    r.title = { value: "Öppet bredband överallt", stamp: [r.title.stamp[0] + 10_000_000, 0, "e2e.other"] };
  });
  await inspel.row("Öppet bredband överallt").waitFor();
  assert.equal(await inspel.row(title).count(), 0);
  assert.match(await inspel.headingText(), /^12 inspel$/);
  let shown = await inspel.titles();
  assert.equal(shown.at(-1), "Öppet bredband överallt");
  assert.equal(shown[0], "Dubbelspår och högre hastighet på Mittbanan");
  // And a new inspel, first in the order.
  await fromOtherTab((list) => {
    const st = [list[0].title.stamp[0] + 20_000_000, 0, "e2e.other"];
    list.push({ id: "00000000-0000-4000-8000-0000000e2e01", title: { value: "Attraktiva boendemiljöer", stamp: st }, municipality: { value: "berg", stamp: st } });
    list.sort((a, b) => (a.id < b.id ? -1 : 1));
  });
  await inspel.row("Attraktiva boendemiljöer").waitFor();
  assert.match(await inspel.headingText(), /^13 inspel$/);
  shown = await inspel.titles();
  assert.equal(shown.length, 13);
  assert.equal(shown[0], "Attraktiva boendemiljöer");
  assert.deepEqual(errors, []);
  await context.close();
});
