/**
 * THE route table: every route of the API, in the order the OpenAPI description lists them.
 * app.ts registers exactly these; routes.test.ts walks every one with every role, and fails
 * for a route that has no entry in its matrix.
 */
import type { Route } from '../route.js';
import * as accounts from './accounts.js';
import * as agencies from './agencies.js';
import * as agreements from './agreements.js';
import * as audit from './audit.js';
import * as drill from './drill.js';
import * as auth from './auth.js';
import * as evaluation from './evaluation.js';
import * as files from './files.js';
import * as importing from './import.js';
import * as narrative from './narrative.js';
import * as plans from './plans.js';
import * as profile from './profile.js';
import * as programs from './programs.js';
import * as publications from './publications.js';
import * as realizations from './realizations.js';
import * as registers from './registers.js';
import * as reports from './reports.js';
import * as snapshots from './snapshots.js';
import * as system from './system.js';
import * as worklist from './worklist.js';

export const ROUTES: readonly Route[] = [
  system.healthz,
  system.openapi,
  auth.csrf,
  auth.signIn,
  auth.signOut,
  auth.signOutEverywhere,
  auth.session,
  auth.changePassword,
  accounts.list,
  accounts.create,
  accounts.update,
  worklist.get,
  agencies.list,
  agencies.get,
  profile.profile,
  profile.updateProfile,
  agencies.dashboard,
  agencies.regionDashboardRoute,
  agencies.measurements,
  agencies.exportDataset,
  drill.indicator,
  drill.table,
  drill.events,
  files.exportBundle,
  files.upload,
  files.get,
  audit.agencyAudit,
  audit.agencyAuditCsv,
  audit.regionAudit,
  audit.regionAuditCsv,
  importing.importDocument,
  files.importBundle,
  snapshots.agencySnapshots,
  snapshots.regionSnapshots,
  snapshots.restore,
  plans.list,
  plans.createGoal,
  plans.updateGoal,
  plans.deleteGoal,
  plans.createIndicator,
  plans.updateIndicator,
  plans.deleteIndicator,
  agreements.list,
  agreements.fromPlan,
  agreements.amend,
  agreements.update,
  agreements.remove,
  programs.list,
  programs.budgets,
  programs.spending,
  programs.supports,
  realizations.list,
  realizations.put,
  realizations.transition,
  realizations.remove,
  realizations.uploadEvidence,
  realizations.downloadEvidence,
  evaluation.get,
  evaluation.score,
  evaluation.recommend,
  evaluation.updateRec,
  evaluation.deleteRec,
  narrative.get,
  narrative.put,
  reports.lkip,
  reports.agreement,
  reports.reviewDocument,
  publications.list,
  publications.issue,
  publications.file,
  publications.reproduce,
  publications.changes,
  registers.list,
  registers.rows,
  registers.entity,
  registers.importRows,
  registers.exportRows,
];
