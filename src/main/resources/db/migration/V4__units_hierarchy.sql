-- Units with history. A unit (its identity, what other modules refer to) has versions; each
-- version holds the unit's name, kind, parent and place in the tree for a period
-- [valid_from, valid_to). A rename, move, merge or split closes a version and opens another;
-- nothing is overwritten. Successions say which unit took over which, whole or in part.

CREATE TABLE unit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unit_kind CHECK (kind IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY',
        'ENTERPRISE', 'INDUSTRIAL_ZONE', 'SCHOOL', 'HOSPITAL', 'PARISH', 'SUB_PARISH', 'PAGODA'))
);

CREATE TABLE unit_version (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id       bigint   NOT NULL REFERENCES unit,
    kind          text     NOT NULL,          -- the unit's kind, copied for index-only filtering
    subkind       text,                       -- XA / PHUONG / THI_TRAN / DAC_KHU; THON / XOM / TO_DAN_PHO …
    code          text,                       -- GSO code of official units; an own code otherwise
    name          text     NOT NULL,          -- NFC, one tone-mark convention
    name_en       text,
    parent_id     bigint REFERENCES unit,
    path          text COLLATE "C" NOT NULL,   -- '/<province id>/<district id>/<unit id>/' as of this version;
                                              -- byte order, so one btree serves both LIKE 'prefix%' and ORDER BY
    level         smallint NOT NULL,          -- 1 province, 2 district, 3 commune, 4 and below inside a commune
    valid_from    date     NOT NULL,
    valid_to      date,                       -- exclusive; NULL while the version is current
    change        text     NOT NULL,          -- why this version began: CREATED, RENAMED, MOVED, EDITED, …
    -- what the yearly evaluation needs of organisations (NULL for places)
    sector                 text,
    has_party_organisation boolean,
    staff_count            integer,
    exclusion              text,              -- ARMED_FORCES, SMALL_OR_MICRO_ENTERPRISE, PRIMARY_SCHOOL, KINDERGARTEN
    CONSTRAINT unit_version_period CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT unit_version_path CHECK (path LIKE '/%/' AND path LIKE '%/' || unit_id || '/'),
    CONSTRAINT unit_version_staff CHECK (staff_count IS NULL OR staff_count >= 0),
    CONSTRAINT unit_version_exclusion CHECK (exclusion IS NULL OR exclusion IN
        ('ARMED_FORCES', 'SMALL_OR_MICRO_ENTERPRISE', 'PRIMARY_SCHOOL', 'KINDERGARTEN')),
    -- one version of a unit at a time
    CONSTRAINT unit_version_one_at_a_time
        EXCLUDE USING gist (unit_id WITH =, daterange(valid_from, valid_to) WITH &&),
    -- an official code names one unit at a time (codes are reused over the years)
    CONSTRAINT unit_version_code_one_at_a_time
        EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
        WHERE (code IS NOT NULL AND kind IN ('PROVINCE', 'DISTRICT', 'COMMUNE'))
);

CREATE INDEX unit_version_unit ON unit_version (unit_id, valid_from);
CREATE INDEX unit_version_parent ON unit_version (parent_id, valid_from);
CREATE INDEX unit_version_code ON unit_version (code, valid_from) WHERE code IS NOT NULL;
CREATE INDEX unit_version_path ON unit_version (path, kind);
CREATE INDEX unit_version_current_path ON unit_version (path, kind) WHERE valid_to IS NULL;
CREATE INDEX unit_version_name_search ON unit_version USING gin (search_fold(name) gin_trgm_ops);

CREATE TABLE unit_succession (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    predecessor_id bigint  NOT NULL REFERENCES unit,
    successor_id   bigint  NOT NULL REFERENCES unit,
    effective_date date    NOT NULL,
    whole          boolean NOT NULL,         -- the whole predecessor went (nhập toàn bộ), or a part of it
    note           text,
    CONSTRAINT unit_succession_distinct CHECK (predecessor_id <> successor_id),
    CONSTRAINT unit_succession_once UNIQUE (predecessor_id, successor_id, effective_date)
);

CREATE INDEX unit_succession_successor ON unit_succession (successor_id);

-- Boundaries for maps, as GeoJSON geometries (no tile server, no PostGIS needed).
CREATE TABLE unit_boundary (
    unit_id    bigint NOT NULL REFERENCES unit,
    valid_from date   NOT NULL,
    geometry   jsonb  NOT NULL,
    PRIMARY KEY (unit_id, valid_from)
);

-- Every import that changed something: what, as of when, with which effect.
CREATE TABLE unit_import (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    files       text        NOT NULL,
    as_of       date        NOT NULL,
    kind        text        NOT NULL,       -- LIST, SUCCESSIONS, BOUNDARIES, LOCAL_UNITS
    opened      integer     NOT NULL DEFAULT 0,
    changed     integer     NOT NULL DEFAULT 0,
    closed      integer     NOT NULL DEFAULT 0,
    unchanged   integer     NOT NULL DEFAULT 0,
    successions integer     NOT NULL DEFAULT 0,
    imported_by text,
    imported_at timestamptz NOT NULL DEFAULT now()
);
