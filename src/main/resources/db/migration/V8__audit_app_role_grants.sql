-- The application connects as its own role (${approle}), not as the owner that runs these
-- migrations: it may read and write the modules' tables, only read and append to the audit log,
-- and never change the schema. Tables made by later migrations get the same grants by default.
-- With an external database used through one role only, the role does not exist and nothing is
-- granted (that role owns everything anyway).
DO $grants$
DECLARE
    app text := '${approle}';
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RAISE NOTICE 'role % does not exist: no grants (the application uses the owner role)', app;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
    -- the audit log: read and append only; its chain head: read and move on only
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', app);
    EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON audit_chain_head FROM %I', app);
    -- Flyway's own history is the owner's business
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM %I', app);
END
$grants$;
