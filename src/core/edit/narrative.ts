/**
 * The narrative: the report's prose the planner writes, replaced as one record — the whole
 * narrative, or the narrative of one report year (docs/decisions.md, "Narrative per year").
 */
import { narrativeFor, narrativesOf } from '../dataset/model.js';
import type { Dataset, Narrative } from '../dataset/schema.js';
import { copy, EditError, type EditResult } from './common.js';

/**
 * Replace the narrative.
 *
 * Without `year`: the whole `narrative` field, as in the first form of the format; refused when
 * the dataset holds a list of narratives (one per year), since it would be unclear which one is
 * meant. `before` is the stored narrative.
 *
 * With `year`: the narrative of that report year. The given narrative is stored with
 * `year: year` (a different `year` in it is refused); it replaces the narrative of that year, or
 * is added beside the others, and `narrative` becomes a list. An undated narrative already there
 * (the first form) stays in the list, undated: it keeps applying to the other years, so writing
 * 2026 leaves the 2025 report as it was. `before` is the narrative the year read until now
 * (`narrativeFor`: its own, else the undated one), the one a client read and holds the version of.
 */
export function setNarrative(ds: Dataset, narrative: Narrative, year?: number): EditResult<Narrative> {
  const next = copy(ds);
  if (year === undefined) {
    if (Array.isArray(ds.narrative)) {
      throw new EditError(
        'invalid',
        'year-required',
        'year',
        'the narrative is kept per report year: say which year to write (year)',
        'narasi disimpan per tahun laporan: sebutkan tahun yang ditulis (year)',
      );
    }
    next.narrative = narrative;
    return { dataset: next, entity: 'narrative', key: 'narrative', before: ds.narrative ?? null, after: narrative };
  }
  if (narrative.year !== undefined && narrative.year !== year) {
    throw new EditError(
      'invalid',
      'year-mismatch',
      'narrative.year',
      `the narrative says the year ${narrative.year}, but the year ${year} is being written`,
      `narasi menyebut tahun ${narrative.year}, padahal yang ditulis tahun ${year}`,
    );
  }
  const { year: _ignored, ...rest } = narrative;
  const dated: Narrative = { year, ...rest };
  const list = narrativesOf(next);
  const at = list.findIndex((n) => n.year === year);
  next.narrative = at >= 0 ? list.map((n, i) => (i === at ? dated : n)) : [...list, dated];
  return { dataset: next, entity: 'narrative', key: `narrative@${year}`, before: narrativeFor(ds, year) ?? null, after: dated };
}
