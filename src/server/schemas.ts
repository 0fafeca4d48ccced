/**
 * Shared request and response schemas of the API, and the registry that names them in the
 * OpenAPI description (`#/components/schemas/<name>`). Dataset objects are the dataset's own
 * zod schemas (src/core/dataset/schema.ts): a request carrying an indicator, a goal or a
 * whole dataset is validated by exactly the schema the importer uses.
 */
import { z } from 'zod';
import * as S from '../core/dataset/schema.js';
import { zodMessage } from '../core/findings.js';
import { ROLES } from './policies/types.js';

/** Names for the OpenAPI components; a schema registered here is referenced, not inlined. */
export const apiRegistry = z.registry<{ id: string }>();

export function named<T extends z.ZodType>(schema: T, id: string): T {
  if (!apiRegistry.has(schema)) apiRegistry.add(schema, { id });
  return schema;
}

// the dataset's objects, under their own names
for (const [name, value] of Object.entries(S)) {
  if (!(value instanceof z.ZodType)) continue;
  const type = (value._zod.def as { type: string }).type;
  if (type === 'object' || type === 'union') named(value, name);
}

export const FindingSchema = named(
  z.object({
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string(),
    where: z.string(),
    message: z.string().describe('in English'),
    localized: z.object({ id: z.string().describe('the message in Indonesian') }).optional(),
  }),
  'Finding',
);

export const Version = z
  .string()
  .regex(
    /^[0-9a-f]{16}$/,
    zodMessage('expected a version as read from the API (16 hexadecimal digits)', 'seharusnya berupa versi sebagaimana dibaca dari API (16 digit heksadesimal)'),
  ).describe(
  'The version of the record as read (a digest of its content); an edit that sends an outdated one gets 409 Conflict',
);

/** The version of the record to remove, as read (`?version=…`). */
export const VersionQuery = z.object({ version: Version });

export const YearQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).describe('the year (e.g. 2025)'),
});

export const AgencyParams = z.object({ agency: z.string().min(1).describe("the agency's id (e.g. diskopum)") });

export const Ok = named(z.object({ ok: z.literal(true) }), 'Ok');

export const RoleSchema = z.enum(ROLES);

export const UserSchema = named(
  z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: RoleSchema,
    agencyId: z.string().nullable(),
    unitId: z.string().nullable(),
    region: z.string().nullable(),
  }),
  'User',
);

export const AuditEntrySchema = named(
  z.object({
    id: z.number().int(),
    at: z.string().describe('ISO timestamp'),
    actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string().nullable() }),
    region: z.string().nullable(),
    agency: z.string().nullable(),
    entity: z.string(),
    key: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string().nullable(),
  }),
  'AuditEntry',
);

/** A record with the version an edit must send back. */
export function versioned<T extends z.ZodType>(record: T) {
  return z.object({ record, version: Version });
}
