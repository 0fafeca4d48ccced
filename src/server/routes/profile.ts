/**
 * The agency's profile: name, head, address, tasks and functions, legal basis — what the
 * report's cover and Bab I and the agreements' first party print. Its region and id stay
 * (core/edit/agency.ts).
 */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import { updateAgencyProfile, type AgencyChanges } from '../../core/edit/agency.js';
import { allow, editAgency } from '../commands/respond.js';
import * as agencyPolicy from '../policies/agency.js';
import { defineRoute } from '../route.js';
import { text } from '../errors.js';
import { AgencyParams, named, Version, versioned } from '../schemas.js';
import { versionOf } from '../versions.js';
import { loaded } from './agencies.js';

const optional = <T extends z.ZodType>(t: T) => t.nullable().optional().describe('null clears it');

const ProfileChanges = named(
  z.object({
    version: Version.describe("the version of the profile as read (GET /api/agencies/:agency/profile)"),
    name: z.string().min(1).optional(),
    head: S.Person.optional(),
    code: optional(z.string()),
    abbreviation: optional(z.string()),
    address: optional(z.string()),
    phone: optional(z.string()),
    email: optional(z.string()),
    website: optional(z.string()),
    tasks: optional(z.array(z.string())),
    functions: optional(z.array(z.string())),
    legalBasis: optional(z.array(z.string())),
    successor: optional(z.string()),
    successorFrom: optional(S.Year),
    note: z.string().optional(),
  }).strict(),
  'AgencyProfileChanges',
);

const VersionedAgency = named(versioned(S.Agency), 'VersionedAgency');

export const profile = defineRoute({
  id: 'agencies.profile',
  method: 'get',
  path: '/api/agencies/:agency/profile',
  tag: 'agencies',
  summary: "The agency's profile as a record with its version (to edit it)",
  auth: 'user',
  params: AgencyParams,
  response: VersionedAgency,
  async handler({ deps, agency }) {
    const { agency: record } = (await loaded(deps, agency)).dataset;
    return { record, version: versionOf(record) };
  },
});

export const updateProfile = defineRoute({
  id: 'agencies.updateProfile',
  method: 'patch',
  path: '/api/agencies/:agency/profile',
  tag: 'agencies',
  summary: "Change the agency's profile (its planner, the region's admin); the region and the agency's id cannot change",
  auth: 'user',
  params: AgencyParams,
  body: ProfileChanges,
  response: VersionedAgency,
  async handler({ deps, user, agency, body }) {
    allow(
      agencyPolicy.can(user, 'update', { agencyId: agency.id, region: agency.region }),
      text("the profile is changed by the agency's planner or the region's admin", 'profil diubah oleh perencana perangkat daerah atau admin daerah'),
    );
    const { version, note, ...changes } = body;
    const r = await editAgency(deps, user, agency, {
      action: 'update',
      version,
      apply: ({ dataset }) => updateAgencyProfile(dataset, changes as AgencyChanges),
      ...(note !== undefined ? { note } : {}),
    });
    return { record: r.record!, version: r.version! };
  },
});
