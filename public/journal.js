// The ballot journal (src/journal.rs): a tablet's ballots in IndexedDB, whose transactions are
// on disk when they complete. localStorage is not: Chromium commits it seconds later, so a
// browser killed right after "Tack! Rösten är sparad" lost the vote. The journal holds one
// small ballot file per round, is read back at start and merged (merging is idempotent).
(function () {
  "use strict";
  var NAME = "vagval-journal", STORE = "ballots";
  function open() {
    return new Promise(function (ok, no) {
      if (!("indexedDB" in window)) return no(new Error("no IndexedDB"));
      var r = indexedDB.open(NAME, 1);
      r.onupgradeneeded = function () { r.result.createObjectStore(STORE); };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { no(r.error); };
      r.onblocked = function () { no(new Error("blocked")); };
    });
  }
  window.vagvalJournal = {
    // Resolves once the text is committed.
    put: function (key, text) {
      return open().then(function (db) {
        return new Promise(function (ok, no) {
          var tx = db.transaction(STORE, "readwrite", { durability: "strict" });
          tx.objectStore(STORE).put(text, key);
          tx.oncomplete = function () { db.close(); ok(); };
          tx.onerror = tx.onabort = function () { db.close(); no(tx.error || new Error("aborted")); };
        });
      });
    },
    // Every journalled text.
    all: function () {
      return open().then(function (db) {
        return new Promise(function (ok, no) {
          var r = db.transaction(STORE, "readonly").objectStore(STORE).getAll();
          r.onsuccess = function () { db.close(); ok(r.result.filter(function (t) { return typeof t === "string"; })); };
          r.onerror = function () { db.close(); no(r.error); };
        });
      });
    }
  };
})();
