// Function sizes of a wasm file with its name section (the release build before wasm-bindgen,
// target/wasm32-unknown-unknown/release/vagval-app.wasm, keeps the names): the largest bodies,
// and the sums of those whose (demangled-ish) name matches each pattern given. For finding what
// a change costs in the bundle (1 KB raw ≈ 0.23 KB brotli here), not a gate.
//   node tests/support/fnsizes.mjs [FILE.wasm] [--top=N] [PATTERN ...]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith(".wasm")) ?? "target/wasm32-unknown-unknown/release/vagval-app.wasm";
const top = Number(args.find((a) => a.startsWith("--top="))?.slice(6) ?? 40);
const patterns = args.filter((a) => !a.startsWith("--") && a !== file);
const buf = readFileSync(file);

let pos = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const n = leb();
  const s = buf.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};

let imported = 0;
const sizes = [];
const names = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const len = leb();
  const end = pos + len;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name(); name();
      const kind = buf[pos++];
      if (kind === 0) { leb(); imported++; }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const size = leb();
      sizes.push(size);
      pos += size;
    }
  } else if (id === 0 && name() === "name") {
    while (pos < end) {
      const sub = buf[pos++];
      const sublen = leb();
      const subend = pos + sublen;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      pos = subend;
    }
  }
  pos = end;
}

const demangle = (s) => s.replace(/17h[0-9a-f]{16}E$/, "").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">")
  .replace(/\$u20\$/g, " ").replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/\.\./g, "::");
const fns = sizes.map((size, i) => ({ size, name: demangle(names.get(i + imported) ?? `#${i + imported}`) }));
const total = fns.reduce((a, f) => a + f.size, 0);
console.log(`${fns.length} functions, ${(total / 1000).toFixed(1)} KB of code`);
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(String(f.size).padStart(8) + "  " + f.name.slice(0, 150));
}
for (const p of patterns) {
  const re = new RegExp(p);
  const hit = fns.filter((f) => re.test(f.name));
  const sum = hit.reduce((a, f) => a + f.size, 0);
  console.log(`${p}: ${hit.length} functions, ${(sum / 1000).toFixed(1)} KB`);
}
