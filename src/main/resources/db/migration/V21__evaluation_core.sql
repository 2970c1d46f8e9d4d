-- The yearly evaluation (issue 7): rulebooks (the regulations' criteria as versioned data) and the
-- evaluation of each unit for each period, with its proposed and decided verdicts, the values people
-- entered, and every step of the process. Units are referred to by id only.

-- A rulebook: one version of one regulation's criteria (national: TT23_2012, TT124_2021, TT48_2025),
-- or a province's version (its own criteria and the editable thresholds adjusted), effective from a
-- date. The rulebook in force for a period is the latest version effective on the period's last day
-- (a province's own version first, when it has one). A version is never changed once an evaluation
-- refers to it: a change is a new version.
CREATE TABLE rulebook (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text    NOT NULL CHECK (btrim(code) <> ''),
    version        int     NOT NULL CHECK (version >= 1),
    province_id    bigint,                       -- NULL: national
    based_on       bigint REFERENCES rulebook (id),
    regulation     text    NOT NULL,             -- e.g. 'TT 124/2021/TT-BCA'
    name_vi        text    NOT NULL,
    name_en        text    NOT NULL,
    effective_from date    NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text    NOT NULL,
    UNIQUE (code, version)
);
CREATE INDEX rulebook_effective ON rulebook (province_id, effective_from);

-- The criteria of a rulebook per unit kind (RESIDENTIAL_AREA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL), in
-- order. criterion names a class of vn.tuquan.evaluation.rules (Criteria.get); params its thresholds.
CREATE TABLE rulebook_criterion (
    rulebook_id bigint  NOT NULL REFERENCES rulebook (id) ON DELETE CASCADE,
    unit_kind   text    NOT NULL,
    position    int     NOT NULL,
    criterion   text    NOT NULL,
    params      jsonb   NOT NULL DEFAULT '{}',
    editable    boolean NOT NULL DEFAULT false,  -- RULEBOOK.md "to confirm": a provincial administrator may adjust
    provincial  boolean NOT NULL DEFAULT false,  -- added by the province (TT 124 Điều 8.1)
    article     text,
    name_vi     text    NOT NULL,
    name_en     text    NOT NULL,
    PRIMARY KEY (rulebook_id, unit_kind, criterion),
    UNIQUE (rulebook_id, unit_kind, position)
);

-- One unit's evaluation for one period (its year): the process status, the proposed verdict computed
-- from the registers (with the facts and each criterion's outcome, as JSON), and the decision.
-- status: NOT_REGISTERED (proposed by a bulk run only) → REGISTERED (Q1) → DRAFT → SUBMITTED →
-- RETURNED (back to DRAFT) | ACCEPTED → RECOGNISED | REJECTED. A RECOGNISED or REJECTED evaluation is
-- locked: nothing changes it until it is reopened with a reason (audited).
CREATE TABLE evaluation (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id          bigint  NOT NULL,
    year             int     NOT NULL,
    unit_kind        text    NOT NULL,
    period_from      date    NOT NULL,
    period_to        date    NOT NULL,
    rulebook_id      bigint  NOT NULL REFERENCES rulebook (id),
    status           text    NOT NULL DEFAULT 'NOT_REGISTERED' CHECK (status IN ('NOT_REGISTERED', 'REGISTERED',
                                      'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'RECOGNISED', 'REJECTED')),
    registered_on    date,
    proposed         text    CHECK (proposed IN ('MET', 'NOT_MET', 'NEEDS_INPUT')),
    facts            jsonb,
    outcomes         jsonb,
    computed_at      timestamptz,
    locked           boolean NOT NULL DEFAULT false,
    decision_number  text,
    decision_date    date,
    decision_signer  text,
    decided_by_unit  bigint,                      -- the People's Committee's unit that decided
    reasons          text,                        -- the last return or rejection reasons
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_id, year),
    CONSTRAINT evaluation_decided CHECK (status NOT IN ('RECOGNISED', 'REJECTED')
        OR (decision_number IS NOT NULL AND decision_date IS NOT NULL AND decision_signer IS NOT NULL))
);
CREATE INDEX evaluation_year_status ON evaluation (year, status);

-- Values people entered for criteria the registers cannot give, with their evidence.
CREATE TABLE evaluation_entry (
    evaluation_id bigint  NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    criterion     text    NOT NULL,
    value         boolean NOT NULL,
    evidence      text    NOT NULL CHECK (btrim(evidence) <> ''),
    entered_by    text    NOT NULL,
    entered_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (evaluation_id, criterion)
);

-- Every step of the process: who moved the evaluation from which status to which, when, why.
CREATE TABLE evaluation_step (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluation_id bigint  NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    from_status   text,
    to_status     text    NOT NULL,
    reason        text,
    taken_by      text    NOT NULL,
    taken_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_step_evaluation ON evaluation_step (evaluation_id, taken_at);
