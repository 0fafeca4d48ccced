-- 0006_files: the bytes of the files a dataset refers to (the agency's crest, documentation
-- photos, the scans of signed agreements and decrees), one row per agency and content hash
-- (dataset-format.md, "Files"). The dataset holds the reference (hash, media type, name, size,
-- caption); this table the bytes, written in the import's transaction (src/store/files.ts).
-- Like the audit log it does not reference `agencies`: an import replaces an agency by
-- DELETE + INSERT and its files stay; deleting the agency deletes them (datasets.ts).
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
