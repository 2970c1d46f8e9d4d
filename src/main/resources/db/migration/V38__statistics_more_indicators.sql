-- More of issue 16's indicators on the statistics' summaries (docs/statistics.md): hotspots on the list on the
-- period's last day by their status then, each counted once, at the first of its units (the lowest id); the
-- unit's movement classification (QĐ 510) for the year; an organisation's staff, briefed and signed for the year; the
-- campaigns the unit organised; the Catholic households of a residential area.
ALTER TABLE statistics_unit_year
    ADD COLUMN hotspots_complex     integer NOT NULL DEFAULT 0,
    ADD COLUMN hotspots_contained   integer NOT NULL DEFAULT 0,
    ADD COLUMN hotspots_stable      integer NOT NULL DEFAULT 0,
    -- 0 not classified, 1 excellent, 2 good, 3 average, 4 weak
    ADD COLUMN classification_level integer NOT NULL DEFAULT 0,
    ADD COLUMN staff                integer NOT NULL DEFAULT 0,
    ADD COLUMN staff_briefed        integer NOT NULL DEFAULT 0,
    ADD COLUMN staff_signed         integer NOT NULL DEFAULT 0,
    -- crackdowns and patrols the unit organised that ended in the period, their officers and results summed
    ADD COLUMN campaigns                 integer NOT NULL DEFAULT 0,
    ADD COLUMN campaign_officers         integer NOT NULL DEFAULT 0,
    ADD COLUMN campaign_arrests          integer NOT NULL DEFAULT 0,
    ADD COLUMN campaign_rings_broken     integer NOT NULL DEFAULT 0,
    ADD COLUMN campaign_hotspots_cleared integer NOT NULL DEFAULT 0,
    ADD COLUMN campaign_items_seized     integer NOT NULL DEFAULT 0,
    -- Catholic households living in the residential area on the period's last day (the households' own flag)
    ADD COLUMN households_catholic       integer NOT NULL DEFAULT 0;

-- The years filled before lack the new counts: each is filled again when next read.
DELETE FROM statistics_year;
DELETE FROM statistics_unit_year;
