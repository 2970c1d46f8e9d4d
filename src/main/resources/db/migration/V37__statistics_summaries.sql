-- The statistics module's summaries (issue 16): one row per (year, unit) holding what the registers
-- hold of that unit itself — not of the units under it — counted in the year's residential areas'
-- period (the movement's statistic of the year, as the source's figures are: incidents and cases
-- from the day after the previous period ended to its last day, states on its last day), with the
-- unit's place in the tree on that last day. A subtree's figures are sums and counts over the rows
-- whose path starts with the subtree root's path: one range of one index, no walk through the tree.
-- Kept current in the transaction that writes a register (vn.tuquan.statistics.internal); a year is
-- filled whole the first time it is read or written, and `./tuquan statistics verify` recounts.
CREATE TABLE statistics_unit_year (
    year                      smallint NOT NULL,
    unit_id                   bigint   NOT NULL REFERENCES unit,
    unit_kind                 text     NOT NULL,
    path                      text COLLATE "C" NOT NULL,   -- the unit's path on the period's last day
    commune_id                bigint,                       -- its commune then (the commune itself for a commune)
    -- households of a residential area (on the period's last day; the year's commitments)
    households                integer  NOT NULL DEFAULT 0,
    households_registered     integer  NOT NULL DEFAULT 0,
    households_signed         integer  NOT NULL DEFAULT 0,
    -- incidents that happened in the unit during the period, not withdrawn, by kind; crimes by class
    incidents                 integer  NOT NULL DEFAULT 0,
    crimes                    integer  NOT NULL DEFAULT 0,
    crimes_less_serious       integer  NOT NULL DEFAULT 0,
    crimes_serious            integer  NOT NULL DEFAULT 0,
    crimes_very_serious       integer  NOT NULL DEFAULT 0,
    crimes_especially_serious integer  NOT NULL DEFAULT 0,
    security_events           integer  NOT NULL DEFAULT 0,
    social_evils              integer  NOT NULL DEFAULT 0,
    drug_offences             integer  NOT NULL DEFAULT 0,
    accidents_and_fires       integer  NOT NULL DEFAULT 0,  -- traffic and labour accidents, fires
    serious_subjective        integer  NOT NULL DEFAULT 0,  -- serious ones of subjective cause
    -- persons registers: drug users living in the unit, cases of the unit
    drug_users_present        integer  NOT NULL DEFAULT 0,
    drug_users_new            integer  NOT NULL DEFAULT 0,
    mediations                integer  NOT NULL DEFAULT 0,
    mediations_reconciled     integer  NOT NULL DEFAULT 0,
    re_educations             integer  NOT NULL DEFAULT 0,
    -- the yearly evaluation: 1 when the unit was recognised "safe in security and order" for the year
    recognised                integer  NOT NULL DEFAULT 0,
    -- the movement: models running on the period's last day and those assessed effective for the year;
    -- cameras installed by then; reviews of a period ending in the year; titles of the year
    models                    integer  NOT NULL DEFAULT 0,
    models_effective          integer  NOT NULL DEFAULT 0,
    cameras                   integer  NOT NULL DEFAULT 0,
    conferences_interim       integer  NOT NULL DEFAULT 0,
    conferences_final         integer  NOT NULL DEFAULT 0,
    catholic_families_titled  integer  NOT NULL DEFAULT 0,  -- households awarded "exemplary Catholic family"
    advanced_parish           integer  NOT NULL DEFAULT 0,  -- 1: the parish was awarded "advanced parish"
    cultural_standard_area    integer  NOT NULL DEFAULT 0,  -- 1: the area was awarded "cultural standard"
    advanced_example          integer  NOT NULL DEFAULT 0,  -- 1: the unit was awarded "advanced example"
    PRIMARY KEY (year, unit_id)
);

-- a subtree of a year: WHERE year = ? AND path LIKE '/1/23/%' (byte order, so LIKE 'prefix%' is a range)
CREATE INDEX statistics_unit_year_path ON statistics_unit_year (year, path);

-- The years whose rows exist for every unit of the tree (filled whole once, then kept current).
CREATE TABLE statistics_year (
    year      smallint PRIMARY KEY,
    filled_at timestamptz NOT NULL
);
