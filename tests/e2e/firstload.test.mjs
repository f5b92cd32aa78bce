// First load: every file is downloaded once, including by the service worker's precache (an
// iPad on a workshop's thin network must not pull the 1.6 MB wasm twice), and the page's
// security policy holds no directive an engine rejects.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, launch, openPage, ready, serve } from "./harness.mjs";

let browser;
let server;
before(async () => {
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("first load downloads each file once, the service worker's precache included", async () => {
  const { context, page, errors } = await openPage(browser, "tablet");
  await page.goto(server.url + "/");
  await ready(page, { demo: true });
  // The worker is active once its precache is complete (all or nothing).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

  const bodies = new Map();
  for (const line of server.log) {
    const [method, path, status] = line.split(" ");
    if (method === "GET" && status === "200") bodies.set(path, (bodies.get(path) ?? 0) + 1);
  }
  const twice = [...bodies].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], `downloaded more than once: ${JSON.stringify(twice)}\n${server.log.join("\n")}`);
  // Every wasm file of the build (the main module and each module's chunk) came over the
  // wire once…
  const built = readdirSync(DIST).filter((f) => f.endsWith(".wasm")).map((f) => "/" + f).sort();
  const wasm = [...bodies.keys()].filter((p) => p.endsWith(".wasm")).sort();
  assert.deepEqual(wasm, built, server.log.join("\n"));
  // …and the worker holds them, so the next start is offline-proof.
  const cached = await page.evaluate(
    async (urls) => Promise.all(urls.map(async (u) => !!(await caches.match(u)))),
    built,
  );
  assert.deepEqual(cached, built.map(() => true), "the precache holds every wasm file");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the security policy names only directives every engine knows in a meta policy", async () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const policy = html.match(/content="([^"]*)"[^>]*http-equiv=Content-Security-Policy/)?.[1]
    ?? html.match(/http-equiv="?Content-Security-Policy"?[^>]*content="([^"]*)"/)?.[1];
  assert.ok(policy, "index.html has a Content-Security-Policy");
  const directives = policy.split(";").map((d) => d.trim().split(/\s+/)[0]).filter(Boolean);
  // WebKit logs `manifest-src` as an unknown directive (a security error on every load); the
  // manifest falls under default-src 'self' anyway.
  const known = new Set([
    "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
    "worker-src", "object-src", "base-uri", "form-action",
  ]);
  assert.deepEqual(directives.filter((d) => !known.has(d)), []);
  assert.ok(directives.includes("default-src"));
  assert.match(policy, /default-src 'self'/);
  assert.doesNotMatch(html, /rel="?preload"?[^>]*\.wasm|\.wasm[^>]*rel="?preload/, "no wasm preload link");
});
