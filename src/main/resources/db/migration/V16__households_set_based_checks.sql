-- Households (issue 5): the bulk import at the speed of COPY. Loading 1,000,000 stays cost 11.5 s,
-- of which the per-row foreign key to household took about 4 s (one lookup and one row lock per
-- stay) and the statement trigger that marks households with a second stay about 4 s (one count
-- per household). The same rules now hold with checks made once per statement, set-based:
--
-- * every stay belongs to a household: a hash anti-join of the statement's new stays with
--   household (the foreign key's work, without locking each household row); households are
--   never deleted while they have stays (statement trigger on household);
-- * a household's later stays are inserted marked (`moved`), and marking one marks all the
--   household's stays, which puts them in the exclusion constraint "never in two areas at once";
-- * an unmarked stay is its household's only stay: at most one per household (the unique index
--   below, which is also the index by household) and none beside marked ones (checked per
--   statement, set-based).

ALTER TABLE household_residence DROP CONSTRAINT household_residence_household_id_fkey;
DROP TRIGGER household_residence_moved_on_insert ON household_residence;
DROP TRIGGER household_residence_moved_on_update ON household_residence;
DROP FUNCTION household_residence_mark_moved();

DROP INDEX household_residence_household;
-- Where households lived: the stays living there now come from the unique index on (area_id, code)
-- WHERE valid_to IS NULL, the ended ones from this one; a query "living in the area on a date"
-- (valid_to IS NULL OR valid_to > d) reads both (BitmapOr). An import, whose stays are all current,
-- no longer writes a third index by area.
DROP INDEX household_residence_area;
CREATE INDEX household_residence_area_ended ON household_residence (area_id, valid_from) WHERE valid_to IS NOT NULL;
-- one unmarked stay per household (NULL keys are equal here), marked stays by their start date
CREATE UNIQUE INDEX household_residence_household
    ON household_residence (household_id, (CASE WHEN moved THEN valid_from END)) NULLS NOT DISTINCT;

CREATE FUNCTION household_residence_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad bigint;
    missing boolean;
    lo bigint;
    hi bigint;
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;  -- the marking below
    END IF;
    -- a marked stay marks its household's other stays (they enter the exclusion constraint)
    IF EXISTS (SELECT 1 FROM new_stays WHERE moved) THEN
        UPDATE household_residence r SET moved = true
         WHERE NOT r.moved AND r.household_id IN (SELECT household_id FROM new_stays WHERE moved);
    END IF;
    -- One pass over the statement's stays: a stay of no household (the foreign key's check), or an
    -- unmarked stay beside marked ones. Only the households in the range of the statement's ids are
    -- read, so the cost follows the statement, not the table (an import's chunk of 100,000 stays:
    -- about 50 ms; one move: under 1 ms). Dynamic, so it is planned for this statement's size, not
    -- once for the session's first call. No LIMIT: it would turn the joins into lookups row by row.
    EXECUTE 'SELECT min(household_id), max(household_id) FROM new_stays' INTO lo, hi;
    EXECUTE 'SELECT n.household_id, h.id IS NULL
               FROM new_stays n
               LEFT JOIN (SELECT id FROM household WHERE id BETWEEN $1 AND $2) h ON h.id = n.household_id
              WHERE h.id IS NULL OR (NOT n.moved AND EXISTS (SELECT 1 FROM household_residence o
                                                              WHERE o.household_id = n.household_id AND o.moved
                                                                AND o.household_id BETWEEN $1 AND $2))'
        INTO bad, missing USING lo, hi;
    IF missing THEN
        RAISE EXCEPTION 'household % does not exist (household_residence_household_id_fkey)', bad
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'household_residence_household_id_fkey',
                  TABLE = 'household_residence';
    ELSIF bad IS NOT NULL THEN
        RAISE EXCEPTION 'stays of household % violate household_residence_one_area: an unmarked stay beside marked ones', bad
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'household_residence_one_area',
                  TABLE = 'household_residence';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER household_residence_checked_on_insert AFTER INSERT ON household_residence
    REFERENCING NEW TABLE AS new_stays FOR EACH STATEMENT EXECUTE FUNCTION household_residence_checked();
CREATE TRIGGER household_residence_checked_on_update AFTER UPDATE ON household_residence
    REFERENCING NEW TABLE AS new_stays FOR EACH STATEMENT EXECUTE FUNCTION household_residence_checked();

CREATE FUNCTION household_kept_while_resident() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad bigint;
BEGIN
    SELECT o.id INTO bad FROM old_households o JOIN household_residence r ON r.household_id = o.id LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'household % still has stays (household_residence_household_id_fkey)', bad
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'household_residence_household_id_fkey',
                  TABLE = 'household';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER household_kept_while_resident AFTER DELETE ON household
    REFERENCING OLD TABLE AS old_households FOR EACH STATEMENT EXECUTE FUNCTION household_kept_while_resident();
CREATE FUNCTION household_id_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a household keeps its id (%)', OLD.id USING ERRCODE = 'foreign_key_violation', TABLE = 'household';
END
$$;
CREATE TRIGGER household_id_unchanged BEFORE UPDATE ON household
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION household_id_unchanged();

-- The import reserves a block of household ids under a table lock (HouseholdImports), so it must
-- move the sequence past the block.
DO $grants$
DECLARE
    app text := '${approle}';
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('GRANT UPDATE ON SEQUENCE %s TO %I', pg_get_serial_sequence('household', 'id'), app);
    END IF;
END
$grants$;
