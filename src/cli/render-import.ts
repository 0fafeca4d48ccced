/**
 * What `kinerja import` did, for people: every agency added, replaced and removed by id and
 * name, and how many of the region's agencies the file does not hold were kept. Indonesian,
 * or English with `--lang en`; each line written in both languages side by side.
 */
import type { Lang, Text } from '../core/findings.js';
import { text } from '../core/findings.js';
import type { AgencyChange, ImportChanges } from '../store/datasets.js';

export interface ImportReport {
  changes: ImportChanges;
  /** nothing was written (`--dry-run`): the lines say what the import would do */
  dryRun: boolean;
  /** the file's findings (warnings; an import with an error never gets here) */
  warnings: number;
  file: string;
}

const ACTION: Record<'added' | 'replaced' | 'removed', Text> = {
  added: text('added', 'ditambahkan'),
  replaced: text('replaced', 'diganti'),
  removed: text('removed', 'dihapus'),
};

export function renderImport(r: ImportReport, lang: Lang): string {
  const say = (t: Text) => t[lang];
  const { changes: c } = r;
  const lines: string[] = [];
  if (r.dryRun) lines.push(say(text('Dry run (--dry-run): nothing was stored. The import would do this:', 'Uji coba (--dry-run): tidak ada yang disimpan. Impor akan melakukan ini:')));
  const counts = (['added', 'replaced', 'removed'] as const).map((k) => `${c[k].length} ${say(ACTION[k])}`).join(', ');
  lines.push(`${say(text('Region', 'Wilayah'))} ${c.region}: ${counts}`);
  const rows: [string, AgencyChange][] = [
    ...c.added.map((a) => [say(ACTION.added), a] as [string, AgencyChange]),
    ...c.replaced.map((a) => [say(ACTION.replaced), a] as [string, AgencyChange]),
    ...c.removed.map((a) => [say(ACTION.removed), a] as [string, AgencyChange]),
  ];
  const actionWidth = Math.max(0, ...rows.map(([action]) => action.length));
  const idWidth = Math.max(0, ...rows.map(([, a]) => a.id.length));
  for (const [action, a] of rows) {
    const moved = a.from ? ` (${say(text(`moved from ${a.from}`, `dipindah dari ${a.from}`))})` : '';
    lines.push(`  ${action.padEnd(actionWidth)}  ${a.id.padEnd(idWidth)}  ${a.name}${moved}`);
  }
  if (c.kept.length > 0) {
    const n = c.kept.length;
    const ids = c.kept.slice(0, 10).map((a) => a.id).join(', ') + (n > 10 ? ', …' : '');
    lines.push(
      say(
        text(
          `${n} other ${n === 1 ? 'agency' : 'agencies'} of the region ${n === 1 ? 'is' : 'are'} not in the file and ${r.dryRun ? 'would be' : 'were'} kept (${ids}); --prune removes them.`,
          `${n} perangkat daerah lain di wilayah ini tidak ada dalam berkas dan ${r.dryRun ? 'akan tetap' : 'tetap'} tersimpan (${ids}); --prune menghapusnya.`,
        ),
      ),
    );
  }
  if (r.warnings > 0) {
    lines.push(say(text(`${r.warnings} finding(s): see \`kinerja validate ${r.file}\`.`, `${r.warnings} temuan: lihat \`kinerja validate ${r.file}\`.`)));
  }
  return lines.join('\n') + '\n';
}
