-- An agency's, enterprise's or school's yearly commitment (RULEBOOK: 100% of staff briefed and
-- signed): how many staff it has, how many were briefed, how many signed. unit_id refers to a unit
-- of the units module by id.
CREATE TABLE organisation_commitment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id       bigint  NOT NULL,
    period_year   integer NOT NULL,
    staff_total   integer NOT NULL CHECK (staff_total > 0),
    staff_briefed integer NOT NULL CHECK (staff_briefed >= 0),
    staff_signed  integer NOT NULL CHECK (staff_signed >= 0),
    recorded_on   date    NOT NULL,
    CONSTRAINT organisation_commitment_counts CHECK (staff_briefed <= staff_total AND staff_signed <= staff_total),
    CONSTRAINT organisation_commitment_once UNIQUE (unit_id, period_year)
);
