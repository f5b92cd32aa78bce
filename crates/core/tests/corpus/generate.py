#!/usr/bin/env python3
"""Writes the malformed/hostile snapshot corpus from the v2 golden fixture.

    python3 crates/core/tests/corpus/generate.py

invalid/  every file must be refused with a typed error (tests/corpus.rs, the CLI, and a
          sample in Playwright, which also checks that storage stays byte-identical).
hostile/  structurally valid files whose every text field holds an HTML/script payload:
          they must import, keep the text exactly, and never run it.
The output is committed; rerun only to change the corpus.
"""
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
# The newest schema's golden file, so that every mutation is judged by the current reader.
FIXTURE = os.path.join(FIXTURES, max(os.listdir(FIXTURES), key=lambda f: int(f[1:].split(".")[0])))
INVALID = os.path.join(HERE, "invalid")
HOSTILE = os.path.join(HERE, "hostile")

with open(FIXTURE, encoding="utf-8") as f:
    BASE_TEXT = f.read()
BASE = json.loads(BASE_TEXT)
del BASE["checksum"]  # mutations are checked by the rule they break, not the checksum

count = {"invalid": 0, "hostile": 0}


def write(folder, name, data):
    path = os.path.join(folder, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)
    count[os.path.basename(folder)] += 1


def invalid(name, data):
    if not isinstance(data, (str, bytes)):
        data = json.dumps(data, ensure_ascii=False)
    write(INVALID, name + ".json", data)


def doc():
    return copy.deepcopy(BASE)


def at(d, path):
    """Returns (parent, key) for a path like ['workspace', 'inspel', 0, 'title']."""
    for p in path[:-1]:
        d = d[p]
    return d, path[-1]


def put(path, value):
    d = doc()
    parent, key = at(d, path)
    parent[key] = value
    return d


def drop(path):
    d = doc()
    parent, key = at(d, path)
    del parent[key]
    return d


for folder in (INVALID, HOSTILE):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)

# --- truncated JSON (30)
compact = json.dumps(BASE, ensure_ascii=False)
for i, frac in enumerate([x / 31 for x in range(1, 31)]):
    invalid(f"truncated-{i:02d}", compact[: int(len(compact) * frac)])

# --- not JSON / not a workspace at all (14)
for name, text in [
    ("empty", ""), ("whitespace", "   \n\t "), ("null", "null"), ("array", "[]"),
    ("number", "42"), ("string", '"vagval"'), ("true", "true"), ("xml", "<workspace/>"),
    ("csv", "titel;kommun\nBredband;Krokom\n"), ("html", "<!doctype html><script>alert(1)</script>"),
    ("trailing-garbage", compact + "}"), ("two-documents", compact + compact),
    ("comment", "// Vägval\n" + compact), ("single-quotes", compact.replace('"', "'")),
]:
    invalid(f"notjson-{name}", text)
invalid("notjson-binary", bytes(range(256)) * 4)
invalid("notjson-latin1", json.dumps({"format": "vagval/workspace", "x": "Östersund"}, ensure_ascii=False).encode("latin-1"))

# --- wrong format id (8)
for i, fmt in enumerate(["excalidraw", "", None, 5, "vagval/other", "VAGVAL/WORKSPACE", ["vagval/workspace"], {"id": "vagval/workspace"}]):
    invalid(f"format-{i}", put(["format"], fmt))
invalid("format-missing", drop(["format"]))

# --- versions: future, missing, wrong type (14)
CURRENT = BASE["schema_version"]
for i, v in enumerate([CURRENT + 1, 99, 4294967295, 4294967296]):
    d = put(["min_reader_version"], v)
    d["schema_version"] = max(v, CURRENT + 1)
    invalid(f"future-{i}", d)
for i, v in enumerate([None, "2", 2.5, -1, 0, [2], 1e40]):
    invalid(f"version-schema-{i}", put(["schema_version"], v))
invalid("version-missing-schema", drop(["schema_version"]))
invalid("version-missing-min-reader", drop(["min_reader_version"]))

# --- wrong types at every level (70)
PATHS = [
    ["workspace"], ["workspace", "id"], ["workspace", "meta"], ["workspace", "meta", "id"],
    ["workspace", "meta", "name"], ["workspace", "meta", "name", "value"],
    ["workspace", "meta", "name", "stamp"], ["workspace", "meta", "name", "stamp", 0],
    ["workspace", "meta", "name", "stamp", 1], ["workspace", "meta", "name", "stamp", 2],
    ["workspace", "inspel"], ["workspace", "inspel", 0], ["workspace", "inspel", 0, "id"],
    ["workspace", "inspel", 0, "title", "value"], ["workspace", "inspel", 0, "description", "value"],
    ["workspace", "inspel", 0, "municipality", "value"], ["workspace", "inspel", 0, "dimensions", "value"],
    ["workspace", "inspel", 0, "status", "value"], ["workspace", "inspel", 0, "theme"],
    ["app_version"], ["exported_at"], ["device"],
]
WRONG = [None, 12, "text", [1, 2], {"a": 1}, True]
n = 0
for path in PATHS:
    parent, key = at(doc(), path)
    current = parent[key]
    # null for an optional field means "never set", which is valid.
    kinds = [w for w in WRONG if type(w) is not type(current) and not (w is None and path[-1] == "theme")]
    for w in kinds[:3]:
        invalid(f"type-{n:03d}", put(path, w))
        n += 1

