-- 0008_register_revisions: a counter per register, raised by every statement that writes its rows
-- or per-year values (statement triggers: the import, an agency's deletion, any other path), so
-- that counts taken from a register (store/register-counts.ts) can be kept until its rows change:
-- reading the counters is one small query, where telling a change from the rows themselves (their
-- number and newest xmin) reads every row — 0,5 s for 300.000 (bench register-counts).

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
