/**
 * The demo: the Jember agency (examples/diskopum-jember-2025.json, agency `diskopum`) and one
 * account per role, created when missing (so on the first start). Never in production:
 * config.ts refuses KINERJA_DEMO=1 with NODE_ENV=production, and KINERJA_DEMO=0 turns it off.
 *
 * The operator belongs to the Bidang Kelembagaan dan Pengawasan (`bid-kelembagaan`), the unit
 * responsible for the cooperative indicators (KOP_SEHAT, KOP_BERKUALITAS, KOP_FASILITASI).
 */
import { fileURLToPath } from 'node:url';
import { validateDocument } from '../core/dataset/validate.js';
import { readDocumentFile } from '../io/dataset-file.js';
import { createDatasetQueries } from '../store/datasets.js';
import { seedDemoRegisters, type DemoRegisterLoad } from '../store/demo-registers.js';
import { createAccount } from './auth.js';
import { appendAudit } from './commands/audit.js';
import type { ServerDeps } from './deps.js';
import type { Role } from './policies/types.js';

export const DEMO_FILE = fileURLToPath(new URL('../../examples/diskopum-jember-2025.json', import.meta.url));
export const DEMO_AGENCY = 'diskopum';
export const DEMO_REGION = 'Kabupaten Jember';
/** Published on purpose: demo accounts exist only outside production. */
export const DEMO_PASSWORD = 'kinerja-demo';

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  agencyId?: string;
  unitId?: string;
  region?: string;
  /** what the account is, for the start-up message */
  label: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin@demo', name: 'Admin Bappeda (demo)', role: 'admin', region: DEMO_REGION, label: 'admin — Bappeda: wilayah, semua OPD, akun' },
  { username: 'perencana@diskopum', name: 'Perencana Diskopum (demo)', role: 'planner', agencyId: DEMO_AGENCY, label: 'planner — rencana, PK, program, verifikasi' },
  {
    username: 'operator@diskopum',
    name: 'Operator Bidang Kelembagaan (demo)',
    role: 'operator',
    agencyId: DEMO_AGENCY,
    unitId: 'bid-kelembagaan',
    label: 'operator — realisasi indikator Bidang Kelembagaan, belanja',
  },
  { username: 'kepala@diskopum', name: 'Kepala Dinas (demo)', role: 'head', agencyId: DEMO_AGENCY, label: 'head — persetujuan dan penguncian' },
  { username: 'inspektorat@demo', name: 'Inspektorat (demo)', role: 'evaluator', region: DEMO_REGION, label: 'evaluator — Inspektorat: nilai SAKIP, rekomendasi' },
];

export interface DemoSeed {
  agencyLoaded: boolean;
  /** the registers whose synthetic rows were loaded (each only while empty; store/demo-registers.ts) */
  registersLoaded: DemoRegisterLoad[];
  accountsCreated: string[];
}

/** Load the demo agency, its registers' synthetic rows and the demo accounts, each only when missing. */
export async function seedDemo(deps: ServerDeps, file: string = DEMO_FILE): Promise<DemoSeed> {
  const queries = createDatasetQueries(deps.pool);
  let agencyLoaded = false;
  if (!(await deps.pool.query('SELECT 1 FROM agencies WHERE id = $1', [DEMO_AGENCY])).rows.length) {
    const result = validateDocument(await readDocumentFile(file));
    if (result.kind !== 'dataset') throw new Error(`${file}: the demo dataset is not valid`);
    await queries.importDataset(result.dataset);
    await appendAudit(deps.pool, {
      actor: { id: null, username: 'demo', role: null },
      region: result.dataset.agency.region,
      agencyId: DEMO_AGENCY,
      entity: 'agency',
      key: DEMO_AGENCY,
      action: 'import',
      before: null,
      after: { source: 'contoh Diskopum Kabupaten Jember 2025' },
      // audit notes are shown as written: the demo's in Indonesian, the interface's default (issue 12)
      note: 'perangkat daerah demo dimuat saat server pertama kali dijalankan',
    });
    agencyLoaded = true;
  }
  const registersLoaded = await seedDemoRegisters(deps.pool, DEMO_AGENCY);
  const accountsCreated: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if ((await deps.pool.query('SELECT 1 FROM auth_user WHERE username = $1', [a.username])).rows.length) continue;
    const id = await createAccount(deps.auth, { ...a, password: DEMO_PASSWORD });
    await appendAudit(deps.pool, {
      actor: { id: null, username: 'demo', role: null },
      region: DEMO_REGION,
      agencyId: a.agencyId ?? null,
      entity: 'account',
      key: id,
      action: 'create',
      before: null,
      after: { username: a.username, role: a.role, agencyId: a.agencyId ?? null, unitId: a.unitId ?? null, region: a.region ?? null },
      note: 'akun demo dibuat saat server pertama kali dijalankan',
    });
    accountsCreated.push(a.username);
  }
  return { agencyLoaded, registersLoaded, accountsCreated };
}
