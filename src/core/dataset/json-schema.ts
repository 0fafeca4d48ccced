/**
 * JSON Schemas (draft 2020-12) of the dataset and region documents, generated from the zod
 * schemas in schema.ts. `npm run schema` writes them to docs/; a test checks that the files
 * there are current. IO-free.
 */
import { z } from 'zod';
import * as S from './schema.js';

export const DATASET_SCHEMA_FILE = 'docs/kinerja-dataset-1.schema.json';
export const REGION_SCHEMA_FILE = 'docs/kinerja-region-1.schema.json';
export const DATASET_SCHEMA_ID = 'urn:kinerja:schema:kinerja-dataset-1';
export const REGION_SCHEMA_ID = 'urn:kinerja:schema:kinerja-region-1';

/** Object and union schemas of schema.ts worth a name of their own under `$defs`. */
function namedDefinitions(except: z.ZodType): z.core.$ZodRegistry<{ id?: string }> {
  const registry = z.registry<{ id?: string }>();
  for (const [name, value] of Object.entries(S)) {
    if (!(value instanceof z.ZodType) || value === except) continue;
    const type = (value._zod.def as { type: string }).type;
    if ((type === 'object' || type === 'union') && !registry.has(value)) registry.add(value, { id: name });
  }
  return registry;
}

function generate(schema: z.ZodType, id: string, title: string, description: string): Record<string, unknown> {
  const body = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: namedDefinitions(schema),
    reused: 'inline',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = body;
  return { $schema, $id: id, title, description, ...rest };
}

/** The two schemas, as plain JSON values (write them with two-space indentation). */
export function buildJsonSchemas(): { dataset: Record<string, unknown>; region: Record<string, unknown> } {
  return {
    dataset: generate(
      S.Dataset,
      DATASET_SCHEMA_ID,
      'Kinerja dataset, format kinerja-dataset/1',
      "One agency's performance accountability data (dataset-format.md). Generated from src/core/dataset/schema.ts by `npm run schema`; references between entries are checked by Kinerja's validator, not by this schema.",
    ),
    region: generate(
      S.Region,
      REGION_SCHEMA_ID,
      'Kinerja region, format kinerja-region/1',
      "A region's agencies, each a kinerja-dataset/1 document (dataset-format.md). Generated from src/core/dataset/schema.ts by `npm run schema`; references between entries are checked by Kinerja's validator, not by this schema.",
    ),
  };
}

/** The text of a schema file: two-space indentation and a final newline. */
export const schemaFileText = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;
