-- Sign-in: lock-out after repeated failures, the optional TOTP second factor, personal access
-- tokens, and the sessions shared by every node (Spring Session JDBC).

ALTER TABLE users
    ADD COLUMN failed_sign_ins     integer     NOT NULL DEFAULT 0,
    ADD COLUMN locked_until        timestamptz,
    -- the TOTP secret (base32); sensitive: the field cipher will encrypt this column
    ADD COLUMN totp_secret         text,
    -- the last 30-second step whose code was accepted: a code is not accepted twice
    ADD COLUMN totp_last_step      bigint,
    -- until the permission model decides it: whether this person must use a second factor
    ADD COLUMN totp_required       boolean     NOT NULL DEFAULT false,
    ADD COLUMN password_changed_at timestamptz;

CREATE TABLE access_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    -- SHA-256 of the whole token; the token itself is shown once and never stored
    token_hash   bytea       NOT NULL,
    -- the first characters, to recognise a token in the list
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT access_tokens_name_length CHECK (length(name) BETWEEN 1 AND 100)
);

CREATE UNIQUE INDEX access_tokens_hash_key ON access_tokens (token_hash);
CREATE INDEX access_tokens_user ON access_tokens (user_id);

-- Spring Session JDBC's PostgreSQL schema (schema-postgresql.sql of spring-session-jdbc 4.0).
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
