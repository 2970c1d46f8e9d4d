-- More of issue 16's indicators on the statistics' summaries (docs/statistics.md): hotspots on the list on the
-- period's last day by their status then, each counted once, at the first of its units (the lowest id); the
-- unit's movement classification (QĐ 510) for the year; an organisation's staff, briefed and signed for the year.
ALTER TABLE statistics_unit_year
    ADD COLUMN hotspots_complex     integer NOT NULL DEFAULT 0,
    ADD COLUMN hotspots_contained   integer NOT NULL DEFAULT 0,
    ADD COLUMN hotspots_stable      integer NOT NULL DEFAULT 0,
    -- 0 not classified, 1 excellent, 2 good, 3 average, 4 weak
    ADD COLUMN classification_level integer NOT NULL DEFAULT 0,
    ADD COLUMN staff                integer NOT NULL DEFAULT 0,
    ADD COLUMN staff_briefed        integer NOT NULL DEFAULT 0,
    ADD COLUMN staff_signed         integer NOT NULL DEFAULT 0;

-- The years filled before lack the new counts: each is filled again when next read.
DELETE FROM statistics_year;
DELETE FROM statistics_unit_year;
