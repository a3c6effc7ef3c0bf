// Usage: node elasticlunr-build.js <siteDir> <outFile.json> <saveDocument: true|false>
// Builds an elasticlunr index (fields: title, body; ref: page path) from every
// index.html under <siteDir>, roughly as mdBook/Zola do, and writes
// JSON.stringify(index.toJSON()) to <outFile.json>.
"use strict";
const fs = require("fs");
const path = require("path");
const elasticlunr = require("elasticlunr");

const [siteDir, outFile, saveDocArg] = process.argv.slice(2);
if (!siteDir || !outFile) {
  console.error("usage: node elasticlunr-build.js <siteDir> <out.json> <true|false>");
  process.exit(2);
}
const saveDocument = saveDocArg !== "false";

function walk(dir, acc) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) walk(p, acc);
    else if (ent.isFile() && ent.name === "index.html") acc.push(p);
  }
  return acc;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };
function decode(s) {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e) => ENTITIES[e])
          .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n))
          .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)));
}
function text(html) {
  return decode(html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

const t0 = process.hrtime.bigint();
const files = walk(siteDir, []).sort();

const index = elasticlunr(function () {
  this.addField("title");
  this.addField("body");
  this.setRef("id");
  this.saveDocument(saveDocument);
});

let bodyChars = 0;
for (const f of files) {
  const html = fs.readFileSync(f, "utf8");
  const h1 = html.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
  const tt = html.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i);
  const title = text(h1 ? h1[1] : tt ? tt[1] : "");
  const m = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/i);
  const body = text(m ? m[1] : html);
  bodyChars += body.length;
  const rel = path.relative(siteDir, f).split(path.sep).join("/");
  const id = "/" + rel.replace(/index\.html$/, "");
  index.addDoc({ id, title, body });
}
const t1 = process.hrtime.bigint();
const json = JSON.stringify(index.toJSON());
fs.writeFileSync(outFile, json);
const t2 = process.hrtime.bigint();
console.log(JSON.stringify({
  docs: files.length,
  bodyChars,
  saveDocument,
  buildMs: Number(t1 - t0) / 1e6,
  serializeMs: Number(t2 - t1) / 1e6,
  bytes: Buffer.byteLength(json),
}));
