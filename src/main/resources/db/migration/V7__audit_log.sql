-- The audit log: every write of every module and every read of sensitive data, append-only and
-- hash-chained. Each entry's hash is SHA-256 over its canonical content and the previous entry's
-- hash (computed by the application, vn.tuquan.audit), so `./tuquan audit verify` finds an edited,
-- deleted or inserted row. No IP address is kept (GlobaLeaks' rule).

CREATE TABLE audit_event (
    id                bigint      PRIMARY KEY,      -- 1, 2, 3 … without gaps: given out under the chain head's lock
    occurred_at       timestamptz NOT NULL,
    actor_user_id     bigint,                       -- users.id; NULL for the system (commands, start-up)
    actor_username    text,
    action            text        NOT NULL,         -- CREATED, UPDATED, DELETED, READ_SENSITIVE, SIGNED_IN, IMPORTED …
    module            text        NOT NULL,         -- units, access, order …
    entity_type       text        NOT NULL,         -- local-unit, official-list …
    entity_id         text,
    unit_id           bigint,                       -- the unit the entry concerns, for scope-filtered search
    before            jsonb,
    after             jsonb,
    prev_hash         text        NOT NULL,         -- hex; 64 zeros before the first entry
    hash              text        NOT NULL,         -- hex SHA-256
    CONSTRAINT audit_event_action CHECK (action ~ '^[A-Z_]{2,40}$'),
    CONSTRAINT audit_event_hash CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX audit_event_occurred ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_actor ON audit_event (actor_username, id DESC);
CREATE INDEX audit_event_unit ON audit_event (unit_id, id DESC) WHERE unit_id IS NOT NULL;
CREATE INDEX audit_event_module ON audit_event (module, id DESC);

-- One row: the last entry. Appends lock it (SELECT … FOR UPDATE), so the chain stays linear
-- even with several application nodes on one database.
CREATE TABLE audit_chain_head (
    id        smallint PRIMARY KEY CHECK (id = 1),
    last_id   bigint   NOT NULL,
    last_hash text     NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, repeat('0', 64));

-- Append-only for everyone, the owner included. (A superuser can still switch triggers off:
-- that is what the hash chain is for.)
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
