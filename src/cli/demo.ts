/**
 * `npx kinerja demo`: load the demo agency and its registers' synthetic rows (each register only
 * while empty: store/demo-registers.ts, which the web server's demo seed calls too) into the
 * configured database the first time, then show its 2025 measurement.
 */
import { fileURLToPath } from 'node:url';
import { text } from '../core/findings.js';
import { CliError, type CliIo } from './io.js';

export const DEMO_DATASET = 'examples/diskopum-jember-2025.json';
export const DEMO_AGENCY = 'diskopum';
export const DEMO_YEAR = 2025;

export async function runDemo(io: CliIo): Promise<void> {
  // loaded here, not above: the command line imports this module for DEMO_DATASET at every start
  const [{ measure }, { review }, { createDatasetQueries }, { seedDemoRegisters }, { readDocumentFile }, { validateDocument }, { DEFAULT_RULES }, { renderMeasurement }, { withDatabase }, { formatNumber }] =
    await Promise.all([
      import('../core/measure/index.js'),
      import('../core/review/index.js'),
      import('../store/datasets.js'),
      import('../store/demo-registers.js'),
      import('../io/dataset-file.js'),
      import('../core/dataset/validate.js'),
      import('../core/measure/rules.js'),
      import('./render.js'),
      import('./source.js'),
      import('../core/format.js'),
    ]);
  const path = fileURLToPath(new URL(`../../${DEMO_DATASET}`, import.meta.url));
  const dataset = await withDatabase(io, async (db) => {
    const q = createDatasetQueries(db.pool);
    let ds = await q.exportDataset(DEMO_AGENCY);
    if (!ds) {
      const result = validateDocument(await readDocumentFile(path));
      if (result.kind !== 'dataset') throw new CliError(text(`${DEMO_DATASET}: the demo dataset is not valid`, `${DEMO_DATASET}: dataset demo tidak valid`));
      await q.importDataset(result.dataset);
      io.err(`Agency demo "${DEMO_AGENCY}" dimuat ke basis data (${db.engine}).\n`);
      ds = result.dataset;
    }
    const loaded = await seedDemoRegisters(db.pool, DEMO_AGENCY);
    if (loaded.length) io.err(`Register demo (data sintetis) dimuat: ${loaded.map((r) => `${r.name} ${formatNumber(r.rows, 0)} baris`).join(', ')}.\n`);
    return ds;
  });
  const result = measure(dataset, DEMO_YEAR);
  io.out(renderMeasurement(result, { color: io.color, ratingScale: dataset.settings?.ratingScale ?? DEFAULT_RULES.ratingScale }));
  const r = review(dataset, DEMO_YEAR);
  io.out(
    `\nReviu: ${r.summary.contradicted} dari ${r.summary.claims} angka yang dicetak laporan bertentangan dengan datanya sendiri.\n` +
      `Lihat: npx kinerja review --agency ${DEMO_AGENCY} --year ${DEMO_YEAR}\n`,
  );
}
