// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core
// against the release build in dist/, served on 127.0.0.1.
//
// Selectors and multi-step actions live in page objects, one per module or area, in pages/
// (shell, share, inspel, rounds, round, ballot, results, agenda, kiosk, settings, workspaces,
// conflicts);
// the assertions stay in the tests. Tests wait for a condition (an element, the save state,
// a function of the page), never for a fixed time, except to show that something does not
// happen, and then with a comment saying why.
import { after, before } from "node:test";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../support/serve.mjs";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

export const ROOT = new URL("../../", import.meta.url).pathname;
export const DIST = join(ROOT, "dist");
export const OUT = join(ROOT, "tests/e2e/out");
mkdirSync(OUT, { recursive: true });

export const SIZES = {
  tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: false },
  laptop: { viewport: { width: 1280, height: 800 }, hasTouch: false },
};

// The app's routes are not listed here: tests read them from the rendered navigation
// (`Shell.routes()` in pages/shell.mjs), so a route added or removed in the app's module list
// needs no change in the tests beyond the expected count.

export function launch(extra = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ...extra,
    ],
  });
}

export { serve };

/**
 * Registers the file's shared browser and server (release build on 127.0.0.1) with
 * node:test's before/after hooks; read them as `env.browser` and `env.server` in tests.
 */
