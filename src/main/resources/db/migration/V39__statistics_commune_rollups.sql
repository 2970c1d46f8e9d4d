-- The communes' roll-ups of the statistics summaries (issue 16, speed): one row per (year, commune)
-- holding every indicator of the commune's subtree (the commune's own row and the rows of every unit
-- whose commune it is), in the order of vn.tuquan.statistics.Indicator: a sum of records, a count of
-- units whose own row satisfies a condition, or 1/0 for a condition on the commune's sums ("communes
-- with no crime"). A subtree above the communes (a district, a province, the country) is read from
-- these rows (3,321 a year for the country instead of every unit's) and from the few rows of units
-- that stand above any commune. Rebuilt from statistics_unit_year in the transaction that changes
-- those rows (vn.tuquan.statistics.internal.SummaryStore#rollUp); `statistics verify` checks them.
CREATE TABLE statistics_commune_year (
    year        smallint NOT NULL,
    commune_id  bigint   NOT NULL REFERENCES unit,
    path        text COLLATE "C" NOT NULL,   -- the commune's path on the period's last day
    vals        bigint[] NOT NULL,           -- one value per indicator, in Indicator's order
    PRIMARY KEY (year, commune_id)
);

CREATE INDEX statistics_commune_year_path ON statistics_commune_year (year, path);

-- the rows of a commune (to roll it up again) and the few rows above any commune (read beside the roll-ups)
CREATE INDEX statistics_unit_year_commune ON statistics_unit_year (year, commune_id);
CREATE INDEX statistics_unit_year_above ON statistics_unit_year (year, path) WHERE commune_id IS NULL;

-- The indicators the roll-ups were computed for (codes in order): when the catalogue changes, every
-- year is forgotten and filled again when next used.
CREATE TABLE statistics_shape (
    id          smallint PRIMARY KEY CHECK (id = 1),
    indicators  text NOT NULL
);

-- years filled before this migration have no roll-ups: fill them again when next used
DELETE FROM statistics_year;
DELETE FROM statistics_unit_year;
