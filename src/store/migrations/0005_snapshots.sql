-- 0005_snapshots: an agency as it was before an import or a restore replaced it (or a pruning
-- region import removed it), written in the same transaction as the change, so that no import
-- loses data for good: the region's admin restores a snapshot (itself snapshotted first). Like
-- the audit log, snapshots do not reference `agencies` and only ever grow: the triggers refuse
-- UPDATE, DELETE and TRUNCATE. All are kept (an agency's export is a few hundred kilobytes).

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
