// Local storage robustness: two tabs editing at once lose nothing, a full quota shows the
// banner and loses nothing, damaged or newer stored copies are never overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  download, inspelTitles, openPage, saved, shared, storageHash, storedDoc,
} from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { InspelPage } from "./pages/inspel.mjs";
import { SettingsPage } from "./pages/settings.mjs";

const env = shared();

/**
 * Waits (up to 10 s) until `page` both stores and lists exactly `expected` among the titles
 * made by the two-tab test (A…/B…). Returns either way: the test's assertions then say what
 * differs.
 */
const converged = (page, expected) =>
  page.waitForFunction((exp) => {
    const made = (ts) => ts.filter((t) => /^[AB]\d/.test(t)).sort().join("\n");
    const raw = localStorage.getItem("vagval.workspace");
    const stored = raw
      ? (JSON.parse(raw).workspace.inspel ?? []).filter((r) => !r.deleted && !(r.removed && r.removed.value)).map((r) => r.title?.value)
      : [];
    const shown = [...document.querySelectorAll('[data-testid="inspel-list"] .title')].map((e) => e.textContent);
    return made(stored) === exp.join("\n") && made(shown) === exp.join("\n");
  }, expected, { timeout: 10_000, polling: 50 }).catch(() => {});

test("two tabs editing the same workspace at once keep 100 % of edits, 20 runs", async () => {
  const demoCount = 12;
  let kept = 0;
  let made = 0;
  for (let run = 0; run < 20; run++) {
    const { context, page: a, errors } = await openPage(env.browser, "tablet");
    const inA = new InspelPage(a, env.server.url);
    await inA.open();
    await saved(a);
    const b = await context.newPage();
    const inB = new InspelPage(b, env.server.url);
    await inB.open();
    const mine = [];
    for (let i = 0; i < 4; i++) {
      // Both tabs type at the same time; neither waits for the other's save.
      await Promise.all([inA.add(`A${run}-${i}`), inB.add(`B${run}-${i}`)]);
      mine.push(`A${run}-${i}`, `B${run}-${i}`);
    }
    await Promise.all([saved(a), saved(b)]);
    const expected = mine.sort();
    // Each tab's save reaches the other as a storage event, which merges and may save again:
    // wait until both tabs show, and the store holds, every edit, then until both are saved.
    await Promise.all([converged(a, expected), converged(b, expected)]);
    await Promise.all([saved(a), saved(b)]);
    const stored = inspelTitles(await storedDoc(a)).filter((t) => /^[AB]\d/.test(t));
    const listedA = (await inA.sortedTitles()).filter((t) => /^[AB]\d/.test(t));
    const listedB = (await inB.sortedTitles()).filter((t) => /^[AB]\d/.test(t));
    assert.deepEqual(stored, expected, `run ${run}: stored`);
    assert.deepEqual(listedA, expected, `run ${run}: tab A`);
    assert.deepEqual(listedB, expected, `run ${run}: tab B`);
    assert.equal(inspelTitles(await storedDoc(a)).length, demoCount + expected.length);
    kept += stored.length;
    made += expected.length;
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.equal(kept, made);
  console.log(`# two tabs: ${kept}/${made} edits kept over 20 runs`);
});

test("a full quota shows the banner, keeps the edit in memory and loses nothing", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
  await saved(page);
  const before = await storedDoc(page);
  await page.evaluate(() => {
    let n = 0;
    for (const size of [512 * 1024, 16 * 1024, 512]) {
      const chunk = "x".repeat(size);
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, chunk);
      } catch (_) {
        /* full */
      }
    }
  });
  await inspel.add("Fjärrvärme i Bräcke");
  const banner = shell.storageBanner;
  await banner.waitFor();
  assert.match(await banner.textContent(), /Inte sparat — lagringen är full\. Exportera nu/);
  assert.equal(await shell.saveStateName(), "failed");
  assert.ok((await inspel.sortedTitles()).includes("Fjärrvärme i Bräcke"), "edit kept in memory");
  assert.deepEqual(await storedDoc(page), before, "stored copy untouched");

  // One tap exports everything, the unsaved edit included.
  const d = await shell.bannerExport();
  const exported = JSON.parse(readFileSync(await d.path(), "utf8"));
  assert.ok(inspelTitles(exported.workspace).includes("Fjärrvärme i Bräcke"));

  // Space freed: "Försök igen" saves.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler.")).forEach((k) => localStorage.removeItem(k)));
  await banner.getByRole("button", { name: "Försök igen" }).click();
  await saved(page);
  assert.ok(inspelTitles(await storedDoc(page)).includes("Fjärrvärme i Bräcke"));
  assert.equal(await banner.count(), 0);
  assert.deepEqual(errors.filter((e) => !e.includes("QuotaExceeded")), []);
  await context.close();
});

