//! Links the wasm app with its relocations kept (`--emit-relocs`), so the release build's
//! splitter (scripts/split.mjs, wasm-split-cli) can cut it at its `#[lazy]` points. Only the
//! final link changes; no dependency is rebuilt.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
