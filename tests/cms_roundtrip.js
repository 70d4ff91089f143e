// The editor's file format, run in Node the way Decap runs it: for each file,
// read it into the editor's data (through JSON, as Decap keeps it), write it
// back, and compare bytes; then change each field the file has, one at a
// time, and report which lines changed. Prints one JSON report on stdout.
// Usage: node tests/cms_roundtrip.js fields.json file...
"use strict";
const fs = require("fs");
const path = require("path");
const { makeFormat } = require(path.join(__dirname, "..", "plugins", "cms", "admin", "format.js"));

const fields = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const format = makeFormat(fields);
const kinds = Object.fromEntries(fields.map((f) => [f.key, f.kind]));

function changed(kind, value) {
  if (kind === "list") return ["zmienione"];
  if (kind === "number") return (typeof value === "number" ? value : 0) + 1;
  if (kind === "date") return "2031-02-03 04:05";
  return "zmienione " + String(value);
}

function lineDiff(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  const diff = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) diff.push(i + 1);
  return { diff, sameCount: x.length === y.length };
}

const report = [];
for (const file of process.argv.slice(3)) {
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes); // as decap-server hands it over
  const entry = { file, roundTrip: null, refused: null, edits: {} };
  const data = JSON.parse(JSON.stringify(format.fromFile(text)));
  const refused = require(path.join(__dirname, "..", "plugins", "cms", "admin", "format.js")).refusal(data.__pelican);
  if (refused) {
    entry.refused = refused;
    try {
      format.toFile(data); // saving must be refused too
      entry.written = true;
    } catch (error) {
      entry.written = false;
    }
    report.push(entry);
    continue;
  }
  const back = Buffer.from(format.toFile(data), "utf8");
  entry.roundTrip = back.equals(bytes);
  for (const key of Object.keys(data)) {
    if (!(key in kinds)) continue;
    const edited = Object.assign({}, data, { [key]: changed(kinds[key], data[key]) });
    const out = format.toFile(JSON.parse(JSON.stringify(edited)));
    entry.edits[key] = lineDiff(text, out);
    entry.edits[key].value = format.fromFile(out)[key];
  }
  report.push(entry);
}
process.stdout.write(JSON.stringify(report));
