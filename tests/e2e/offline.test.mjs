// Offline PWA: after the first visit the app loads with the network gone (Playwright
// offline, and the server stopped), deep links included; a new version is announced and
// only switched to when the user asks.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, openPage, ready, saved, serve } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SettingsPage } from "./pages/settings.mjs";

let browser;
const dirs = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A private copy of dist/ so a test may change or stop serving it. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), "vagval-dist-"));
  cpSync(DIST, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

test("after the first visit the app works offline, also with the server stopped", async () => {
  const server = await serve(copyOfDist());
  const origin = server.url;
  const { context, page, errors } = await openPage(browser, "tablet");
  const shell = new Shell(page, origin);
  const settings = new SettingsPage(page, origin);
  await shell.open("/");
  await controlled(page);

  // An edit made online is there after an offline reload.
  await settings.open();
  await settings.rename("Workshop i Krokom");
  await saved(page);

  await context.setOffline(true);
  await shell.reload();
  assert.equal(await settings.name.inputValue(), "Workshop i Krokom");
  await shell.open("/malkonflikter"); // deep link, offline
  assert.equal(await shell.headingText(), "Målkonflikter");
  await context.setOffline(false);

  await server.close();
  await shell.reload();
  assert.equal(await shell.headingText(), "Målkonflikter");
  const tab = new Shell(await context.newPage(), origin);
  await tab.open("/intressenter");
  assert.equal(await tab.headingText(), "Intressenter");
  assert.match(await tab.workspaceName.textContent(), /Workshop i Krokom$/);
  assert.deepEqual(errors, []);
  await context.close();

  // Control: without the service worker the same offline load fails, so the test above
  // really exercised it.
  const blocked = await browser.newContext({ serviceWorkers: "block" });
  const p = await blocked.newPage();
  await assert.rejects(p.goto(origin + "/"), /ERR_CONNECTION_REFUSED/);
  await blocked.close();
});

test("a new version is announced and switched to only on 'Ladda om'", async () => {
  const dir = copyOfDist();
  const server = await serve(dir);
  const { context, page, errors } = await openPage(browser, "laptop");
  const shell = new Shell(page, server.url);
  await shell.open("/inspel");
  await controlled(page);
  const oldKeys = await page.evaluate(() => caches.keys());
  assert.equal(oldKeys.length, 1);

  // Publish "version B": a changed service worker.
  const swPath = join(dir, "sw.js");
  const sw = readFileSync(swPath, "utf8");
  const newVersion = "b".repeat(16);
  writeFileSync(swPath, sw.replace(/const VERSION = "[0-9a-f]+"/, `const VERSION = "${newVersion}"`));
  await page.evaluate(() => { window.__stillTheSamePage = true; });
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

  const banner = shell.updateBanner;
  await banner.waitFor({ timeout: 20_000 });
  assert.match(await banner.textContent(), /Ny version finns/);
  // A fixed wait on purpose: this proves that the page does NOT reload by itself once the new
  // version is announced, and there is no event for "no reload happened"; a silent switch
  // (the new worker activating and the page reloading on its controllerchange) would replace
  // the page, and with it the marker, within this time.
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, "no silent reload");

  await Promise.all([page.waitForEvent("framenavigated"), banner.getByRole("button", { name: "Ladda om" }).click()]);
  await ready(page);
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), undefined, "reloaded");
  await page.waitForFunction((v) => caches.keys().then((k) => k.length === 1 && k[0] === "vagval-" + v), newVersion);
  assert.equal(await banner.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test("each module opens for the first time offline: its code was precached on install", async () => {
  const server = await serve(copyOfDist());
  const origin = server.url;
  const { context, page, errors } = await openPage(browser, "laptop");
  const shell = new Shell(page, origin);
  await shell.open("/");
  await controlled(page);
  // No module page has been shown in this profile yet; from here on there is no network.
  await context.setOffline(true);
  await server.close();
  const routes = await shell.routes();
  assert.ok(routes.length >= 6, JSON.stringify(routes));
  for (const { path, label } of routes.slice(1)) {
    await shell.go(path);
    await page.waitForFunction((p) => location.pathname === p, path);
    await page.waitForFunction(
      (l) => document.querySelector("main h1")?.textContent.trim() === l.trim(),
      label,
      { timeout: 10_000 },
    );
  }
  // Every chunk the build has was fetched by the worker, none by the page offline.
  const chunks = readdirSync(DIST).filter((f) => /^split-.+\.wasm$/.test(f));
  const cached = await page.evaluate(
    async (names) => Promise.all(names.map(async (n) => !!(await caches.match("/" + n)))),
    chunks,
  );
  assert.deepEqual(cached, chunks.map(() => true), `precached: ${chunks}`);
  assert.deepEqual(errors, []);
  await context.close();
});
