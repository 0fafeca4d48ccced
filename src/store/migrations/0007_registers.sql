-- 0007_registers: the rows of registers (data tunggal, registers.md) — lists of entities from
-- which counts are taken — in tables of their own, written by their own bulk path (not the
-- agency dataset's rewrite-on-edit: the definitions live in the dataset, the rows here). They do
-- not reference `agencies`, whose rows an import deletes and writes again. Per-year values sit
-- in a table of their own, one row per entity and year, so that a year's status is never
-- overwritten by another's.

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
