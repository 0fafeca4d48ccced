-- The complete current schema of the Kinerja store (dataset format v1).
--
-- This file is the sum of src/store/migrations/*.sql and is kept equal to it: the test
-- src/store/migrate.test.ts builds one schema from the migrations step by step and one from
-- this file and compares their catalogs. A database is always created and upgraded by the
-- migrations (db.ts runs them); this file is the schema to read, review and diff.
--
-- When adding a migration NNNN_x.sql, apply the same change here (new columns go last in
-- their table, as ALTER TABLE ADD COLUMN puts them there).
--
-- Conventions (see src/store/README.md):
--  * every table but `regions` is keyed by agency_id; replacing an agency is one
--    DELETE FROM agencies, which cascades through the containment foreign keys;
--  * `position` is the document order of a row among its siblings;
--  * typed columns hold what the application edits and the queries read; `attrs`
--    holds the object's remaining optional fields verbatim (absent stays absent);
--  * money is `numeric` (exact decimals, sums without binary rounding); measured
--    values, targets and shares are `double precision` (they are JSON numbers);
--  * only containment is enforced by foreign keys; references between entities
--    (an agreement row's indicator, a realization's `owner/local` ref …) are checked
--    by validate.ts, which reports them as findings with a path.

CREATE TABLE regions (
  name text PRIMARY KEY,
  settings jsonb,
  attrs jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE agencies (
  id text PRIMARY KEY,
  region text NOT NULL REFERENCES regions (name) ON DELETE CASCADE ON UPDATE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  code text,
  abbreviation text,
  head jsonb NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  settings jsonb,
  organization jsonb,
  evaluation jsonb,
  narrative jsonb,
  document_attrs jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX agencies_region ON agencies (region, position);

CREATE TABLE units (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pimpinan', 'sekretariat', 'subbagian', 'bidang', 'uptd', 'fungsional', 'other')),
  parent text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE decrees (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  number text NOT NULL,
  title text NOT NULL,
  issued_on date,
  issuer text,
  plan text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE plans (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  level text NOT NULL CHECK (level IN ('rpjmd', 'renstra')),
  title text NOT NULL,
  start_year integer NOT NULL,
  end_year integer NOT NULL,
  revises text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE agreements (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('original', 'amendment')),
  amends text,
  plan text NOT NULL,
  signed_on date NOT NULL,
  place text NOT NULL,
  first_party jsonb NOT NULL,
  second_party jsonb NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE program_nodes (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  code text,
  level text NOT NULL CHECK (level IN ('program', 'kegiatan', 'subkegiatan')),
  parent text,
  name text NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

-- Goals belong to a plan or an agreement, indicators to a plan, an agreement or a
-- program node. `owner_kind`/`owner_id` are the truth; the generated columns exist only
-- so that each owner's rows are contained in it by a foreign key.
CREATE TABLE goals (
  agency_id text NOT NULL,
  owner_kind text NOT NULL CHECK (owner_kind IN ('plan', 'agreement')),
  owner_id text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('misi', 'tujuan', 'sasaran')),
  statement text NOT NULL,
  parent text,
  attrs jsonb NOT NULL DEFAULT '{}',
  plan_id text GENERATED ALWAYS AS (CASE WHEN owner_kind = 'plan' THEN owner_id END) STORED,
  agreement_id text GENERATED ALWAYS AS (CASE WHEN owner_kind = 'agreement' THEN owner_id END) STORED,
  PRIMARY KEY (agency_id, owner_id, id),
  FOREIGN KEY (agency_id, plan_id) REFERENCES plans (agency_id, id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, agreement_id) REFERENCES agreements (agency_id, id) ON DELETE CASCADE
);
CREATE INDEX goals_plan ON goals (agency_id, plan_id);
CREATE INDEX goals_agreement ON goals (agency_id, agreement_id);

CREATE TABLE indicators (
  agency_id text NOT NULL,
  owner_kind text NOT NULL CHECK (owner_kind IN ('plan', 'agreement', 'node')),
  owner_id text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  goal text,
  name text NOT NULL,
  unit text,
  polarity text CHECK (polarity IN ('positive', 'negative')),
  negative_method text CHECK (negative_method IN ('reverse', 'ratio')),
  measure jsonb NOT NULL,
  key boolean,
  additional boolean,
  period_values text CHECK (period_values IN ('cumulative', 'separate')),
  end_target double precision,
  attrs jsonb NOT NULL DEFAULT '{}',
  plan_id text GENERATED ALWAYS AS (CASE WHEN owner_kind = 'plan' THEN owner_id END) STORED,
  agreement_id text GENERATED ALWAYS AS (CASE WHEN owner_kind = 'agreement' THEN owner_id END) STORED,
  node_id text GENERATED ALWAYS AS (CASE WHEN owner_kind = 'node' THEN owner_id END) STORED,
  PRIMARY KEY (agency_id, owner_id, id),
  FOREIGN KEY (agency_id, plan_id) REFERENCES plans (agency_id, id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, agreement_id) REFERENCES agreements (agency_id, id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, node_id) REFERENCES program_nodes (agency_id, id) ON DELETE CASCADE
);
CREATE INDEX indicators_plan ON indicators (agency_id, plan_id);
CREATE INDEX indicators_agreement ON indicators (agency_id, agreement_id);
CREATE INDEX indicators_node ON indicators (agency_id, node_id);

-- `targets: { "<year>": value }`; a map, so ordered by year rather than by position.
CREATE TABLE indicator_targets (
  agency_id text NOT NULL,
  owner_id text NOT NULL,
  indicator_id text NOT NULL,
  year integer NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (agency_id, owner_id, indicator_id, year),
  FOREIGN KEY (agency_id, owner_id, indicator_id) REFERENCES indicators (agency_id, owner_id, id) ON DELETE CASCADE
);

CREATE TABLE agreement_rows (
  agency_id text NOT NULL,
  agreement_id text NOT NULL,
  position integer NOT NULL,
  goal text NOT NULL,
  indicator text NOT NULL,
  target_value double precision,
  target_label text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, agreement_id, position),
  FOREIGN KEY (agency_id, agreement_id) REFERENCES agreements (agency_id, id) ON DELETE CASCADE,
  CONSTRAINT agreement_rows_one_target CHECK ((target_value IS NULL) <> (target_label IS NULL))
);

CREATE TABLE agreement_budget (
  agency_id text NOT NULL,
  agreement_id text NOT NULL,
  position integer NOT NULL,
  program text NOT NULL,
  amount numeric NOT NULL,
  source text NOT NULL,
  stage text CHECK (stage IN ('initial', 'shift', 'revised')),
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, agreement_id, position),
  FOREIGN KEY (agency_id, agreement_id) REFERENCES agreements (agency_id, id) ON DELETE CASCADE
);

CREATE TABLE node_budgets (
  agency_id text NOT NULL,
  node_id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  stage text NOT NULL CHECK (stage IN ('initial', 'shift', 'revised')),
  amount numeric NOT NULL,
  source text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, node_id, position),
  FOREIGN KEY (agency_id, node_id) REFERENCES program_nodes (agency_id, id) ON DELETE CASCADE
);

CREATE TABLE node_spending (
  agency_id text NOT NULL,
  node_id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  period text CHECK (period IN ('Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4')),
  amount numeric NOT NULL,
  physical double precision,
  source text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, node_id, position),
  FOREIGN KEY (agency_id, node_id) REFERENCES program_nodes (agency_id, id) ON DELETE CASCADE
);

-- Support = { indicator, share? } or { indicator, year, amount, spent }.
CREATE TABLE node_supports (
  agency_id text NOT NULL,
  node_id text NOT NULL,
  position integer NOT NULL,
  indicator text NOT NULL,
  share double precision CHECK (share >= 0 AND share <= 1),
  year integer,
  amount numeric,
  spent numeric,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, node_id, position),
  FOREIGN KEY (agency_id, node_id) REFERENCES program_nodes (agency_id, id) ON DELETE CASCADE,
  CONSTRAINT node_supports_one_form CHECK (
    (year IS NULL AND amount IS NULL AND spent IS NULL)
    OR (share IS NULL AND year IS NOT NULL AND amount IS NOT NULL AND spent IS NOT NULL))
);

CREATE TABLE realizations (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  position integer NOT NULL,
  indicator text NOT NULL,
  year integer NOT NULL,
  period text CHECK (period IN ('Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4')),
  value double precision,
  numerator double precision,
  denominator double precision,
  category text,
  status text CHECK (status IN ('no-data', 'postponed', 'not-applicable')),
  state text CHECK (state IN ('draft', 'submitted', 'verified', 'approved')),
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, position)
);
CREATE UNIQUE INDEX realizations_once ON realizations (agency_id, indicator, year, (coalesce(period, 'Y')));

CREATE TABLE benchmarks (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  position integer NOT NULL,
  indicator text NOT NULL,
  year integer NOT NULL,
  value double precision,
  label text,
  kind text,
  source text NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, position)
);

CREATE TABLE expenditure_lines (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  name text NOT NULL,
  ceiling numeric NOT NULL,
  realized numeric,
  node text,
  line_class text CHECK (line_class IN ('operating', 'capital')),
  parent text,
  line_group text,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE evaluation_scores (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  position integer NOT NULL,
  year integer NOT NULL,
  value double precision NOT NULL,
  grade text,
  evaluator text NOT NULL,
  reference text NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, position)
);

CREATE TABLE recommendations (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  body text NOT NULL,
  action text NOT NULL,
  owner text,
  status text CHECK (status IN ('open', 'in-progress', 'done')),
  due date,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

CREATE TABLE activity_lists (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  node text,
  rows jsonb NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, id)
);

-- A figure as printed in an existing report; `place` is the claim's `where`.
CREATE TABLE claims (
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  position integer NOT NULL,
  subject text NOT NULL,
  quantity text NOT NULL,
  value jsonb NOT NULL,
  year integer,
  stage text CHECK (stage IN ('initial', 'shift', 'revised')),
  from_stage text CHECK (from_stage IN ('initial', 'shift', 'revised')),
  to_stage text CHECK (to_stage IN ('initial', 'shift', 'revised')),
  aspect text,
  raw text,
  place jsonb NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, position)
);

-- Accounts and sessions (better-auth, src/server/auth.ts), the audit log, evidence files:
-- none of them references `agencies`, which every import and edit replaces (0003_web.sql).

CREATE TABLE auth_user (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  email_verified boolean NOT NULL,
  image text,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  username text UNIQUE,
  display_username text,
  role text NOT NULL CHECK (role IN ('admin', 'planner', 'operator', 'head', 'evaluator')),
  agency_id text,
  unit_id text,
  region text,
  active boolean NOT NULL DEFAULT true,
  -- admin and evaluator work for a region; planner, operator and head for one agency;
  -- an operator enters the realizations of one unit's indicators
  CONSTRAINT auth_user_scope CHECK (
    CASE WHEN role IN ('admin', 'evaluator') THEN region IS NOT NULL AND agency_id IS NULL AND unit_id IS NULL
         WHEN role = 'operator' THEN agency_id IS NOT NULL AND unit_id IS NOT NULL
         ELSE agency_id IS NOT NULL AND unit_id IS NULL END)
);

CREATE TABLE auth_session (
  id text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL,
  ip_address text,
  user_agent text,
  user_id text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE
);
CREATE INDEX auth_session_user_id_idx ON auth_session (user_id);

CREATE TABLE auth_account (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  provider_id text NOT NULL,
  user_id text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  scope text,
  password text,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL
);
CREATE INDEX auth_account_user_id_idx ON auth_account (user_id);

CREATE TABLE auth_verification (
  id text PRIMARY KEY,
  identifier text NOT NULL,
  value text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX auth_verification_identifier_idx ON auth_verification (identifier);

-- Every change made through the server: who, when, which record, before and after.
-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text NOT NULL,
  actor_role text,
  region text,
  agency_id text,
  entity text NOT NULL,
  record_key text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  note text
);
CREATE INDEX audit_log_record ON audit_log (agency_id, entity, record_key, id);
CREATE INDEX audit_log_agency ON audit_log (agency_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Evidence files of realizations; the bytes live under <dataDir>/evidence/<agency>/<id>.
CREATE TABLE evidence_files (
  id text PRIMARY KEY,
  agency_id text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  uploaded_by text,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_agency ON evidence_files (agency_id);

-- 0004_published: issued reports, frozen. A report that is issued keeps the dataset and the
-- settings it was computed from and the files it was issued as, with their hashes, so it can be
-- produced again byte for byte, and later changes to the data can be shown as differences
-- from it (src/publish). Like the audit log, these tables do not reference `agencies` (an
-- agency is replaced by DELETE + INSERT on every import) and they only ever grow: the triggers
-- below refuse UPDATE, DELETE and TRUNCATE, whoever asks.

CREATE TABLE published_reports (
  id text PRIMARY KEY,
  agency_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('lkip', 'agreement', 'review')),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  -- the agreement's id for kind 'agreement'; nothing for the others
  subject text,
  issued_at timestamptz NOT NULL,
  issued_by text NOT NULL,
  -- the dataset snapshot the report was built from, and the settings besides it (region settings)
  dataset jsonb NOT NULL,
  settings jsonb NOT NULL,
  kinerja_version text NOT NULL,
  -- the versions of the libraries and the browser that wrote the files
  tools jsonb NOT NULL,
  CONSTRAINT published_reports_subject CHECK ((kind = 'agreement') = (subject IS NOT NULL))
);
CREATE INDEX published_reports_agency ON published_reports (agency_id, issued_at, id);

-- The files of an issued report, one per format; the hash is checked against the bytes.
CREATE TABLE published_report_files (
  report_id text NOT NULL REFERENCES published_reports (id),
  format text NOT NULL CHECK (format IN ('docx', 'pdf', 'html', 'xlsx')),
  content bytea NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  PRIMARY KEY (report_id, format),
  CONSTRAINT published_report_files_size CHECK (size = octet_length(content) AND size > 0),
  CONSTRAINT published_report_files_sha256 CHECK (sha256 = encode(sha256(content), 'hex'))
);

CREATE FUNCTION published_reports_are_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issued report is frozen: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER published_reports_no_change BEFORE UPDATE OR DELETE ON published_reports
  FOR EACH ROW EXECUTE FUNCTION published_reports_are_frozen();
CREATE TRIGGER published_reports_no_truncate BEFORE TRUNCATE ON published_reports
  FOR EACH STATEMENT EXECUTE FUNCTION published_reports_are_frozen();
CREATE TRIGGER published_report_files_no_change BEFORE UPDATE OR DELETE ON published_report_files
  FOR EACH ROW EXECUTE FUNCTION published_reports_are_frozen();
CREATE TRIGGER published_report_files_no_truncate BEFORE TRUNCATE ON published_report_files
  FOR EACH STATEMENT EXECUTE FUNCTION published_reports_are_frozen();

-- A file joins its report only in the transaction that issued it: no format added afterwards.
CREATE FUNCTION published_report_files_with_report() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written_by text;
BEGIN
  -- xmin is the 32-bit id of the transaction that wrote the report's row
  SELECT r.xmin::text INTO written_by FROM published_reports r WHERE r.id = NEW.report_id;
  IF FOUND AND written_by <> (pg_current_xact_id()::text::bigint % 4294967296)::text THEN
    RAISE EXCEPTION 'an issued report is frozen: a file of report % can only be stored in the transaction that issues it', NEW.report_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW; -- an unknown report is the foreign key's to refuse
END
$$;
CREATE TRIGGER published_report_files_same_transaction BEFORE INSERT ON published_report_files
  FOR EACH ROW EXECUTE FUNCTION published_report_files_with_report();

-- An agency as it was before an import or a restore replaced it (migration 0005): restorable, kept.
CREATE TABLE agency_snapshots (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id text NOT NULL,
  region text NOT NULL,
  agency_name text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  taken_by text NOT NULL,
  -- what replaced or removed the data: an import, a restore, a pruning region import
  reason text NOT NULL CHECK (reason IN ('import', 'restore', 'remove')),
  -- the SHA-256 of the dataset's canonical JSON
  digest text NOT NULL,
  dataset jsonb NOT NULL
);
CREATE INDEX agency_snapshots_agency ON agency_snapshots (agency_id, id);
CREATE INDEX agency_snapshots_region ON agency_snapshots (region, id);

CREATE FUNCTION agency_snapshots_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'snapshots are kept: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER agency_snapshots_no_change BEFORE UPDATE OR DELETE ON agency_snapshots
  FOR EACH ROW EXECUTE FUNCTION agency_snapshots_are_kept();
CREATE TRIGGER agency_snapshots_no_truncate BEFORE TRUNCATE ON agency_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION agency_snapshots_are_kept();

-- The bytes of the files datasets refer to (0006_files); not contained in `agencies` (an import
-- replaces the agency and its files stay); deleting the agency deletes them (datasets.ts).
CREATE TABLE agency_files (
  agency_id text NOT NULL,
  sha256 text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
  size integer NOT NULL,
  content bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, sha256),
  CONSTRAINT agency_files_size CHECK (size = octet_length(content) AND size > 0),
  CONSTRAINT agency_files_sha256 CHECK (sha256 = encode(sha256(content), 'hex'))
);
-- The rows of registers (migration 0007): entities, their year-independent and per-year values.
CREATE TABLE register_rows (
  -- whose register: an agency's (owner = agency id) or, later, a region's shared one (owner = region name)
  scope text NOT NULL CHECK (scope IN ('agency', 'region')),
  owner text NOT NULL,
  register text NOT NULL,
  key text COLLATE "C" NOT NULL,
  -- the year-independent values by field id (an empty cell is absent)
  data jsonb NOT NULL,
  PRIMARY KEY (scope, owner, register, key)
);
-- conditions on values (`data @> '{"kecamatan": "Ajung"}'`) within a register
CREATE INDEX register_rows_data ON register_rows USING gin (data jsonb_path_ops);

CREATE TABLE register_year_values (
  scope text NOT NULL,
  owner text NOT NULL,
  register text NOT NULL,
  key text COLLATE "C" NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  -- the per-year values of that year by field id (status, RAT held, health …)
  data jsonb NOT NULL,
  PRIMARY KEY (scope, owner, register, year, key),
  FOREIGN KEY (scope, owner, register, key) REFERENCES register_rows ON DELETE CASCADE
);
CREATE INDEX register_year_values_entity ON register_year_values (scope, owner, register, key);
CREATE INDEX register_year_values_data ON register_year_values USING gin (data jsonb_path_ops);
-- A counter per register raised by every statement writing its rows (migration 0008): cached counts are kept until it moves.
CREATE TABLE register_revisions (
  scope text NOT NULL CHECK (scope IN ('agency', 'region')),
  owner text NOT NULL,
  register text NOT NULL,
  revision bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (scope, owner, register)
);
CREATE FUNCTION register_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO register_revisions (scope, owner, register)
  SELECT DISTINCT scope, owner, register FROM changed
  ON CONFLICT (scope, owner, register) DO UPDATE SET revision = register_revisions.revision + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER register_rows_inserted AFTER INSERT ON register_rows
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
CREATE TRIGGER register_rows_updated AFTER UPDATE ON register_rows
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
CREATE TRIGGER register_rows_deleted AFTER DELETE ON register_rows
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
CREATE TRIGGER register_year_values_inserted AFTER INSERT ON register_year_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
CREATE TRIGGER register_year_values_updated AFTER UPDATE ON register_year_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
CREATE TRIGGER register_year_values_deleted AFTER DELETE ON register_year_values
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION register_rows_changed();
