// The workspace store in IndexedDB (src/storage.rs binds it as a wasm-bindgen snippet, so it is
// loaded with the app's glue, before the wasm starts, and in the wasm-bindgen tests too).
//
// - `init()` opens the database and reads every entry into memory once, so the app reads
//   synchronously (`getText`). It also moves the workspace keys an older version kept in
//   localStorage into the database: copied, read back and compared, and only then removed
//   from localStorage; any failure leaves localStorage as it was.
// - `putText`/`delText` change memory at once and join one batch per task; the batch is committed as
//   ONE readwrite transaction with durability "strict" (on disk when it completes — Chromium
//   commits localStorage seconds after setItem, and a browser killed 1 s after lost it). A
//   transaction is all or nothing, so the previous copy survives any failure; a failed batch
//   (e.g. QuotaExceededError) is carried into the next one, so a retry writes all of it.
// - Other tabs hear of every committed batch on a BroadcastChannel (IndexedDB fires no
//   `storage` event): they take the new values into memory and `onOther` passes them on.
var NAME = "vagval-store", STORE = "kv", CHANNEL = "vagval-store";
var db = null;
var cache = new Map();
var batch = null; // { ops: Map(key -> text | null), promise, resolve, reject }
var carried = null; // ops of a failed batch, written with the next one
var channel = null;
var listener = null;
// The latest op per key not yet committed ({ v: text | null }). A page that goes while a
// deletion is not committed (its transaction is aborted) leaves the keys in localStorage under
// PENDING, and the next start deletes them: a workspace deleted on this device stays deleted.
// (Uncommitted puts of the workspace are covered by the rescue copy, src/storage.rs.)
var uncommitted = new Map();
var PENDING = "vagval.pending-deletions";

function request(r) {
  return new Promise(function (ok, no) {
    r.onsuccess = function () { ok(r.result); };
    r.onerror = function () { no(r.error); };
  });
}

function openDb() {
  return new Promise(function (ok, no) {
    if (typeof indexedDB === "undefined") return no(new Error("no IndexedDB"));
    var r;
    try {
      r = indexedDB.open(NAME, 1);
    } catch (e) {
      return no(e);
    }
    r.onupgradeneeded = function () { r.result.createObjectStore(STORE); };
    r.onsuccess = function () { ok(r.result); };
    r.onerror = function () { no(r.error); };
    r.onblocked = function () { no(new Error("blocked")); };
  });
}

// Long texts are stored in parts (issue 12): serialising a 2.6 M-character workspace in one
// put is one task of ≈ 100 ms at 4× CPU; in parts, each put is a task of its own (the next one
// is made in the previous one's success event), all in the same transaction. A text of n > 1
// parts: its key holds part 0, PARTS + key holds n, and PART + i + ":" + key holds part i.
// Keys under PARTS and PART never reach memory or the app.
var CHUNK = 1 << 18;
var PARTS = "vagval~parts:", PART = "vagval~part:";
var stored_parts = new Map(); // key -> n of the copy in the database (n > 1)

function isPartKey(k) {
  return typeof k === "string" && (k.indexOf(PARTS) === 0 || k.indexOf(PART) === 0);
}

// Joins parted texts: `raw` is every stored key -> value.
function assemble(raw) {
  var m = new Map(), parts = new Map();
  raw.forEach(function (v, k) {
    if (isPartKey(k) || typeof v !== "string") return;
    var n = raw.get(PARTS + k);
    if (typeof n === "number" && n > 1) {
      var all = [v];
      for (var i = 1; i < n; i++) {
        var p = raw.get(PART + i + ":" + k);
        // A missing part cannot happen (one transaction); if it does, the text is unreadable
        // and the app keeps it aside rather than reading half of it as whole.
        all.push(typeof p === "string" ? p : "\u0000");
      }
      v = all.join("");
      parts.set(k, n);
    }
    m.set(k, v);
  });
  return { texts: m, parts: parts };
}

