-- The yearly evaluation's process (issue 7): the deadlines by which each kind of unit's dossier must
-- be in (QĐ 510/QĐ-BCA-V05 as RULEBOOK.md quotes it: residential areas before 20 Nov; communes,
-- agencies, enterprises and schools before 30 Nov; districts before 15 Dec, of the period's year).
-- Kept as data so that a province's different dates are a row, not a release.
CREATE TABLE evaluation_deadline (
    unit_kind  text PRIMARY KEY,
    due_month  int  NOT NULL CHECK (due_month BETWEEN 1 AND 12),
    due_day    int  NOT NULL CHECK (due_day BETWEEN 1 AND 31),   -- due before this day of the period's year
    source     text NOT NULL
);

INSERT INTO evaluation_deadline (unit_kind, due_month, due_day, source) VALUES
    ('RESIDENTIAL_AREA', 11, 20, 'QĐ 510/QĐ-BCA-V05'),
    ('COMMUNE',          11, 30, 'QĐ 510/QĐ-BCA-V05'),
    ('AGENCY',           11, 30, 'QĐ 510/QĐ-BCA-V05'),
    ('ENTERPRISE',       11, 30, 'QĐ 510/QĐ-BCA-V05'),
    ('SCHOOL',           11, 30, 'QĐ 510/QĐ-BCA-V05'),
    ('DISTRICT',         12, 15, 'QĐ 510/QĐ-BCA-V05');


-- Evidence files of a self-assessment's entry (a scan of the Party cell's resolution, the minutes):
-- one per entered criterion, kept in the database as movement conferences keep theirs (bytea, backed
-- up with the data, in step with the entry by the same transaction). Limits checked in Evaluations.
CREATE TABLE evaluation_entry_attachment (
    evaluation_id bigint      NOT NULL,
    criterion     text        NOT NULL,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size          integer     NOT NULL CHECK (size > 0 AND size <= 10485760),
    content       bytea       NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (evaluation_id, criterion),
    FOREIGN KEY (evaluation_id, criterion) REFERENCES evaluation_entry (evaluation_id, criterion) ON DELETE CASCADE
);
