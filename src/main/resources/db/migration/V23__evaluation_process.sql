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

