// The app shell: every route at tablet and laptop size, language switch, the save
// indicator, no foreign requests, and axe-core's WCAG 2.1 A/AA rules on every route.
// The routes are read from the rendered navigation (the app's module list), not repeated here.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, axe, foreign, openPage, shared, storedText } from "./harness.mjs";
import { Shell } from "./pages/shell.mjs";
import { SettingsPage } from "./pages/settings.mjs";

const env = shared();

// What the navigation must hold: this many routes, among them these (path → Swedish label).
// A route missing from the app's module list fails here.
const ROUTE_COUNT = 8;
const KNOWN_ROUTES = {
  "/": "Översikt",
  "/inspel": "Inspel & prioritering",
  "/dela": "Dela & importera",
  "/installningar": "Inställningar",
};

/** The app's routes from its navigation (loaded in Swedish at /), checked against the above. */
async function appRoutes(shell) {
  await shell.open("/");
  const routes = await shell.routes();
  assert.equal(routes.length, ROUTE_COUNT, `routes in the navigation: ${JSON.stringify(routes)}`);
  assert.equal(new Set(routes.map((r) => r.path)).size, ROUTE_COUNT, "each route once");
  for (const [path, label] of Object.entries(KNOWN_ROUTES)) {
    assert.deepEqual(routes.find((r) => r.path === path), { path, label }, `${path} in the navigation`);
  }
  assert.equal(routes[0].path, "/", "the overview first");
  return routes;
}

describe("every route renders", () => {
  for (const size of ["tablet", "laptop"]) {
    test(`at ${size} size, in Swedish, with no console error`, async () => {
      const { context, page, errors } = await openPage(env.browser, size);
      const shell = new Shell(page, env.server.url);
      for (const { path, label } of await appRoutes(shell)) {
        await shell.open(path);
        assert.equal(await shell.current.textContent(), label, `current nav item on ${path}`);
        assert.equal(await shell.current.getAttribute("href"), path, `current nav item's link on ${path}`);
        assert.equal(await shell.lang(), "sv");
        const h1 = (await shell.headingText()).trim();
        assert.ok(h1.length > 0, `heading on ${path}`);
        assert.match(await page.title(), /Vägval$/);
        const name = path.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "start";
        await page.screenshot({ path: join(OUT, `${name}-${size}.png`), fullPage: true });
      }
      await shell.open("/finns-inte");
      assert.equal(await shell.headingText(), "Sidan finns inte");
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

test("a full walk through the routes stays on the app's origin", async () => {
  const { context, page, errors, requests } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  for (const { path, label } of await appRoutes(shell)) {
    await shell.goByLabel(label, path);
    assert.equal(await shell.current.textContent(), label);
  }
  await shell.reload();
  assert.ok(requests.length >= 5, `requests recorded: ${requests.length}`);
  assert.deepEqual(foreign(requests, env.server.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("language switches to English and back, and is remembered", async () => {
  const { context, page, errors } = await openPage(env.browser, "laptop");
  const shell = new Shell(page, env.server.url);
  await shell.open("/inspel");
  await shell.switchLanguage("en");
  assert.equal(await shell.headingText(), "Inputs & prioritisation");
  assert.equal(await shell.current.textContent(), "Inputs & prioritisation");
  assert.equal(await page.title(), "Inputs & prioritisation – Vägval");
  await shell.reload();
  assert.equal(await shell.lang(), "en");
  assert.equal(await shell.navLinks.first().textContent(), "Overview");
  await shell.switchLanguage("sv");
  assert.equal(await shell.navLinks.first().textContent(), "Översikt");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an edit is saved, survives a reload and can be undone", async () => {
  const { context, page, errors } = await openPage(env.browser, "tablet");
  const shell = new Shell(page, env.server.url);
  const settings = new SettingsPage(page, env.server.url);
  await settings.open();
  await shell.saved();
  assert.equal((await shell.saveState.textContent()).trim(), "Sparat");
  await settings.rename("Workshop i Strömsund");
  assert.match(await shell.workspaceName.textContent(), /Workshop i Strömsund$/);
  await shell.saved();
  const stored = JSON.parse(await storedText(page));
  assert.equal(stored.format, "vagval/workspace");
  assert.equal(stored.workspace.meta.name.value, "Workshop i Strömsund");
  await shell.reload();
  assert.equal(await settings.name.inputValue(), "Workshop i Strömsund");

  // An empty name is refused with a message; nothing changes.
  await settings.rename("   ");
  assert.equal(await settings.nameError.textContent(), "Namnet får inte vara tomt.");
  assert.equal(await settings.name.getAttribute("aria-invalid"), "true");

  // Undo in a fresh session has nothing to undo; make an edit and undo it.
  await settings.setOrganisation("Kommunförbundet Jämtland Härjedalen");
  await shell.undo();
  assert.equal(await settings.org.inputValue(), "Region Jämtland Härjedalen – regionala utvecklingsnämnden (RUN)");
  await shell.redo();
  assert.equal(await settings.org.inputValue(), "Kommunförbundet Jämtland Härjedalen");
  assert.deepEqual(errors, []);
  await context.close();
});

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const [size, lang] of [["tablet", "sv"], ["laptop", "en"]]) {
    test(`no violations on any route at ${size} size in ${lang}`, async () => {
      const { context, page, errors } = await openPage(env.browser, size);
      const shell = new Shell(page, env.server.url);
      const routes = await appRoutes(shell);
      if (lang === "en") await shell.switchLanguage("en");
      const found = {};
      for (const { path } of routes) {
        await shell.open(path);
        const violations = await axe(page);
        if (violations.length) found[path] = violations;
      }
      assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
