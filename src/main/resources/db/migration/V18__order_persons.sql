-- COPY of the persons branch migration for the facts branch; the persons branch owns it.
-- Order (issue 6), persons: drug users with their status history, mediation cases, community
-- re-education cases, and the links from incidents to persons. Units (and incidents) are referred
-- to by id only. Columns ending in _enc hold FieldCipher values (AES-256-GCM), never plain text:
-- they are registered with key rotation (vn.tuquan.order.PersonColumns).

CREATE TABLE drug_user (
    id                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    residence_unit_id bigint  NOT NULL,
    detected_on       date    NOT NULL,
    status            text    NOT NULL CHECK (status IN ('NEW', 'IN_TREATMENT', 'RELAPSED', 'RECOVERED')),
    status_since      date    NOT NULL,
    full_name_enc     text    NOT NULL,
    birth_enc         text,
    national_id_enc   text,
    address_enc       text,
    recorded_by       text    NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (status_since >= detected_on)
);
CREATE INDEX drug_user_unit_detected ON drug_user (residence_unit_id, detected_on);

-- The status over time: each row holds from `since` until the next row's `since` (exclusive).
-- The first row is NEW on the day detected.
CREATE TABLE drug_user_status (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    drug_user_id bigint NOT NULL REFERENCES drug_user ON DELETE CASCADE,
    status       text   NOT NULL CHECK (status IN ('NEW', 'IN_TREATMENT', 'RELAPSED', 'RECOVERED')),
    since        date   NOT NULL,
    note_enc     text,
    recorded_by  text   NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (drug_user_id, since)
);

CREATE TABLE mediation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id     bigint NOT NULL,
    held_on     date   NOT NULL,
    parties_enc text   NOT NULL,
    subject     text   NOT NULL CHECK (btrim(subject) <> ''),
    outcome     text   NOT NULL CHECK (outcome IN ('RECONCILED', 'NOT_RECONCILED')),
    mediator    text   NOT NULL CHECK (btrim(mediator) <> ''),
    recorded_by text   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mediation_unit_held ON mediation (unit_id, held_on);

CREATE TABLE re_education (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id         bigint NOT NULL,
    started_on      date   NOT NULL,
    ended_on        date,
    outcome         text   CHECK (outcome IN ('REFORMED', 'NOT_REFORMED')),
    responsible     text   NOT NULL CHECK (btrim(responsible) <> ''),
    full_name_enc   text   NOT NULL,
    birth_enc       text,
    national_id_enc text,
    address_enc     text,
    recorded_by     text   NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_on IS NULL OR ended_on >= started_on),
    CHECK ((ended_on IS NULL) = (outcome IS NULL))
);
CREATE INDEX re_education_unit_started ON re_education (unit_id, started_on);

-- Which persons an incident involves. No foreign key to incident (V17, another part): the service
-- checks the incident exists and lies in the caller's scope.
CREATE TABLE incident_person (
    incident_id bigint NOT NULL,
    person_kind text   NOT NULL CHECK (person_kind IN ('DRUG_USER', 'RE_EDUCATION')),
    person_id   bigint NOT NULL,
    linked_by   text   NOT NULL,
    linked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, person_kind, person_id)
);
CREATE INDEX incident_person_person ON incident_person (person_kind, person_id);