# --- huge, fractional and negative numbers (12)
for i, w in enumerate(["1e400", "18446744073709551616", "-1", "1.5", "1e3", "99999999999999999999999"]):
    text = json.dumps(doc(), ensure_ascii=False).replace("[1604880000000, 0, \"demo\"]", f"[{w}, 0, \"demo\"]", 1)
    invalid(f"number-wall-{i}", text)
for i, w in enumerate(["4294967296", "-1", "0.5", "1e10", "NaN", "Infinity"]):
    text = json.dumps(doc(), ensure_ascii=False).replace("[1604880000000, 0, \"demo\"]", f"[1604880000000, {w}, \"demo\"]", 1)
    invalid(f"number-counter-{i}", text)

# --- NaN / Infinity as strings and bare tokens (8)
for i, w in enumerate(["NaN", "Infinity", "-Infinity", "nan"]):
    invalid(f"nan-string-{i}", put(["workspace", "meta", "name", "stamp", 0], w))
    invalid(f"nan-version-{i}", put(["schema_version"], w))
for i, tok in enumerate(["NaN", "Infinity", "-Infinity"]):
    invalid(f"nan-token-{i}", json.dumps(doc(), ensure_ascii=False).replace(f'"schema_version": {BASE["schema_version"]}', f'"schema_version": {tok}'))

# --- deep nesting (6)
for i, depth in enumerate([129, 200, 1000, 5000]):
    # Inside the workspace object, where unknown collections are kept.
    text = json.dumps(doc(), ensure_ascii=False)
    assert text.endswith("}}")
    invalid(f"deep-array-{i}", text[:-2] + ', "future": ' + "[" * depth + "]" * depth + "}}")
invalid("deep-object", '{"format": "vagval/workspace", "x": ' + '{"a":' * 300 + "1" + "}" * 300 + "}")
invalid("deep-top", "[" * 100000 + "]" * 100000)

# --- oversized strings and files (6)
invalid("size-file-over-10mb", put(["workspace", "meta", "description", "value"], "å" * (5_600_000)))
invalid("size-title-301", put(["workspace", "inspel", 0, "title", "value"], "x" * 301))
invalid("size-title-100k", put(["workspace", "inspel", 0, "title", "value"], "<b>" * 40_000))
invalid("size-description-over-100k", put(["workspace", "meta", "description", "value"], "ö" * 100_001))
invalid("size-5mb-string", put(["workspace", "inspel", 1, "person", ], {"value": "a" * 5_000_000, "stamp": [1, 0, "x"]}))
invalid("size-name-in-meta", put(["workspace", "meta", "name", "value"], "n" * 301))

# --- ids: duplicates, bad forms, cross-kind clashes (12)
d = doc(); d["workspace"]["inspel"].append(copy.deepcopy(d["workspace"]["inspel"][0])); invalid("dup-inspel-id", d)
d = doc(); d["workspace"]["inspel"][1]["id"] = d["workspace"]["inspel"][0]["id"]; invalid("dup-inspel-id-edited", d)
d = doc(); d["workspace"]["inspel"][0]["id"] = d["workspace"]["id"]; invalid("dup-inspel-is-workspace", d)
text = json.dumps(doc(), ensure_ascii=False)
invalid("dup-key-id", text.replace('"id": "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0001"', '"id": "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0001", "id": "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0002"', 1))
invalid("dup-key-title", text.replace('"title": {', '"title": {"value": "a", "stamp": [1, 0, "x"]}, "title": {', 1))
for i, bad in enumerate(["x", "", "5f0c6d2e-8a41-4c1b-9d3e", "zzzzzzzz-8a41-4c1b-9d3e-2a7b6c9e0001", "5f0c6d2e8a414c1b9d3e2a7b6c9e00011", " 5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0001"]):
    invalid(f"id-bad-{i}", put(["workspace", "inspel", 0, "id"], bad))
invalid("id-meta-mismatch", put(["workspace", "meta", "id"], "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e9999"))

