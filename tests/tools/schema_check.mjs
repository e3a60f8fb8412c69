// Validates JSON files against assets/policies/policy-portal-1.schema.json with ajv and prints one JSON line per
// file: {"file", "parsed", "valid", "errors"}. "parsed" is false when the text is not JSON that JavaScript's
// JSON.parse accepts (the schema cannot judge such a file; policyctl reports it with line and column).
//
//   node tests/tools/schema_check.mjs FILE...
//
// The schema is compiled in ajv's strict mode, so a keyword ajv does not know or a mistake in the schema itself
// fails here rather than being ignored. strictRequired is off: it wants every `required` name declared beside it,
// which the schema's if/then branches (required only for some question types) deliberately do not repeat.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaPath = join(repo, 'assets', 'policies', 'policy-portal-1.schema.json');

const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
addFormats(ajv, ['date']);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

for (const file of process.argv.slice(2)) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(JSON.stringify({ file, parsed: false, valid: false, errors: [String(err.message)] }));
    continue;
  }
  const valid = validate(data);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
  console.log(JSON.stringify({ file, parsed: true, valid, errors }));
}
