import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  DATASET_SCHEMA_FILE,
  DATASET_SCHEMA_ID,
  REGION_SCHEMA_FILE,
  REGION_SCHEMA_ID,
  buildJsonSchemas,
  schemaFileText,
} from './json-schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('JSON Schemas in docs/', () => {
  const built = buildJsonSchemas();

  it.each([
    [DATASET_SCHEMA_FILE, built.dataset],
    [REGION_SCHEMA_FILE, built.region],
  ])('%s is current (run `npm run schema` after changing schema.ts)', async (file, schema) => {
    const committed = await readFile(root + file, 'utf8');
    expect(committed).toBe(schemaFileText(schema));
  });

  it('are draft 2020-12 with an id and a title', () => {
    for (const [schema, id] of [
      [built.dataset, DATASET_SCHEMA_ID],
      [built.region, REGION_SCHEMA_ID],
    ] as const) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(id);
      expect(typeof schema.title).toBe('string');
    }
  });

  it('describe the document: format, required fields, no unknown fields, named definitions', () => {
    const ds = built.dataset as {
      properties: Record<string, { const?: string }>;
      required: string[];
      additionalProperties: boolean;
      $defs: Record<string, { additionalProperties?: boolean; properties?: Record<string, unknown> }>;
    };
    expect(ds.properties.format?.const).toBe('kinerja-dataset/1');
    expect(ds.required).toEqual(expect.arrayContaining(['format', 'agency', 'plans', 'agreements', 'programs', 'realizations']));
    expect(ds.additionalProperties).toBe(false);
    expect(ds.$defs.Indicator?.additionalProperties).toBe(false);
    expect(Object.keys(ds.$defs.Indicator?.properties ?? {})).toEqual(expect.arrayContaining(['extra', 'note', 'targets', 'measure']));
    const region = built.region as { properties: Record<string, { const?: string }> };
    expect(region.properties.format?.const).toBe('kinerja-region/1');
  });
});
