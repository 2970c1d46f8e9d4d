-- STUB for the facts branch only: replaced by the persons helper's migration on merge.
CREATE TABLE drug_user (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    residence_unit_id bigint NOT NULL,
    detected_on date NOT NULL,
    status text NOT NULL DEFAULT 'NEW');
