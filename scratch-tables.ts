import { readFileSync } from 'node:fs';
import { buildLkip } from './src/core/report/lkip.js';
import { wantsLandscape, layoutTable, columnNeedsMm, textWidthMm, estimateTableHeightMm, TABLE_FONT_PT } from './src/report/layout.js';
import { readDocumentFile } from "./src/io/dataset-file.js";
const ds: any = await readDocumentFile("/work/wt/layout/examples/diskopum-jember-2025.json");
const doc = buildLkip(ds, 2025);
for (const s of doc.sections) for (const b of s.blocks) if (b.type === 'table') {
  const lp = layoutTable(b, 'portrait'); const ll = layoutTable(b, 'landscape');
  const n8 = columnNeedsMm(lp, 160, 8).need.map(x=>x.toFixed(0)).join(" "); const needs = columnNeedsMm(lp, textWidthMm("portrait"), 8).need.reduce((a, c) => a + c, 0);
  console.log(s.id.padEnd(18), (b.caption ?? '').slice(0, 60).padEnd(60), "L?", wantsLandscape(b), "need8", needs.toFixed(0), n8, 'fontP', lp.fontPt, 'hP', estimateTableHeightMm(lp, 'portrait').toFixed(0), 'hL', estimateTableHeightMm(ll, 'landscape').toFixed(0));
}