function readAll(d) {
  var s = d.transaction(STORE, "readonly").objectStore(STORE);
  return Promise.all([request(s.getAllKeys()), request(s.getAll())]).then(function (kv) {
    var raw = new Map();
    kv[0].forEach(function (k, i) { raw.set(k, kv[1][i]); });
    var a = assemble(raw);
    stored_parts = a.parts;
    return a.texts;
  });
}

// One key's text as the database holds it now, parts joined (null if none). What it learns of
// the stored parts is kept, so a later write of fewer parts deletes the rest (another tab may
// have written more than this one knew).
function readOne(s, key) {
  return request(s.get(key)).then(function (v) {
    if (typeof v !== "string") return null;
    return request(s.get(PARTS + key)).then(function (n) {
      if (typeof n !== "number" || n < 2) {
        stored_parts.delete(key);
        return v;
      }
      stored_parts.set(key, n);
      var reads = [];
      for (var i = 1; i < n; i++) reads.push(request(s.get(PART + i + ":" + key)));
      return Promise.all(reads).then(function (ps) {
        var raw = new Map([[key, v], [PARTS + key, n]]);
        ps.forEach(function (p, j) { raw.set(PART + (j + 1) + ":" + key, p); });
        return assemble(raw).texts.get(key);
      });
    });
  });
}

// A queued value: a text, or { text, chunks } (`putParts`: the text already in parts).
function textOf(v) {
  return v !== null && typeof v === "object" ? v.text : v;
}

// The parts a value is stored in. A text given in parts keeps them (each is flattened when it
// is put, in its own task: flattening the whole 2.6 M-character text at once is a task of
// ≈ 30 ms at 4× CPU); a text is cut every CHUNK characters.
function chunksOf(v) {
  if (v !== null && typeof v === "object") return v.chunks.length ? v.chunks : [""];
  if (v.length <= CHUNK) return [v];
  var out = [];
  for (var i = 0; i < v.length; i += CHUNK) out.push(v.slice(i, i + CHUNK));
  return out;
}

// Writes `ops` (Map key -> value | null) in one transaction; resolves when it is on disk. A long
// text goes in parts, each put made in the success event of the one before.
function transact(ops) {
  var written = new Map(); // key -> n parts now (1: whole)
  return new Promise(function (ok, no) {
    var tx, s;
    // Parts of the texts still to put, in order: [key, i, text].
    var later = [];
    // A request that fails aborts the whole transaction (never a text with a part missing).
    function guard(r) {
      r.onerror = function () { try { tx.abort(); } catch (_) { /* already finished */ } };
      return r;
    }
    function next() {
      var job = later.shift();
      if (!job) return;
      try {
        guard(s.put(job[2], PART + job[1] + ":" + job[0])).onsuccess = next;
      } catch (_) {
        try { tx.abort(); } catch (_) { /* already finished */ }
      }
    }
    try {
      tx = db.transaction(STORE, "readwrite", { durability: "strict" });
      s = tx.objectStore(STORE);
      ops.forEach(function (v, k) {
        var before = stored_parts.get(k) || 1;
        var chunks = v === null ? [] : chunksOf(v);
        var n = chunks.length;
        if (v === null) guard(s.delete(k));
        else guard(s.put(chunks[0], k));
        if (n > 1) guard(s.put(n, PARTS + k));
        else if (before > 1) guard(s.delete(PARTS + k));
        for (var i = Math.max(n, 1); i < before; i++) s.delete(PART + i + ":" + k);
        for (var j = 1; j < n; j++) later.push([k, j, chunks[j]]);
        written.set(k, n);
      });
      next();
    } catch (e) {
      // Nothing of a half-queued transaction may commit.
      if (tx) try { tx.abort(); } catch (_) { /* already finished */ }
      return no(e);
    }
    tx.oncomplete = function () {
      written.forEach(function (n, k) { if (n > 1) stored_parts.set(k, n); else stored_parts.delete(k); });
      ok();
    };
    tx.onerror = function (e) { e.preventDefault(); };
    tx.onabort = function () { no(tx.error || new DOMException("aborted", "AbortError")); };
  });
}