# --- dangling references (4)
for i, refs in enumerate([["5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e9999"], ["5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0001", "00000000-0000-4000-8000-000000000000"], ["not-an-id"]]):
    invalid(f"dangling-{i}", put(["workspace", "inspel", 2, "originals"], {"value": refs, "stamp": [1, 0, "x"]}))
invalid("dangling-too-many", put(["workspace", "inspel", 2, "originals"], {"value": ["5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e0001"] * 501, "stamp": [1, 0, "x"]}))

# --- unknown enum values (8)
for i, (field, v) in enumerate([("municipality", "stockholm"), ("municipality", "Krokom"), ("municipality", "östersund"),
                                 ("status", "done"), ("status", ""), ("dimensions", ["cultural"]),
                                 ("dimensions", ["social", "social", "social", "economic"]), ("removed", "yes")]):
    invalid(f"enum-{i}", put(["workspace", "inspel", 0, field], {"value": v, "stamp": [1, 0, "x"]}))

# --- bad stamps (8)
for i, st in enumerate([[1, 0, ""], [1, 0, "has space"], [1, 0, "a" * 65], [40_000_000_000_000, 0, "x"],
                        [1, 0], [1, 0, "x", 4], [1, 0, 5], {"wall": 1}]):
    invalid(f"stamp-{i}", put(["workspace", "inspel", 0, "title", "stamp"], st))

# --- missing parts (8)
for i, path in enumerate([["workspace"], ["workspace", "id"], ["workspace", "meta"], ["workspace", "meta", "id"],
                          ["workspace", "inspel", 0, "id"], ["workspace", "inspel", 0, "title", "stamp"],
                          ["workspace", "inspel", 0, "title", "value"], ["workspace", "meta", "name", "value"]]):
    invalid(f"missing-{i}", drop(path))

# --- empty required texts (3)
for i, v in enumerate(["", "   ", "\n\t"]):
    invalid(f"empty-name-{i}", put(["workspace", "meta", "name", "value"], v))

# --- too many unknown fields (2)
d = doc()
for k in range(65):
    d["workspace"]["inspel"][0][f"future_{k}"] = k
invalid("extra-too-many-fields", d)
d = doc()
for k in range(65):
    d["workspace"][f"collection_{k}"] = []
invalid("extra-too-many-collections", d)

# --- checksum mismatches on otherwise valid files (5)
for i, (a, b) in enumerate([("Bredband till hela landsbygden", "Bredband till hela länet"),
                            ("\"krokom\"", "\"berg\""), ("Region Jämtland", "Region Västernorrland"),
                            ("\"compiled\"", "\"adopted\""), ("1604880000000, 0, \"demo\"]", "1604880000001, 0, \"demo\"]")]):
    invalid(f"checksum-{i}", BASE_TEXT.replace(a, b, 1))

# --- issue 11: what the published format promises, the reader holds
# Required fields absent or null, for every kind (the reader names the record and field).
for i, (path, how) in enumerate([
    (["workspace", "inspel", 0, "title"], "drop"), (["workspace", "inspel", 0, "title"], "null"),
    (["workspace", "rounds", 0, "title"], "drop"), (["workspace", "rounds", 0, "title"], "null"),
    (["workspace", "rounds", 0, "items"], "drop"), (["workspace", "rounds", 0, "method"], "null"),
    (["workspace", "ballots", 0, "participant"], "drop"), (["workspace", "ballots", 0, "answer"], "null"),
    (["workspace", "ballots", 0, "round"], "drop"), (["workspace", "ballots", 0, "rules_hash"], "drop"),
    (["workspace", "agenda", 0, "text"], "drop"), (["workspace", "meta", "name"], "null"),
]):
    invalid(f"required-{i}", drop(path) if how == "drop" else put(path, None))
# A record of one kind in another kind's collection.
d = doc(); r = copy.deepcopy(d["workspace"]["rounds"][0]); r.pop("status", None)
d["workspace"]["rounds"] = []; d["workspace"]["ballots"] = []; d["workspace"]["inspel"].insert(0, r)
invalid("kind-round-in-inspel", d)
d = doc(); d["workspace"]["agenda"].append(copy.deepcopy(d["workspace"]["inspel"][0])); invalid("kind-inspel-in-agenda", d)
d = doc(); d["workspace"]["rounds"].append(copy.deepcopy(d["workspace"]["ballots"][0])); invalid("kind-ballot-in-rounds", d)
d = doc(); b = copy.deepcopy(d["workspace"]["inspel"][0]); b["id"] = "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e7777"
d["workspace"]["ballots"].append(b); invalid("kind-inspel-in-ballots", d)
# A tombstone that carries data back (GDPR: an erased person stays erased).
d = doc(); d["workspace"]["inspel"][0]["deleted"] = [1604880000001, 0, "demo"]; invalid("tombstone-with-fields", d)
d = doc(); d["workspace"]["inspel"][0] = {"id": d["workspace"]["inspel"][0]["id"], "deleted": [1, 0, "x"],
                                          "person": {"value": "Anna Andersson", "stamp": [1, 0, "x"]}}
