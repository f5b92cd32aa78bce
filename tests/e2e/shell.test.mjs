// The app shell: every route at tablet and laptop size, language switch, the save
// indicator, no foreign requests, and axe-core's WCAG 2.1 A/AA rules on every route.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, ROUTES, axe, foreign, openPage, ready, shared, storedText } from "./harness.mjs";

const env = shared();

describe("every route renders", () => {
  for (const size of ["tablet", "laptop"]) {
    test(`at ${size} size, in Swedish, with no console error`, async () => {
      const { context, page, errors } = await openPage(env.browser, size);
      for (const [path, title] of ROUTES) {
        await page.goto(env.server.url + path);
        await ready(page);
        const current = page.locator('.module-nav a[aria-current="page"]');
        assert.equal(await current.textContent(), title, `current nav item on ${path}`);
        assert.equal(await page.getAttribute("html", "lang"), "sv");
        const h1 = (await page.locator("main h1").textContent()).trim();
        assert.ok(h1.length > 0, `heading on ${path}`);
        assert.match(await page.title(), /Vägval$/);
        const name = path.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "start";
        await page.screenshot({ path: join(OUT, `${name}-${size}.png`), fullPage: true });
      }
      await page.goto(env.server.url + "/finns-inte");
      await ready(page);
      assert.equal(await page.locator("main h1").textContent(), "Sidan finns inte");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

test("a full walk through the routes stays on the app's origin", async () => {
  const { context, page, errors, requests } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/");
  await ready(page);
  for (const [path, title] of ROUTES) {
    await page.locator(".module-nav a", { hasText: title }).first().click();
    await page.waitForFunction((p) => location.pathname === p, path);
    assert.equal(await page.locator('.module-nav a[aria-current="page"]').textContent(), title);
  }
  await page.reload();
  await ready(page);
  assert.ok(requests.length >= 5, `requests recorded: ${requests.length}`);
  assert.deepEqual(foreign(requests, env.server.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("language switches to English and back, and is remembered", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  await page.goto(env.server.url + "/inspel");
  await ready(page);
  await page.click('[data-testid="lang-switch"]');
  await page.waitForSelector('html[lang="en"]');
  assert.equal(await page.locator("main h1").textContent(), "Inputs & prioritisation");
  assert.equal(await page.locator('.module-nav a[aria-current="page"]').textContent(), "Inputs & prioritisation");
  assert.equal(await page.title(), "Inputs & prioritisation – Vägval");
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator(".module-nav a").first().textContent(), "Overview");
  await page.click('[data-testid="lang-switch"]');
  await page.waitForSelector('html[lang="sv"]');
  assert.equal(await page.locator(".module-nav a").first().textContent(), "Översikt");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an edit is saved, survives a reload and can be undone", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  await page.goto(env.server.url + "/installningar");
  await ready(page);
  const state = page.locator('[data-testid="save-state"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').dataset.state === "saved");
  assert.equal((await state.textContent()).trim(), "Sparat");
  await page.fill("#ws-name", "Workshop i Strömsund");
  await page.press("#ws-name", "Tab");
  assert.match(await page.locator('[data-testid="workspace-name"]').textContent(), /Workshop i Strömsund$/);
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').dataset.state === "saved");
  const stored = JSON.parse(await storedText(page));
  assert.equal(stored.format, "vagval/workspace");
  assert.equal(stored.workspace.meta.name.value, "Workshop i Strömsund");
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue("#ws-name"), "Workshop i Strömsund");

  // An empty name is refused with a message; nothing changes.
  await page.fill("#ws-name", "   ");
  await page.press("#ws-name", "Tab");
  assert.equal(await page.locator("#ws-name-error").textContent(), "Namnet får inte vara tomt.");
  assert.equal(await page.getAttribute("#ws-name", "aria-invalid"), "true");

  // Undo in a fresh session has nothing to undo; make an edit and undo it.
  await page.fill("#ws-org", "Kommunförbundet Jämtland Härjedalen");
  await page.press("#ws-org", "Tab");
  await page.click("text=Ångra");
  assert.equal(await page.inputValue("#ws-org"), "Region Jämtland Härjedalen – regionala utvecklingsnämnden (RUN)");
  await page.click("text=Gör om");
  assert.equal(await page.inputValue("#ws-org"), "Kommunförbundet Jämtland Härjedalen");
  assert.deepEqual(errors, []);
  await context.close();
});

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const [size, lang] of [["tablet", "sv"], ["laptop", "en"]]) {
    test(`no violations on any route at ${size} size in ${lang}`, async () => {
      const { context, page, errors } = await openPage(env.browser, size);
      await page.goto(env.server.url + "/");
      await ready(page);
      if (lang === "en") {
        await page.click('[data-testid="lang-switch"]');
        await page.waitForSelector('html[lang="en"]');
      }
      const found = {};
      for (const [path] of ROUTES) {
        await page.goto(env.server.url + path);
        await ready(page);
        const violations = await axe(page);
        if (violations.length) found[path] = violations;
      }
      assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
