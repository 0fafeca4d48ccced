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
