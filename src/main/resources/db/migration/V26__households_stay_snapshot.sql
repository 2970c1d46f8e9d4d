-- A household as it was while it lived in an area: written on the stay when the stay ends (a move),
-- so the commune it left reads the head, address, members and Catholic mark of its own time, never
-- what the new commune records later. Empty on the current stay (the household's own row holds the
-- current values) and on stays ended before this migration.
ALTER TABLE household_residence
    ADD COLUMN head_name text,
    ADD COLUMN address text,
    ADD COLUMN members integer,
    ADD COLUMN catholic boolean;
