-- 0001_init: the store of dataset format v1 (docs/spec/dataset-format.md).
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