export function shared() {
  const env = { browser: null, server: null };
  before(async () => {
    env.server = await serve(DIST);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A new context and page that records console errors, page errors, failed responses and
 * every request URL. `problems()` lists what went wrong.
 */
export async function openPage(browser, size = "tablet", options = {}) {
  const context = await browser.newContext({ ...SIZES[size], locale: "sv-SE", ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  const watch = (p) => {
    p.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    p.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    p.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  };
  watch(page);
  context.on("page", watch);
  context.on("request", (r) => requests.push(r.url()));
  return { context, page, errors, requests };
}

/**
 * Waits until the wasm app has replaced the static shell. On a device where nothing is stored
 * yet the app asks for a new workspace or the demo; the tests take the demo (`demo: false`
 * leaves the choice on screen).
 */
export async function ready(page, { demo = true } = {}) {
  await page.waitForSelector("html[data-ready] .module-nav", { timeout: 20_000 });
  if (demo) await pastFirstStart(page);
  await moduleShown(page);
}

/**
 * Waits until the page's module chunk is there and its page drawn: the shell is ready before
 * a module's chunk has arrived (it is fetched on first use), and a page read at once then
 * finds only "Laddar modulen …" (two CI runs failed on that race).
 */
export async function moduleShown(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="module-loading"]'), null, { timeout: 20_000 });
}

/** Takes the demo if the page shows the first-start choice. */
export async function pastFirstStart(page) {
  if ((await page.locator('[data-testid="first-start"]').count()) > 0) {
    await page.click('[data-testid="first-demo"]');
    await page.locator('[data-testid="first-start"]').waitFor({ state: "detached" });
  }
}

/** Requests that left the page's origin (data: and blob: URLs are local). */
export function foreign(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob):/.test(u));
}

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core's WCAG 2.1 A/AA rules on the page; returns the violations. */
export async function axe(page) {
  // evaluate() runs over the DevTools protocol, so the page's strict CSP stays in force.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
}

/** Waits until the header says everything is stored. */
export async function saved(page, timeout = 10_000) {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.dataset.state === "saved", null, {
    timeout,
  });
}

// The Dela page's import as one step; lives with the page object (re-exported here for the
// benchmarks, which import it from the harness).
export { mergeFile } from "./pages/share.mjs";

// The workspace store (public/store.js): IndexedDB "vagval-store", object store "kv", text
// values under the keys the app used in localStorage before issue 12 (long ones in parts).
const IDB_OPEN = `new Promise((ok, no) => {
  const r = indexedDB.open("vagval-store");
  r.onupgradeneeded = () => r.result.createObjectStore("kv");
  r.onsuccess = () => ok(r.result);
  r.onerror = () => no(r.error);
})`;

/** Every key and text in the workspace store. */
export function storedEntries(page) {
  return page.evaluate(`(async () => {
    const db = await ${IDB_OPEN};
    const s = db.transaction("kv").objectStore("kv");
    const get = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const [keys, values] = await Promise.all([get(s.getAllKeys()), get(s.getAll())]);
    db.close();
    // Long texts are stored in parts (public/store.js): joined here, the part keys left out.
    const raw = new Map(keys.map((k, i) => [k, values[i]]));
    const part = (k) => k.startsWith("vagval~parts:") || k.startsWith("vagval~part:");
    return keys.filter((k) => !part(k)).map((k) => {
      const n = raw.get("vagval~parts:" + k);
      if (typeof n !== "number" || n < 2) return [k, raw.get(k)];
      let text = raw.get(k);
      for (let i = 1; i < n; i++) text += raw.get("vagval~part:" + i + ":" + k);
      return [k, text];
    });
  })()`);
}

/** The text stored under `key` in the workspace store, or null. */
export async function storedText(page, key = "vagval.workspace") {
  const entry = (await storedEntries(page)).find(([k]) => k === key);
  return entry ? entry[1] : null;
}

/**
 * Stores `text` under `key` as another tab would: committed to IndexedDB, then announced on the
 * store's BroadcastChannel when `announce` is set (a reload reads it anyway).
 */
export function setStored(page, key, text, { announce = false } = {}) {
  return page.evaluate(`(async () => {
    const db = await ${IDB_OPEN};
    await new Promise((ok, no) => {
      const tx = db.transaction("kv", "readwrite");
      tx.objectStore("kv").put(${JSON.stringify(text)}, ${JSON.stringify(key)});
      // Whole, so no parts of a longer earlier copy are joined to it (public/store.js).
      tx.objectStore("kv").delete("vagval~parts:" + ${JSON.stringify(key)});
      tx.oncomplete = ok;
      tx.onabort = () => no(tx.error);
    });
    db.close();
    if (${announce}) {
      const c = new BroadcastChannel("vagval-store");
      c.postMessage({ puts: [${JSON.stringify(key)}], dels: [] });
      c.close();
    }
  })()`);
}

/**
 * SHA-256 over every localStorage key and value and every entry of the workspace store
 * (IndexedDB), sorted: "byte-identical" in one string.
 */
export async function storageHash(page) {
  const idb = await storedEntries(page);
  return page.evaluate(async (idb) => {
    const keys = Object.keys(localStorage).sort();
    const text = keys.map((k) => `${k}\u0000${localStorage.getItem(k)}`).join("\u0001") +
      "\u0002" + idb.sort().map(([k, v]) => `${k}\u0000${v}`).join("\u0001");
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }, idb);
}

/** The stored workspace document (parsed), or null. */
export async function storedDoc(page) {
  const raw = await storedText(page);
  return raw ? JSON.parse(raw).workspace : null;
}

/** Titles of the live, not removed inspel in a document. */
export function inspelTitles(doc) {
  return (doc?.inspel ?? [])
    .filter((r) => !r.deleted && !(r.removed && r.removed.value))
    .map((r) => r.title?.value)
    .sort();
}

/**
 * Clicks `selector` (or runs `act`) and returns the download it starts (a playwright Download:
 * `.path()` lives as long as the browser context; `keep()` copies it out).
 */
export async function download(page, selectorOrAct) {
  const act = typeof selectorOrAct === "string" ? () => page.click(selectorOrAct) : selectorOrAct;
  const [d] = await Promise.all([page.waitForEvent("download"), act()]);
  return d;
}

/** Copies a download to a temporary directory under its suggested name; returns the path. */
export async function keep(d) {
  const path = join(mkdtempSync(join(tmpdir(), "vagval-dl-")), d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

/** Runs axe-core on the page and fails with the violations listed under `label`. */
export async function violations(page, label) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${label}: ${JSON.stringify(v, null, 1)}`);
}

export const CORPUS = join(ROOT, "crates/core/tests/corpus");
