// Validate JSON files against a JSON Schema (draft 2020-12) with Ajv, the
// validator the JavaScript world relies on, formats included.
//
//   node tests/tools/validate-json.cjs SCHEMA FILE...
//
// Prints each file's errors and exits 1 when any file is invalid.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: validate-json.cjs SCHEMA FILE...");
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let invalid = 0;
for (const file of files) {
  if (validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
    console.log(`valid: ${file}`);
  } else {
    invalid += 1;
    for (const error of validate.errors) {
      console.log(`${file}: ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}
process.exit(invalid ? 1 : 0);
