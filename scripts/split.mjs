// Code splitting (release builds): each module's pages load on first use.
//
// Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt in one step and cannot put the splitter
// between the first two (trunk issue 1022), so this step, called from postbuild.mjs, redoes
// the last two on cargo's own output:
//   1. wasm-split-cli (crate wasm_split_cli_support, installed by `cargo xtask setup`) cuts the
//      linked wasm — linked with `--emit-relocs` (build.rs) — at every `#[lazy]` function
//      into a main module and one chunk per split point, plus a small JS loader;
//   2. wasm-bindgen with `--keep-lld-exports` (the chunks import the main module's table,
//      memory and functions through those exports) writes the glue for the main module;
//   3. wasm-opt -Oz on the main module and on each chunk;
//   4. every file gets a content-hashed name, and the references between them (glue → loader,
//      loader → chunks and glue) are rewritten, then index.html's start-up script and
//      modulepreload link point at the new glue.
// The service worker's precache list is written after this step (postbuild.mjs), so every
// chunk is cached on install and a module opened for the first time offline still loads.
// Without any `#[lazy]` point the splitter writes no chunk and Trunk's output stands (optimised
// here: index.html turns Trunk's wasm-opt off). VAGVAL_SPLIT=0 skips this step (then nothing
// optimises the wasm: for experiments only).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const sha = (data, n) => createHash("sha256").update(data).digest("hex").slice(0, n);
export const sri = (b) => "sha384-" + createHash("sha384").update(b).digest("base64");

// The wasm features rustc 1.95 emits for wasm32-unknown-unknown (and every browser we
// support has): wasm-opt must be allowed to keep them.
const FEATURES = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
];

/**
 * Splits the app in `staging` (Trunk's staging dir, with `html` its index.html text).
 * Returns the new index.html text, or `html` unchanged when nothing was split.
 */
export function split(staging, html, { root, name = "vagval-app" }) {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const linked = join(target, "wasm32-unknown-unknown", "release", `${name}.wasm`);
  if (!existsSync(linked)) throw new Error(`split: ${linked} is missing (cargo's output)`);
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });

  const work = mkdtempSync(join(tmpdir(), "vagval-split-"));
  try {
    run("wasm-split-cli", [linked, work, "--target", "web", "--out-name", name]);
    // split_<point>.wasm per split point, and chunk_<n>.wasm for code that two or more split
    // points share but the main module does not (the loader fetches it with either).
    const chunks = readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
    const opt = (from, to) => run("wasm-opt", ["-Oz", "--converge", ...FEATURES, from, "-o", to]);
    if (chunks.length === 0) {
      // Nothing to split: Trunk's output stands, optimised here (index.html turns Trunk's own
      // wasm-opt off so the work is not done twice).
      for (const f of readdirSync(staging).filter((f) => f.startsWith(`${name}-`) && f.endsWith("_bg.wasm"))) {
        opt(join(staging, f), join(staging, f));
      }
      return html;
    }

    const out = join(work, "out");
    run("wasm-bindgen", [
      "--target", "web", "--keep-lld-exports", "--no-typescript",
      "--out-dir", out, "--out-name", name, join(work, `${name}.wasm`),
    ]);

    // Chunks: split_<point>_<hash>.wasm → split-<point>-<content hash>.wasm
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const renamed = [];
    for (const chunk of chunks) {
      const optimised = join(work, `opt-${chunk}`);
      opt(join(work, chunk), optimised);
      const bytes = readFileSync(optimised);
      // split_<point>[_<number>].wasm: the split point's name, as the size gate reports it;
      // chunk_<n>.wasm: "shared-<n>".
      const point = chunk.startsWith("chunk_")
        ? `shared-${chunk.replace(/^chunk_/, "").replace(/\.wasm$/, "")}`
        : chunk.replace(/^split_/, "").replace(/\.wasm$/, "").replace(/_\d+$/, "").replace(/_/g, "-");
      const file = `split-${point}-${sha(bytes, 16)}.wasm`;
      writeFileSync(join(staging, file), bytes);
      if (!loader.includes(`./${chunk}`)) throw new Error(`split: the loader does not name ${chunk}`);
      loader = loader.split(`./${chunk}`).join(`./${file}`);
      renamed.push(file);
    }

    // Main module and glue.
    const mainBytes = (() => {
      const optimised = join(work, "main-opt.wasm");
      opt(join(out, `${name}_bg.wasm`), optimised);
      return readFileSync(optimised);
    })();
    const wasmFile = `${name}-${sha(mainBytes, 16)}_bg.wasm`;
    writeFileSync(join(staging, wasmFile), mainBytes);

    // The loader imports the glue and the glue imports the loader. The glue's name hashes both
    // texts with those two names still placeholders (the loader's text holds the chunks'
    // content-hashed names), so any change to any of them gives new names for both.
    let glue = readFileSync(join(out, `${name}.js`), "utf8");
    if (!glue.includes('"./__wasm_split.js"')) throw new Error("split: the glue does not import the loader");
    const glueFile = `${name}-${sha(glue + "\0" + loader, 16)}.js`;
    if (!loader.includes(`"./${name}.js"`)) throw new Error("split: the loader does not import the glue");
    loader = loader.split(`"./${name}.js"`).join(`"./${glueFile}"`);
    const loaderFile = `wasm-split-${sha(loader, 16)}.js`;
    writeFileSync(join(staging, loaderFile), loader);
    // Only the import statements (one per split point): the imports object keeps
    // "./__wasm_split.js" as its key, the module name the wasm imports from.
    const from = /from\s*"\.\/__wasm_split\.js"/g;
    if ((glue.match(from) ?? []).length < 1) throw new Error("split: the glue does not import the loader");
    glue = glue.replace(from, `from "./${loaderFile}"`);
    writeFileSync(join(staging, glueFile), glue);

    // index.html: Trunk's glue and wasm names → ours; the modulepreload's integrity → ours.
    const old = readdirSync(staging).filter((f) => new RegExp(`^${name}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(f));
    for (const f of old) {
      if (f === glueFile || f === wasmFile) continue;
      const text = f.endsWith(".js") ? readFileSync(join(staging, f)) : null;
      if (text) html = html.split(sri(text)).join(sri(Buffer.from(glue, "utf8")));
      html = html.split(`/${f}`).join(f.endsWith(".js") ? `/${glueFile}` : `/${wasmFile}`);
      rmSync(join(staging, f));
    }
    if (!html.includes(`/${glueFile}`) || !html.includes(`/${wasmFile}`)) {
      throw new Error("split: index.html does not load the split glue and main module");
    }
    console.log(`split: ${glueFile}, ${wasmFile}, ${loaderFile}, ${renamed.join(", ")}`);
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

