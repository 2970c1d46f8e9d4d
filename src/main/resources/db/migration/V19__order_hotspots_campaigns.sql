-- Security and order (issue 6, sections 4–5): hotspot areas (địa bàn trọng điểm, phức tạp về ANTT) with their
-- designation and removal by decision and their status over time, and crackdown / patrol campaigns (truy quét /
-- tuần tra) with their results and the hotspots they targeted. Units are referred to by id only.

CREATE TABLE hotspot (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text   NOT NULL CHECK (btrim(name) <> ''),
    kind               text   NOT NULL CHECK (kind IN ('DRUGS', 'GAMBLING', 'THEFT', 'PROSTITUTION', 'PUBLIC_ORDER',
                                                       'OTHER')),
    designated_on      date   NOT NULL,
    designated_by      text   NOT NULL CHECK (btrim(designated_by) <> ''),
    designation_number text   NOT NULL CHECK (btrim(designation_number) <> ''),
    removed_on         date,
    removed_by         text,
    removal_number     text,
    latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
    notes              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text   NOT NULL,
    -- removal by decision: the date, the deciding body and the number together, or none of them
    CONSTRAINT hotspot_removal_decided CHECK (
        (removed_on IS NULL AND removed_by IS NULL AND removal_number IS NULL)
        OR (removed_on IS NOT NULL AND btrim(removed_by) <> '' AND btrim(removal_number) <> '')),
    CONSTRAINT hotspot_removed_after_designation CHECK (removed_on IS NULL OR removed_on > designated_on),
    CONSTRAINT hotspot_point CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- The units a hotspot covers (one or more): a residential area, a commune, an organisation …
CREATE TABLE hotspot_unit (
    hotspot_id bigint NOT NULL REFERENCES hotspot (id) ON DELETE CASCADE,
    unit_id    bigint NOT NULL,
    PRIMARY KEY (hotspot_id, unit_id)
);
CREATE INDEX hotspot_unit_unit ON hotspot_unit (unit_id, hotspot_id);

-- The status of a hotspot over time: each from a date up to the next one (valid_to exclusive, NULL for the current
-- one); one status at a time.
CREATE TABLE hotspot_status (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hotspot_id  bigint NOT NULL REFERENCES hotspot (id) ON DELETE CASCADE,
    status      text   NOT NULL CHECK (status IN ('COMPLEX', 'CONTAINED', 'STABLE')),
    valid_from  date   NOT NULL,
    valid_to    date,
    reason      text   NOT NULL CHECK (btrim(reason) <> ''),
    recorded_by text   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hotspot_status_dates CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT hotspot_status_one_at_a_time
        EXCLUDE USING gist (hotspot_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE UNIQUE INDEX hotspot_status_current ON hotspot_status (hotspot_id) WHERE valid_to IS NULL;
CREATE INDEX hotspot_status_on ON hotspot_status (hotspot_id, valid_from);

CREATE TABLE campaign (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text   NOT NULL CHECK (btrim(name) <> ''),
    kind               text   NOT NULL CHECK (kind IN ('CRACKDOWN', 'PATROL')),
    organising_unit_id bigint NOT NULL,
    started_on         date   NOT NULL,
    ended_on           date   NOT NULL,
    forces             text,
    officers           integer CHECK (officers >= 0),
    arrests            integer NOT NULL DEFAULT 0 CHECK (arrests >= 0),
    rings_broken       integer NOT NULL DEFAULT 0 CHECK (rings_broken >= 0),
    hotspots_cleared   integer NOT NULL DEFAULT 0 CHECK (hotspots_cleared >= 0),
    items_seized       integer NOT NULL DEFAULT 0 CHECK (items_seized >= 0),
    seized_description text,
    results            text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text   NOT NULL,
    CONSTRAINT campaign_period CHECK (ended_on >= started_on)
);
CREATE INDEX campaign_organiser ON campaign (organising_unit_id, ended_on);

CREATE TABLE campaign_unit (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    unit_id     bigint NOT NULL,
    PRIMARY KEY (campaign_id, unit_id)
);
CREATE INDEX campaign_unit_unit ON campaign_unit (unit_id, campaign_id);

CREATE TABLE campaign_hotspot (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    hotspot_id  bigint NOT NULL REFERENCES hotspot (id),
    PRIMARY KEY (campaign_id, hotspot_id)
);
CREATE INDEX campaign_hotspot_hotspot ON campaign_hotspot (hotspot_id);
