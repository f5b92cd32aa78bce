// Trunk post_build hook (runs in the staging dir's parent with TRUNK_* variables set).
// 0. Release: splits the app into a main module and one chunk per module (split.mjs).
// 1. Moves Trunk's inline start-up <script type="module"> into a hashed file, so the
//    Content-Security-Policy can stay `script-src 'self'` with no inline allowance.
// 2. Fills sw.js with this build's precache list and a version hash of the final bytes.
// Fails the build if any inline script would be left for the CSP to block.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { split } from "./split.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run through trunk");
const sha = (data, n) => createHash("sha256").update(data).digest("hex").slice(0, n);

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
// 0. Release: split the app at its `#[lazy]` points (scripts/split.mjs).
if (process.env.TRUNK_PROFILE !== "debug" && process.env.VAGVAL_SPLIT !== "0") {
  html = split(dir, html, { root: process.env.TRUNK_SOURCE_DIR ?? process.cwd() });
}
html = html.replace(/<script type="?module"?>([\s\S]*?)<\/script>/g, (_, code) => {
  const name = `boot-${sha(code, 16)}.js`;
  writeFileSync(join(dir, name), code.trim() + "\n");
  return `<script type="module" src="/${name}"></script>`;
});
const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g);
if (inline) throw new Error(`inline script left in index.html (blocked by CSP): ${inline.join(" ")}`);

// Release: minify wasm-bindgen's JS glue (Trunk 0.21 leaves it as is) and update its
// subresource-integrity hash in index.html.
if (process.env.TRUNK_PROFILE !== "debug") {
  const { minify } = createRequire(import.meta.url)("terser");
  for (const name of readdirSync(dir).filter((f) => /^vagval-app-[0-9a-f]+\.js$/.test(f))) {
    const path = join(dir, name);
    const before = readFileSync(path);
    const sri = (b) => "sha384-" + createHash("sha384").update(b).digest("base64");
    const out = await minify(before.toString("utf8"), { module: true, compress: { passes: 2 }, mangle: true });
    const after = Buffer.from(out.code, "utf8");
    writeFileSync(path, after);
    if (!html.includes(sri(before))) throw new Error(`no integrity attribute for ${name} in index.html`);
    html = html.split(sri(before)).join(sri(after));
    console.log(`postbuild: minified ${name} ${before.length} → ${after.length} bytes`);
  }
}
// 3. Drops Trunk's `<link rel=preload as=fetch>` for the wasm: WebKit does not match it to the
//    start-up script's fetch ("preloaded … but not used") and so downloaded the 1.6 MB file
//    twice; Chromium and Firefox gain nothing measurable from it (the page is tiny and the
//    glue is modulepreloaded). The e2e test "first load fetches each file once" holds it.
let dropped = 0;
html = html.replace(/<link\b[^>]*>/g, (tag) =>
  /\brel="?preload"?[\s>]/.test(tag) && /\.wasm\b/.test(tag) ? (dropped++, "") : tag,
);
if (dropped !== 1) throw new Error(`expected one wasm preload link in index.html, found ${dropped}`);
writeFileSync(indexPath, html);

const swPath = join(dir, "sw.js");
if (process.env.TRUNK_PROFILE === "debug") {
  // Development: a worker that caches nothing and clears what an earlier build cached.
  writeFileSync(
    swPath,
    'self.addEventListener("install",()=>self.skipWaiting());\n' +
      'self.addEventListener("activate",e=>e.waitUntil(caches.keys().then(k=>Promise.all(k.map(c=>caches.delete(c)))).then(()=>self.clients.claim())));\n',
  );
  process.exit(0);
}

const files = [];
(function walk(d) {
  for (const entry of readdirSync(d)) {
    const p = join(d, entry);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(dir, p).split("\\").join("/"));
  }
})(dir);
const precache = files.filter((f) => f !== "sw.js").sort();
const version = createHash("sha256");
for (const f of precache) version.update(f).update("\0").update(readFileSync(join(dir, f)));
const sw = readFileSync(swPath, "utf8")
  .replace("__SW_VERSION__", version.digest("hex").slice(0, 16))
  .replace("__SW_PRECACHE__", JSON.stringify(precache.map((f) => "/" + f)));
if (sw.includes("__SW_")) throw new Error("sw.js placeholders not filled");
writeFileSync(swPath, sw);
console.log(`postbuild: precache ${precache.length} files`);