invalid("tombstone-with-person", d)
d = doc(); d["workspace"]["inspel"][0] = {"id": d["workspace"]["inspel"][0]["id"], "deleted": [1, 0, "x"], "kontakt": "070-1234567"}
invalid("tombstone-with-unknown-field", d)
# Duplicate keys in the workspace object and deeper.
text = json.dumps(doc(), ensure_ascii=False)
ws = '"workspace": {'
meta = json.dumps(doc()["workspace"]["meta"], ensure_ascii=False)
invalid("dupws-meta", text.replace(ws, ws + '"meta": ' + meta + ", ", 1))
invalid("dupws-inspel", text.replace(ws, ws + '"inspel": [], ', 1))
invalid("dupws-agenda", text.replace(ws, ws + '"agenda": [], ', 1))
invalid("dupws-id", text.replace(ws, ws + '"id": "5f0c6d2e-8a41-4c1b-9d3e-2a7b6c9e1f41", ', 1))
invalid("dupws-unknown", text.replace(ws, ws + '"later": [], "later": [1], ', 1))
d = doc(); d["workspace"]["inspel"][0]["future"] = {"a": 1}
invalid("dupws-in-unknown-value", json.dumps(d, ensure_ascii=False).replace('{"a": 1}', '{"a": 1, "a": 2}', 1))
# A key twice inside a ballot's answer (typed maps too).
d = doc(); alloc = d["workspace"]["ballots"][0]["answer"]["value"]["allocation"]; k = next(iter(alloc))
t = json.dumps(d, ensure_ascii=False)
invalid("dupws-in-answer", t.replace('"allocation": {"%s": ' % k, '"allocation": {"%s": 3, "%s": ' % (k, k), 1))
# Two byte-order marks.
invalid("bom-twice", "\ufeff\ufeff" + json.dumps(doc(), ensure_ascii=False))
# A wrong checksum in a file of an older schema version.
for v in (2, 3):
    with open(os.path.join(FIXTURES, f"v{v}.json"), encoding="utf-8") as f:
        old = f.read()
    invalid(f"checksum-old-v{v}", old.replace("Påverkansagenda", "Påverkansagendx", 1))
# min_reader_version newer than the file's own schema.
invalid("version-min-reader-above-schema", put(["min_reader_version"], BASE["schema_version"] + 1))
# Nesting of exactly 128 levels (the envelope is level 1; 127 is the deepest read).
d = doc(); d["workspace"]["inspel"][0]["future"] = "X"
invalid("deep-128", json.dumps(d, ensure_ascii=False).replace('"X"', "[" * 124 + "]" * 124, 1))
# A whole-number float where an integer is asked.
invalid("float-stamp-counter", put(["workspace", "inspel", 0, "title", "stamp", 1], 0.0))
invalid("float-schema-version", put(["schema_version"], float(BASE["schema_version"])))

# ----------------------------------------------------------------- hostile but valid
PAYLOADS = [
    "<script>alert('xss')</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "\"><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<a href=\"javascript:alert(1)\">x</a>",
    "{{constructor.constructor('alert(1)')()}}", "</textarea><script>alert(1)</script>",
    "<style>body{display:none}</style>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "JaVaScRiPt:alert(1)", "<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>",
    "\u202eevil\u202c", "<details open ontoggle=alert(1)>", "'; DROP TABLE inspel; --", "<object data=x>",
]
TEXT_FIELDS = [["meta", "name"], ["meta", "organisation"], ["meta", "description"]]
INSPEL_TEXT = ["title", "description", "organisation", "person", "theme"]
for i in range(0, len(PAYLOADS), 2):
    d = doc()
    p = PAYLOADS[i: i + 2]
    for j, path in enumerate(TEXT_FIELDS):
        d["workspace"][path[0]][path[1]]["value"] = f"{p[j % len(p)]} ({path[1]})"
    for r in d["workspace"]["inspel"]:
        for k, field in enumerate(INSPEL_TEXT):
            r[field] = {"value": f"{p[k % len(p)]} {field}", "stamp": [1, 0, "x"]}
    d["workspace"]["inspel"][0]["<img src=x onerror=alert(1)>"] = p[0]
    write(HOSTILE, f"xss-{i // 2:02d}.json", json.dumps(d, ensure_ascii=False, indent=2))
# A byte-order mark, as some Windows editors write, is accepted.
write(HOSTILE, "bom.json", "\ufeff" + json.dumps(doc(), ensure_ascii=False))

print(f"invalid: {count['invalid']} files, hostile: {count['hostile']} files")