function isWorkspaceKey(k) {
  return k.indexOf("vagval.workspace") === 0 || k.indexOf("vagval.shelf") === 0;
}

// Moves the workspace keys from localStorage: copy, read back, compare, then remove. A key the
// database already holds with other contents stays in localStorage (nothing is lost).
function migrate() {
  var ls;
  try {
    ls = window.localStorage;
  } catch (_) {
    return Promise.resolve({ moved: 0, kept: [] });
  }
  if (!ls) return Promise.resolve({ moved: 0, kept: [] });
  var ops = new Map(), same = [], kept = [];
  for (var i = 0; i < ls.length; i++) {
    var k = ls.key(i);
    if (!isWorkspaceKey(k)) continue;
    var v = ls.getItem(k);
    if (v === null) continue;
    if (!cache.has(k)) ops.set(k, v);
    else if (cache.get(k) === v) same.push(k);
    else kept.push(k);
  }
  if (ops.size === 0 && same.length === 0) return Promise.resolve({ moved: 0, kept: kept });
  return transact(ops).then(function () {
    return readAll(db);
  }).then(function (back) {
    ops.forEach(function (v, k) {
      if (back.get(k) !== v) throw new Error("read back differs: " + k);
    });
    ops.forEach(function (v, k) { cache.set(k, v); ls.removeItem(k); });
    same.forEach(function (k) { ls.removeItem(k); });
    return { moved: ops.size, kept: kept };
  });
}

function commitBatch() {
  var b = batch;
  batch = null;
  var ops = b.ops;
  if (carried) {
    var all = carried;
    carried = null;
    ops.forEach(function (v, k) { all.set(k, v); });
    ops = all;
  }
  transact(ops).then(function () {
    ops.forEach(function (v, k) {
      var u = uncommitted.get(k);
      if (u && u.v === v) uncommitted.delete(k);
    });
    try { localStorage.removeItem(PENDING); } catch (_) { /* harmless */ }
    if (channel) {
      // Keys only: a copy of the texts in the message would cost this tab another clone of
      // the whole workspace; the other tabs read them from the database.
      var puts = [], dels = [];
      ops.forEach(function (v, k) { if (v === null) dels.push(k); else puts.push(k); });
      try { channel.postMessage({ puts: puts, dels: dels }); } catch (_) { /* closed */ }
    }
    b.resolve();
  }, function (e) {
    // Memory keeps the new values (they are this tab's truth); the next batch writes them.
    if (carried) ops.forEach(function (v, k) { if (!carried.has(k)) carried.set(k, v); });
    else carried = ops;
    b.reject(e);
  });
}

