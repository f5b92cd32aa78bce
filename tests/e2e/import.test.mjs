// Dela & importera: hostile and malformed files never change what is stored; a file
// exported in one browser imports into another identically; merge report with restore.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CORPUS, axe, inspelTitles, openPage, saved, shared, storageHash, storedDoc,
} from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SharePage } from "./pages/share.mjs";
import { InspelPage } from "./pages/inspel.mjs";

const env = shared();

test("malformed files leave localStorage byte-identical and say what is wrong", async () => {
  const all = readdirSync(join(CORPUS, "invalid")).sort();
  // Every 8th file, plus the largest: a spread over every category of the corpus.
  const sample = [...new Set([...all.filter((_, i) => i % 8 === 0), "size-file-over-10mb.json", "checksum-0.json"])];
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const share = new SharePage(page, env.server.url);
  await share.open();
  await saved(page);
  const before = await storageHash(page);
  for (const name of sample) {
    await share.pick(join(CORPUS, "invalid", name));
    await share.errors.waitFor({ timeout: 15_000 });
    const text = await share.errors.textContent();
    assert.ok(text.includes(name) && /Inget har ändrats/.test(text), `${name}: ${text}`);
    assert.equal(await share.mergeButton.count(), 0, `${name}: no merge offered`);
    assert.equal(await storageHash(page), before, `${name}: storage changed`);
  }
  assert.deepEqual(await axe(page), [], "error list is accessible");
  console.log(`# corpus sample: ${sample.length} files refused, storage byte-identical`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile text is shown as text and never runs", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const shell = new Shell(page, env.server.url);
  const share = new SharePage(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await share.open();
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
  });
  for (const name of readdirSync(join(CORPUS, "hostile")).filter((n) => n.startsWith("xss")).slice(0, 4)) {
    const raw = JSON.parse(readFileSync(join(CORPUS, "hostile", name), "utf8"));
    await share.pick(join(CORPUS, "hostile", name));
    await share.replace();
    const shown = await shell.workspaceName.textContent();
    assert.ok(shown.endsWith(raw.workspace.meta.name.value), `${name}: ${shown}`);
    await inspel.open();
    const titles = await inspel.sortedTitles();
    assert.ok(titles.includes(raw.workspace.inspel[0].title.value), name);
    const injected = await page.evaluate(() =>
      document.querySelectorAll("main script, main iframe, main img:not([src='/icon.svg']), main svg, main object, main style, main details").length);
    assert.equal(injected, 0, `${name}: elements created from data`);
    await share.open();
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a file exported in one browser imports into a fresh one identically, twice is harmless", async () => {
  const a = await openPage(env.browser, "tablet", { acceptDownloads: true });
  const inspelA = new InspelPage(a.page, env.server.url);
  const shareA = new SharePage(a.page, env.server.url);
  await inspelA.open();
  await inspelA.add("Regional tågtrafik Storlien–Trondheim");
  await saved(a.page);
  await shareA.open();
  const download = await shareA.export();
  assert.match(download.suggestedFilename(), /^paverkansagenda-jamtland-harjedalen-2020-\d{4}-\d\d-\d\d\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), "vagval-")), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.match(await shareA.lastExport.textContent(), /Senast exporterad: .*\(i dag\)/);
  await a.context.close();

  const b = await openPage(env.browser, "laptop");
  const shareB = new SharePage(b.page, env.server.url);
  await shareB.open();
  // Dropped onto the drop zone, as from the Files app or a file manager.
  await shareB.drop("fran-surfplatta.json", readFileSync(file, "utf8"));
  await shareB.preview.waitFor();
  assert.match(await shareB.preview.textContent(), /fran-surfplatta\.json/);
  assert.match(await shareB.previewCounts.textContent(), /1 nytt inspel/);
  assert.deepEqual(await axe(b.page), [], "preview is accessible");
  await shareB.merge();
  await saved(b.page);
  assert.deepEqual(await storedDoc(b.page), exported.workspace, "identical workspace");

  // The same file again changes nothing.
  const hash = await storageHash(b.page);
  await shareB.pick(file);
  await shareB.noChanges.waitFor();
  // The merge is done once its report shows; a change would have scheduled a save by then
  // (the save indicator turns "pending" in the same task), so once it says "saved" again
  // whatever the merge wrote is in localStorage.
  await shareB.merge();
  await saved(b.page);
  assert.equal(await storageHash(b.page), hash);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test("an overwritten value is in the report and can be restored", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const share = new SharePage(page, env.server.url);
  await share.open();
  await saved(page);
  const doc = await storedDoc(page);
  const target = doc.inspel.find((r) => r.title.value === "Bredband till hela landsbygden");
  target.title = { value: "Bredband – ändrat på surfplatta 3", stamp: [Date.now() + 1000, 0, "tablet-3.x"] };
  const dir = mkdtempSync(join(tmpdir(), "vagval-"));
  const file = join(dir, "surfplatta-3.json");
  writeFileSync(file, JSON.stringify({
    format: "vagval/workspace", schema_version: 3, min_reader_version: 2, app_version: "0.1.0",
    exported_at: new Date().toISOString(), device: "tablet-3", workspace: doc,
  }));
  await share.pickAndPreview(file);
  // In people's words: what changed, by name, and how many values the file overwrites.
  const counts = await share.previewCounts.textContent();
  assert.match(counts, /1 inspel ändrat \(rubrik: ”Bredband till hela landsbygden” → ”Bredband – ändrat på surfplatta 3”\)/);
  assert.match(counts, /1 värde skrivs över/);
  await share.mergeButton.click();
  const table = share.overwrites;
  await table.waitFor();
  assert.match(await table.textContent(), /Bredband till hela landsbygden.*Bredband – ändrat på surfplatta 3/);
  await saved(page);
  assert.ok(inspelTitles(await storedDoc(page)).includes("Bredband – ändrat på surfplatta 3"));
  assert.deepEqual(await axe(page), [], "report is accessible");
  await share.restoreMine();
  await saved(page);
  const titles = inspelTitles(await storedDoc(page));
  assert.ok(titles.includes("Bredband till hela landsbygden") && !titles.includes("Bredband – ändrat på surfplatta 3"));
  assert.deepEqual(errors, []);
  await context.close();
});
