// Static server for dist/ on 127.0.0.1 (used by `cargo xtask serve`, the e2e tests and
// the benchmarks). Paths without a file extension get index.html, as the service worker
// does offline, so deep links into the router work.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts a server over `root`; resolves to { url, port, close() }. */
export async function serve(root, port = 0) {
  root = resolve(root);
  // Every request as `METHOD path status`, for tests that count downloads.
  const log = [];
  const server = createServer(async (req, res) => {
    const status = (code) => log.push(`${req.method} ${new URL(req.url, "http://x").pathname} ${code}`);
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if (path.endsWith("/") || !extname(path)) file = join(root, "index.html");
      else if (!(await stat(file)).isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
      const body = await readFile(file);
      const hashed = /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css)$/.test(file);
      // A strong validator, so a revalidation of an unchanged file is a 304 without a body.
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      const headers = {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
        "X-Content-Type-Options": "nosniff",
        ETag: etag,
      };
      if (req.headers["if-none-match"] === etag) {
        status(304);
        res.writeHead(304, headers);
        res.end();
        return;
      }
      status(200);
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      status(e.code === "ENOENT" ? 404 : 500);
      res.writeHead(e.code === "ENOENT" ? 404 : 500, { "Content-Type": "text/plain" });
      res.end(e.code === "ENOENT" ? "Not found" : "Server error");
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    log,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  serve(root, Number(port)).then(
    (s) => console.log(`Vägval körs på ${s.url}/  (serving ${root}; Ctrl-C to stop)`),
    (e) => {
      console.error(`could not serve ${root} on 127.0.0.1:${port}: ${e.message}`);
      process.exit(2);
    },
  );
}
