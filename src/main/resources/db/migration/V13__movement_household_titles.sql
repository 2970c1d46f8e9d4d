-- Movement (issue 5): titles awarded to households ("Gia đình Công giáo gương mẫu", "Gia đình văn
-- hóa"). An award now says whom its title is for (awarded_to, kept equal to the title's by a
-- foreign key) and names a household exactly when the title is a household's. The household is
-- referred to by id only (no foreign key into the households module's tables); unit_id holds the
-- residential area it lived in at the end of the award year.

ALTER TABLE title ADD CONSTRAINT title_code_awarded_to UNIQUE (code, awarded_to);

ALTER TABLE title_award ADD COLUMN awarded_to text;
UPDATE title_award a SET awarded_to = t.awarded_to FROM title t WHERE t.code = a.title_code;
ALTER TABLE title_award ALTER COLUMN awarded_to SET NOT NULL;
ALTER TABLE title_award ADD CONSTRAINT title_award_title_awarded_to
    FOREIGN KEY (title_code, awarded_to) REFERENCES title (code, awarded_to) ON UPDATE CASCADE;

ALTER TABLE title_award ADD COLUMN household_id bigint;
ALTER TABLE title_award ADD CONSTRAINT title_award_household
    CHECK ((awarded_to = 'HOUSEHOLD') = (household_id IS NOT NULL)
       AND (awarded_to <> 'HOUSEHOLD' OR person_name IS NULL));

-- once per unit and year for unit titles, once per household and year for household titles
DROP INDEX title_award_once;
CREATE UNIQUE INDEX title_award_once ON title_award (title_code, year, unit_id)
    WHERE person_name IS NULL AND household_id IS NULL;
CREATE UNIQUE INDEX title_award_household_once ON title_award (title_code, year, household_id)
    WHERE household_id IS NOT NULL;
CREATE INDEX title_award_household ON title_award (household_id) WHERE household_id IS NOT NULL;
