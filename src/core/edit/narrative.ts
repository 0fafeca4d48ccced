/** The narrative: the report's prose the planner writes, replaced as one record. */
import type { Dataset, Narrative } from '../dataset/schema.js';
import { copy, type EditResult } from './common.js';

export function setNarrative(ds: Dataset, narrative: Narrative): EditResult<Narrative> {
  const next = copy(ds);
  next.narrative = narrative;
  return { dataset: next, entity: 'narrative', key: 'narrative', before: ds.narrative ?? null, after: narrative };
}
