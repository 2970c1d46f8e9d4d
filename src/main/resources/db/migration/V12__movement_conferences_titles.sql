-- Movement (issue 5): interim and final reviews with their attachments, titles and their awards,
-- emulation agreements between units.

CREATE TABLE conference (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      bigint  NOT NULL,            -- the organising unit
    unit_kind    text    NOT NULL,            -- its kind when it held the review
    unit_level   integer NOT NULL,            -- its level in the tree (0 province, 1 district, 2 commune …)
    kind         text    NOT NULL CHECK (kind IN ('INTERIM', 'FINAL')),
    topic        text    NOT NULL CHECK (btrim(topic) <> ''),
    held_on      date    NOT NULL,
    period_from  date    NOT NULL,
    period_to    date    NOT NULL,
    attendance   integer CHECK (attendance >= 0),
    minutes      text,
    campaigns    text[]  NOT NULL DEFAULT '{}',
    CHECK (period_from <= period_to AND period_to <= held_on)
);
CREATE INDEX conference_unit ON conference (unit_id);
CREATE INDEX conference_period ON conference (kind, period_from, period_to);

-- Attachments live in the database (bytea): they are backed up and kept in step with their
-- conference by the same transaction. The size limit and content types are checked in Conferences.
CREATE TABLE conference_attachment (
    id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conference_id  bigint  NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    file_name      text    NOT NULL,
    content_type   text    NOT NULL,
    size           integer NOT NULL CHECK (size > 0 AND size <= 10485760),
    content        bytea   NOT NULL
);
CREATE INDEX conference_attachment_conference ON conference_attachment (conference_id);

CREATE TABLE title (
    code        text   PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_vi     text   NOT NULL,
    name_en     text   NOT NULL,
    awarded_to  text   NOT NULL CHECK (awarded_to IN ('HOUSEHOLD', 'UNIT', 'PERSON')),
    unit_kinds  text[] NOT NULL DEFAULT '{}'   -- for titles awarded to units
);

INSERT INTO title (code, name_vi, name_en, awarded_to, unit_kinds) VALUES
    ('EXEMPLARY_CATHOLIC_FAMILY', 'Gia đình Công giáo gương mẫu', 'Exemplary Catholic family', 'HOUSEHOLD', '{}'),
    ('CULTURED_FAMILY', 'Gia đình văn hóa', 'Cultured family', 'HOUSEHOLD', '{}'),
    ('ADVANCED_PARISH', 'Xứ họ đạo tiên tiến', 'Advanced parish', 'UNIT', '{PARISH,SUB_PARISH}'),
    ('DILIGENT_PAGODA', 'Chùa tinh tiến', 'Diligent pagoda', 'UNIT', '{PAGODA}'),
    ('GOOD_HOMEROOM_TEACHER', 'Giáo viên chủ nhiệm làm ANTT giỏi', 'Homeroom teacher good at security and order',
        'PERSON', '{}'),
    ('CULTURAL_STANDARD_AREA', 'Khu dân cư đạt chuẩn văn hóa', 'Residential area of cultural standard', 'UNIT',
        '{RESIDENTIAL_AREA}'),
    ('ADVANCED_EXAMPLE', 'Điển hình tiên tiến', 'Advanced example', 'UNIT',
        '{RESIDENTIAL_AREA,COMMUNE,DISTRICT,AGENCY,ENTERPRISE,INDUSTRIAL_ZONE,SCHOOL,HOSPITAL,PARISH,SUB_PARISH,PAGODA}'),
    ('SAFE_UNIT', 'Đơn vị đạt tiêu chuẩn an toàn về an ninh, trật tự', 'Unit meeting the security and order safety standard',
        'UNIT', '{RESIDENTIAL_AREA,COMMUNE,DISTRICT,AGENCY,ENTERPRISE,INDUSTRIAL_ZONE,SCHOOL,HOSPITAL}');

-- An award for a year. Households come with the households register (another part of issue 5);
-- until then an award names a unit (for unit titles) or a person within a unit.
CREATE TABLE title_award (
    id               bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title_code       text    NOT NULL REFERENCES title (code),
    year             integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    unit_id          bigint  NOT NULL,        -- the unit awarded, or the unit of the person awarded
    person_name      text,
    deciding_body    text    NOT NULL CHECK (btrim(deciding_body) <> ''),
    decision_number  text    NOT NULL CHECK (btrim(decision_number) <> ''),
    decided_on       date
);
CREATE INDEX title_award_unit ON title_award (unit_id, year);
CREATE UNIQUE INDEX title_award_once ON title_award (title_code, year, unit_id) WHERE person_name IS NULL;

CREATE TABLE emulation_agreement (
    id         bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    bigint   NOT NULL,             -- the unit that records it
    party_ids  bigint[] NOT NULL CHECK (cardinality(party_ids) >= 2),
    signed_on  date     NOT NULL,
    content    text     NOT NULL CHECK (btrim(content) <> ''),
    campaigns  text[]   NOT NULL DEFAULT '{}'
);
CREATE INDEX emulation_agreement_unit ON emulation_agreement (unit_id);