// A short fingerprint of a stored text (length and FNV-1a), to delete at the next start only
// the very copy that was being deleted, never one written again since.
function fingerprint(t) {
  if (typeof t !== "string") return null;
  var h = 0x811c9dc5;
  for (var i = 0; i < t.length; i++) { h ^= t.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return t.length + ":" + h.toString(16);
}

function queue(key, value) {
  var before = uncommitted.get(key);
  // `was`: the committed copy this op replaces (its fingerprint is taken only if the page goes
  // while a deletion of it is uncommitted: a 2.6 M-character workspace costs ≈ 40 ms at 4× CPU).
  uncommitted.set(key, { v: value, was: before ? before.was : cache.get(key) });
  cache.delete(key);
  if (value !== null) cache.set(key, textOf(value));
  if (!batch) {
    var b = { ops: new Map() };
    b.promise = new Promise(function (ok, no) { b.resolve = ok; b.reject = no; });
    // Handled here once: a write nobody waits for must not be an "uncaught" error.
    b.promise.catch(function () {});
    batch = b;
    // Everything written in this task is one transaction.
    Promise.resolve().then(commitBatch);
  }
  batch.ops.set(key, value);
  return batch.promise;
}

// Another tab committed a batch: its deletions now, its puts read from the database (in one
// transaction, so in commit order with any later message's read).
function onMessage(e) {
  var m = e.data || {};
  (m.dels || []).forEach(function (k) { cache.delete(k); });
  var puts = (m.puts || []).filter(function (k) { return typeof k === "string"; });
  if (!db || puts.length === 0) return;
  var s;
  try {
    s = db.transaction(STORE, "readonly").objectStore(STORE);
  } catch (_) {
    return;
  }
  puts.forEach(function (k) {
    readOne(s, k).then(function (v) {
      if (typeof v !== "string") return;
      cache.set(k, v);
      if (listener) listener(k, v);
    }, function () { /* read again at the next message */ });
  });
}

// The page is going: note the deletions not yet committed (best effort, synchronous).
function notePending() {
  var dels = [];
  uncommitted.forEach(function (u, k) { if (u.v === null && typeof u.was === "string") dels.push([k, fingerprint(u.was)]); });
  try {
    if (dels.length) localStorage.setItem(PENDING, JSON.stringify(dels));
  } catch (_) { /* no localStorage: nothing more to do */ }
}

// Deletions a page left uncommitted: done now, then forgotten.
function replayPending() {
  var keys;
  try { keys = JSON.parse(localStorage.getItem(PENDING) || "[]"); } catch (_) { keys = []; }
  if (!Array.isArray(keys) || keys.length === 0) return Promise.resolve();
  var ops = new Map();
  keys.forEach(function (e) {
    // Only if the stored copy is still the one that was being deleted.
    if (Array.isArray(e) && typeof e[0] === "string" && fingerprint(cache.get(e[0])) === e[1]) ops.set(e[0], null);
  });
  if (ops.size === 0) {
    try { localStorage.removeItem(PENDING); } catch (_) { /* harmless */ }
    return Promise.resolve();
  }
  return transact(ops).then(function () {
    ops.forEach(function (_, k) { cache.delete(k); });
    try { localStorage.removeItem(PENDING); } catch (_) { /* kept for the next start */ }
  }, function () { /* kept for the next start */ });
}

// Opens the store; resolves with { moved, kept } (keys moved from / left in localStorage).
// Rejects when IndexedDB cannot be used: the app then keeps using localStorage.
export function init() {
  if (db) return Promise.resolve({ moved: 0, kept: [] });
  return openDb().then(function (d) {
    return readAll(d).then(function (m) {
      db = d;
      cache = m;
      db.onversionchange = function () { db.close(); };
      if (typeof window !== "undefined") {
        window.addEventListener("pagehide", notePending);
        document.addEventListener("visibilitychange", function () {
          if (document.visibilityState === "hidden") notePending();
        });
      }
      if (typeof BroadcastChannel !== "undefined" && !channel) {
        channel = new BroadcastChannel(CHANNEL);
        channel.onmessage = onMessage;
      }
      return replayPending().then(migrate).then(function (r) { return r; }, function (e) {
        // The database works but the move failed: localStorage stays the store.
        db.close();
        db = null;
        cache = new Map();
        throw e;
      });
    });
  });
}

export function getText(key) {
  var v = cache.get(key);
  return v === undefined ? null : v;
}

export function allKeys() {
  return Array.from(cache.keys());
}

// Resolves when the value is committed, rejects with the browser's error.
export function putText(key, value) {
  return queue(key, value);
}

// `putText` of `text` (the chunks joined) with the parts it is to be stored in.
export function putParts(key, text, chunks) {
  return queue(key, { text: text, chunks: chunks });
}

export function delText(key) {
  return queue(key, null);
}

// Another tab committed `key` = `value`: `f(key, value)`.
export function onOther(f) {
  listener = f;
}

// What the database holds under `key` now (not memory): for tests and checks.
export function stored(key) {
  if (!db) return Promise.resolve(null);
  return readOne(db.transaction(STORE, "readonly").objectStore(STORE), key);
}

// Closes the database and forgets memory (tests start afresh with `init`).
export function reset() {
  if (db) db.close();
  db = null;
  cache = new Map();
  stored_parts = new Map();
  batch = null;
  carried = null;
  if (channel) channel.close();
  channel = null;
  listener = null;
}
