-- 0003_web: accounts, sessions, the audit log and evidence files of the web application
-- (src/server). None of these tables references `agencies`: an agency is replaced by
-- DELETE + INSERT on every import and every edit (src/server/README.md), and accounts, the
-- audit log and evidence files must outlive that. The server checks the agency ids they hold.
--
-- Accounts and sessions are better-auth's tables (src/server/auth.ts maps its fields to
-- these snake_case names); `username` is the login name (`admin@demo`), `role`,
-- `agency_id`, `unit_id`, `region` and `active` are Kinerja's.

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
