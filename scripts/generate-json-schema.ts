/**
 * Write the JSON Schemas of the dataset and region formats to docs/ (`npm run schema`).
 * Run it after any change to src/core/dataset/schema.ts and commit the result; a test fails
 * while the files are out of date.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATASET_SCHEMA_FILE,
  REGION_SCHEMA_FILE,
  buildJsonSchemas,
  schemaFileText,
} from '../src/core/dataset/json-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { dataset, region } = buildJsonSchemas();
for (const [file, schema] of [
  [DATASET_SCHEMA_FILE, dataset],
  [REGION_SCHEMA_FILE, region],
] as const) {
  const path = resolve(root, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, schemaFileText(schema), 'utf8');
  console.log(`wrote ${file}`);
}