test("an edit survives a reload, and persistence and usage show in Inställningar", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  const settings = new SettingsPage(page, env.server.url);
  await inspel.open();
  await inspel.add("Laddinfrastruktur längs E14");
  await saved(page);
  await shell.reload();
  assert.ok((await inspel.sortedTitles()).includes("Laddinfrastruktur längs E14"));
  await settings.open();
  await settings.usageShown();
  assert.match(await settings.persisted.textContent(), /Webbläsaren/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged stored copy opens the last good one and is kept; nothing readable → recovery", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await inspel.open();
  await inspel.add("Skadetest");
  await saved(page);
  await shell.reload(); // this load writes the last-known-good copy
  const damaged = await page.evaluate(() => {
    const raw = localStorage.getItem("vagval.workspace");
    const cut = raw.slice(0, raw.length / 2);
    localStorage.setItem("vagval.workspace", cut);
    return cut;
  });
  await shell.reload();
  await shell.restoredBanner.waitFor();
  assert.ok((await inspel.sortedTitles()).includes("Skadetest"));
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.workspace.unreadable")), damaged);

  // Both copies broken: a recovery screen, the raw data offered, nothing reset.
  await page.evaluate(() => {
    localStorage.setItem("vagval.workspace", "{broken");
    localStorage.setItem("vagval.workspace.lkg", "{also broken");
  });
  await shell.reload();
  const recovery = shell.recovery;
  await recovery.waitFor();
  const hash = await storageHash(page);
  const d = await download(page, () => recovery.getByRole("button", { name: "Ladda ner rådata" }).click());
  assert.equal(readFileSync(await d.path(), "utf8"), "{broken");
  await recovery.getByRole("button", { name: "Fortsätt utan att spara" }).click();
  await inspel.add("Skrivs inte");
  await inspel.row("Skrivs inte").waitFor();
  // A fixed wait on purpose: this proves that nothing is written, and there is no event for
  // "no save happened". 800 ms is twice the autosave's 400 ms debounce, counted from the
  // moment the edit shows.
  await page.waitForTimeout(800);
  assert.equal(await storageHash(page), hash, "nothing written over the unreadable copy");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a stored copy from a newer version is read-only with a reload banner", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  await shell.open("/");
  await saved(page);
  await page.evaluate(() => {
    const v = JSON.parse(localStorage.getItem("vagval.workspace"));
    v.schema_version = 99;
    v.min_reader_version = 99;
    localStorage.setItem("vagval.workspace", JSON.stringify(v));
  });
  await shell.reload();
  const banner = shell.storageBanner;
  await banner.waitFor();
  assert.match(await banner.textContent(), /nyare version av Vägval/);
  assert.ok(await banner.getByRole("button", { name: "Ladda om" }).isVisible());
  assert.equal(await shell.saveStateName(), "read-only");
  const hash = await storageHash(page);
  await inspel.open();
  await inspel.add("Får inte sparas");
  await inspel.row("Får inte sparas").waitFor();
  // A fixed wait on purpose: this proves that nothing is written, and there is no event for
  // "no save happened". 800 ms is twice the autosave's 400 ms debounce, counted from the
  // moment the edit shows.
  await page.waitForTimeout(800);
  assert.equal(await storageHash(page), hash);
  assert.deepEqual(errors, []);
  await context.close();
});
