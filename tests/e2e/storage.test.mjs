// Local storage robustness: two tabs editing at once lose nothing, a full quota shows the
// banner and loses nothing, damaged or newer stored copies are never overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  download, inspelTitles, openPage, saved, setStored, shared, storageHash, storedDoc, storedText,
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
const converged = async (page, expected) => {
  const made = (ts) => ts.filter((t) => /^[AB]\d/.test(t)).sort().join("\n");
  const inspel = new InspelPage(page, "");
  // The store is IndexedDB (issue 12): read from here, polled every 50 ms.
  for (const end = Date.now() + 10_000; Date.now() < end; await page.waitForTimeout(50)) {
    try {
      const stored = inspelTitles(await storedDoc(page));
      const shown = await inspel.sortedTitles();
      if (made(stored) === expected.join("\n") && made(shown) === expected.join("\n")) return;
    } catch (_) {
      return;
    }
  }
};

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
  // The store is IndexedDB (issue 12), whose quota here is ~10 GB, and this Chromium ignores
  // CDP's Storage.overrideQuotaForOrigin (measured): the database refuses writes the way a full
  // origin does, with a QuotaExceededError.
  await page.evaluate(() => {
    window.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
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
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__put; });
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
  // It is written after the page is ready: wait for it to hold the new inspel (a CI run
  // damaged the store before it was written and restored the older copy).
  for (let i = 0; i < 50 && !((await storedText(page, "vagval.workspace.lkg")) ?? "").includes("Skadetest"); i++) await page.waitForTimeout(100);
  assert.ok(((await storedText(page, "vagval.workspace.lkg")) ?? "").includes("Skadetest"));
  const raw = await storedText(page);
  const damaged = raw.slice(0, raw.length / 2);
  await setStored(page, "vagval.workspace", damaged);
  await shell.reload();
  await shell.restoredBanner.waitFor();
  assert.ok((await inspel.sortedTitles()).includes("Skadetest"));
  for (let i = 0; i < 50 && (await storedText(page, "vagval.workspace.unreadable")) !== damaged; i++) await page.waitForTimeout(100);
  assert.equal(await storedText(page, "vagval.workspace.unreadable"), damaged);

  // Both copies broken: a recovery screen, the raw data offered, nothing reset.
  await setStored(page, "vagval.workspace", "{broken");
  await setStored(page, "vagval.workspace.lkg", "{also broken");
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
  const v = JSON.parse(await storedText(page));
  v.schema_version = 99;
  v.min_reader_version = 99;
  await setStored(page, "vagval.workspace", JSON.stringify(v));
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

test("Inställningar asks the browser to keep the data and shows its answer, the last export with a one-tap export", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  const shell = new Shell(page, env.server.url);
  const settings = new SettingsPage(page, env.server.url);
  await settings.open();
  const card = settings.deviceStorage;
  await card.waitFor();
  assert.match(await card.textContent(), /Lägg till på hemskärmen/, "the guide is always in Inställningar");
  assert.match(await card.textContent(), /sju dagar/);
  assert.match(await page.locator('[data-testid="last-export"]').first().textContent(), /Aldrig exporterad|inte exporterats/i);
  await settings.persistAsk.click();
  await page.waitForFunction(() => /Webbläsaren (svarade|kan inte)/.test(document.querySelector('[data-testid="persist-answer"]').textContent));
  const box = await settings.deviceExport.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, "a 44 px target");
  const d = await download(page, () => settings.deviceExport.click());
  assert.match(d.suggestedFilename(), /\.json$/);
  await page.waitForFunction(() => /Senast exporterad/.test(document.querySelector('[data-testid="device-storage"] [data-testid="last-export"]').textContent));
  // Not an iPad: no home-screen banner.
  assert.equal(await shell.homeScreenBanner.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("iPad Safari outside the home screen shows the home-screen guide once", async () => {
  const ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
  const { context, page, errors } = await openPage(env.browser, "tablet", { userAgent: ipad });
  // iPadOS says "Macintosh"; its touch screen (5 points; Chromium's emulation gives 1) tells.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "maxTouchPoints", { get: () => 5 }));
  const shell = new Shell(page, env.server.url);
  const settings = new SettingsPage(page, env.server.url);
  await shell.open("/");
  const banner = shell.homeScreenBanner;
  await banner.waitFor();
  assert.match(await banner.textContent(), /Lägg till på hemskärmen/);
  assert.match(await banner.textContent(), /sju dagar/);
  await banner.locator('[data-testid="home-screen-dismiss"]').click();
  await banner.waitFor({ state: "detached" });
  await shell.reload();
  assert.equal(await shell.homeScreenBanner.count(), 0, "once");
  await settings.open();
  await settings.homeScreenGuide.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a workspace an older version kept in localStorage opens, and now lives in IndexedDB", async () => {
  // What the old version wrote: the same envelope under the same keys, in localStorage.
  const first = await openPage(env.browser, "laptop");
  await new InspelPage(first.page, env.server.url).open();
  await new InspelPage(first.page, env.server.url).add("Från localStorage");
  await saved(first.page);
  const text = await storedText(first.page);
  assert.ok(inspelTitles(JSON.parse(text).workspace).includes("Från localStorage"));
  await first.context.close();

  const { context, page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  const inspel = new InspelPage(page, env.server.url);
  const settings = new SettingsPage(page, env.server.url);
  await context.route("**/favicon.ico", (r) => r.fulfill({ status: 204 })); // the bare icon page asks
  await page.goto(env.server.url + "/icon.svg"); // the origin, before the app ever ran
  await page.evaluate((t) => {
    localStorage.setItem("vagval.workspace", t);
    localStorage.setItem("vagval.workspace.lkg", t);
    localStorage.setItem("vagval.device", "dev-0123456789abcdef");
  }, text);
  await shell.open("/inspel", { demo: false });
  assert.equal(await page.locator('[data-testid="first-start"]').count(), 0, "not a first start");
  assert.ok((await inspel.sortedTitles()).includes("Från localStorage"));
  assert.equal(await shell.saveStateName(), "saved");
  assert.equal(await storedText(page), text, "moved into IndexedDB as it was");
  assert.equal(await storedText(page, "vagval.workspace.lkg"), text);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vagval.workspace")));
  assert.deepEqual(left, [], "and removed from localStorage");
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.device")), "dev-0123456789abcdef", "small keys stay");
  // It goes on from there: an edit is stored in IndexedDB and survives a reload.
  await inspel.add("Efter flytten");
  await saved(page);
  assert.ok(inspelTitles(await storedDoc(page)).includes("Efter flytten"));
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.workspace")), null);
  await shell.reload();
  assert.ok((await inspel.sortedTitles()).includes("Efter flytten"));
  await settings.open();
  assert.match(await settings.storageKept.textContent(), /IndexedDB/);
  assert.deepEqual(errors, []);
  await context.close();
});
