-- 0008_register_revisions: a counter per register, raised by every store of its rows (the import's
-- one write path), so that counts taken from a register (store/register-counts.ts) can be kept
-- until its rows change: reading it is one small query, where telling a change from the rows
-- themselves (their number and newest xmin) reads every row — 0,5 s for 300.000 (bench
-- register-counts).

CREATE TABLE register_revisions (
  scope text NOT NULL CHECK (scope IN ('agency', 'region')),
  owner text NOT NULL,
  register text NOT NULL,
  revision bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (scope, owner, register)
);
