// Local storage robustness: two tabs editing at once lose nothing, a full quota shows the
// banner and loses nothing, damaged or newer stored copies are never overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  addInspel, inspelTitles, openPage, ready, saved, setStored, shared, storageHash, storedDoc, storedText,
} from "./harness.mjs";

const env = shared();

const listTitles = (page) =>
  page.$$eval('[data-testid="inspel-list"] .title', (els) => els.map((e) => e.textContent).sort());

test("two tabs editing the same workspace at once keep 100 % of edits, 20 runs", async () => {
  const demoCount = 12;
  let kept = 0;
  let made = 0;
  for (let run = 0; run < 20; run++) {
    const { context, page: a, errors } = await openPage(env.browser, "tablet");
    await a.goto(env.server.url + "/inspel");
    await ready(a);
    await saved(a);
    const b = await context.newPage();
    await b.goto(env.server.url + "/inspel");
    await ready(b);
    const mine = [];
    for (let i = 0; i < 4; i++) {
      // Both tabs type at the same time; neither waits for the other's save.
      await Promise.all([addInspel(a, `A${run}-${i}`), addInspel(b, `B${run}-${i}`)]);
      mine.push(`A${run}-${i}`, `B${run}-${i}`);
    }
    await Promise.all([saved(a), saved(b)]);
    await a.waitForTimeout(300);
    await Promise.all([saved(a), saved(b)]);
    const expected = mine.sort();
    const stored = inspelTitles(await storedDoc(a)).filter((t) => /^[AB]\d/.test(t));
    const inA = (await listTitles(a)).filter((t) => /^[AB]\d/.test(t));
    const inB = (await listTitles(b)).filter((t) => /^[AB]\d/.test(t));
    assert.deepEqual(stored, expected, `run ${run}: stored`);
    assert.deepEqual(inA, expected, `run ${run}: tab A`);
    assert.deepEqual(inB, expected, `run ${run}: tab B`);
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
  await page.goto(env.server.url + "/inspel");
  await ready(page);
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
  await addInspel(page, "Fjärrvärme i Bräcke");
  const banner = page.locator('[data-testid="storage-banner"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Inte sparat — lagringen är full\. Exportera nu/);
  assert.equal(await page.locator('[data-testid="save-state"]').getAttribute("data-state"), "failed");
  assert.ok((await listTitles(page)).includes("Fjärrvärme i Bräcke"), "edit kept in memory");
  assert.deepEqual(await storedDoc(page), before, "stored copy untouched");

  // One tap exports everything, the unsaved edit included.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="banner-export"]')]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
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
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await addInspel(page, "Laddinfrastruktur längs E14");
  await saved(page);
  await page.reload();
  await ready(page);
  assert.ok((await listTitles(page)).includes("Laddinfrastruktur längs E14"));
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  await page.waitForFunction(() => /Använt: [\d\u00a0]+,\d MB \/ [\d\u00a0]+,\d MB/.test(document.querySelector('[data-testid="storage-usage"]').textContent));
  assert.match(await page.locator('[data-testid="storage-persisted"]').textContent(), /Webbläsaren/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged stored copy opens the last good one and is kept; nothing readable → recovery", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await addInspel(page, "Skadetest");
  await saved(page);
  await page.reload(); // this load writes the last-known-good copy
  await ready(page);
  const raw = await storedText(page);
  const damaged = raw.slice(0, raw.length / 2);
  await setStored(page, "vagval.workspace", damaged);
  await page.reload();
  await ready(page);
  await page.locator('[data-testid="restored-banner"]').waitFor();
  assert.ok((await listTitles(page)).includes("Skadetest"));
  for (let i = 0; i < 50 && (await storedText(page, "vagval.workspace.unreadable")) !== damaged; i++) await page.waitForTimeout(100);
  assert.equal(await storedText(page, "vagval.workspace.unreadable"), damaged);

  // Both copies broken: a recovery screen, the raw data offered, nothing reset.
  await setStored(page, "vagval.workspace", "{broken");
  await setStored(page, "vagval.workspace.lkg", "{also broken");
  await page.reload();
  await ready(page);
  const recovery = page.locator('[data-testid="recovery"]');
  await recovery.waitFor();
  const hash = await storageHash(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    recovery.getByRole("button", { name: "Ladda ner rådata" }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), "utf8"), "{broken");
  await recovery.getByRole("button", { name: "Fortsätt utan att spara" }).click();
  await addInspel(page, "Skrivs inte");
  await page.waitForTimeout(800);
  assert.equal(await storageHash(page), hash, "nothing written over the unreadable copy");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a stored copy from a newer version is read-only with a reload banner", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/");
  await ready(page);
  await saved(page);
  const v = JSON.parse(await storedText(page));
  v.schema_version = 99;
  v.min_reader_version = 99;
  await setStored(page, "vagval.workspace", JSON.stringify(v));
  await page.reload();
  await ready(page);
  const banner = page.locator('[data-testid="storage-banner"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /nyare version av Vägval/);
  assert.ok(await banner.getByRole("button", { name: "Ladda om" }).isVisible());
  assert.equal(await page.locator('[data-testid="save-state"]').getAttribute("data-state"), "read-only");
  const hash = await storageHash(page);
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await addInspel(page, "Får inte sparas");
  await page.waitForTimeout(800);
  assert.equal(await storageHash(page), hash);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Inställningar asks the browser to keep the data and shows its answer, the last export with a one-tap export", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop", { acceptDownloads: true });
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  const card = page.locator('[data-testid="device-storage"]');
  await card.waitFor();
  assert.match(await card.textContent(), /Lägg till på hemskärmen/, "the guide is always in Inställningar");
  assert.match(await card.textContent(), /sju dagar/);
  assert.match(await page.locator('[data-testid="last-export"]').first().textContent(), /Aldrig exporterad|inte exporterats/i);
  await card.locator('[data-testid="persist-ask"]').click();
  await page.waitForFunction(() => /Webbläsaren (svarade|kan inte)/.test(document.querySelector('[data-testid="persist-answer"]').textContent));
  const box = await card.locator('[data-testid="device-export"]').boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, "a 44 px target");
  const [download] = await Promise.all([page.waitForEvent("download"), card.locator('[data-testid="device-export"]').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.waitForFunction(() => /Senast exporterad/.test(document.querySelector('[data-testid="device-storage"] [data-testid="last-export"]').textContent));
  // Not an iPad: no home-screen banner.
  assert.equal(await page.locator('[data-testid="home-screen-banner"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("iPad Safari outside the home screen shows the home-screen guide once", async () => {
  const ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
  const { context, page, errors } = await openPage(env.browser, "tablet", { userAgent: ipad });
  // iPadOS says "Macintosh"; its touch screen (5 points; Chromium's emulation gives 1) tells.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "maxTouchPoints", { get: () => 5 }));
  await page.goto(env.server.url + "/");
  await ready(page);
  const banner = page.locator('[data-testid="home-screen-banner"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Lägg till på hemskärmen/);
  assert.match(await banner.textContent(), /sju dagar/);
  await banner.locator('[data-testid="home-screen-dismiss"]').click();
  await banner.waitFor({ state: "detached" });
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid="home-screen-banner"]').count(), 0, "once");
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  await page.locator('[data-testid="home-screen-guide"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a workspace an older version kept in localStorage opens, and now lives in IndexedDB", async () => {
  // What the old version wrote: the same envelope under the same keys, in localStorage.
  const first = await openPage(env.browser, "laptop");
  await first.page.goto(env.server.url + "/inspel");
  await ready(first.page);
  await addInspel(first.page, "Från localStorage");
  await saved(first.page);
  const text = await storedText(first.page);
  assert.ok(inspelTitles(JSON.parse(text).workspace).includes("Från localStorage"));
  await first.context.close();

  const { context, page, errors } = await openPage(env.browser, "laptop");
  await context.route("**/favicon.ico", (r) => r.fulfill({ status: 204 })); // the bare icon page asks
  await page.goto(env.server.url + "/icon.svg"); // the origin, before the app ever ran
  await page.evaluate((t) => {
    localStorage.setItem("vagval.workspace", t);
    localStorage.setItem("vagval.workspace.lkg", t);
    localStorage.setItem("vagval.device", "dev-0123456789abcdef");
  }, text);
  await page.goto(env.server.url + "/inspel");
  await ready(page, { demo: false });
  assert.equal(await page.locator('[data-testid="first-start"]').count(), 0, "not a first start");
  assert.ok((await listTitles(page)).includes("Från localStorage"));
  assert.equal(await page.locator('[data-testid="save-state"]').getAttribute("data-state"), "saved");
  assert.equal(await storedText(page), text, "moved into IndexedDB as it was");
  assert.equal(await storedText(page, "vagval.workspace.lkg"), text);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vagval.workspace")));
  assert.deepEqual(left, [], "and removed from localStorage");
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.device")), "dev-0123456789abcdef", "small keys stay");
  // It goes on from there: an edit is stored in IndexedDB and survives a reload.
  await addInspel(page, "Efter flytten");
  await saved(page);
  assert.ok(inspelTitles(await storedDoc(page)).includes("Efter flytten"));
  assert.equal(await page.evaluate(() => localStorage.getItem("vagval.workspace")), null);
  await page.reload();
  await ready(page);
  assert.ok((await listTitles(page)).includes("Efter flytten"));
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  assert.match(await page.locator('[data-testid="storage-kept"]').textContent(), /IndexedDB/);
  assert.deepEqual(errors, []);
  await context.close();
});
