-- Where a unit was on a day, for the modules that keep with a record the place of its unit at the
-- time (the audit log, V36), so that a scope's records can be found by path in SQL. Published by the
-- units module: other modules call the function and never read unit_version themselves.
--
-- The unit's path on that day, and that day; when the unit did not exist that day: its path as it
-- last was before (and the last day of that version), or, for a unit that did not exist yet, as it
-- first was (and its first day). No row for an unknown unit. (A set-returning SQL function, so that
-- PostgreSQL inlines it into the query that calls it.)
CREATE FUNCTION unit_place_on(p_unit bigint, p_day date)
    RETURNS TABLE (path text, valid_on date)
    LANGUAGE sql STABLE AS $$
    SELECT v.path,
           CASE WHEN v.valid_from > p_day THEN v.valid_from
                WHEN v.valid_to IS NOT NULL AND v.valid_to <= p_day THEN v.valid_to - 1
                ELSE p_day END
    FROM unit_version v
    WHERE v.unit_id = p_unit
    ORDER BY v.valid_from <= p_day DESC,                                    -- a version begun by that day …
             CASE WHEN v.valid_from <= p_day THEN v.valid_from END DESC,   -- … the latest one (in force, or the last)
             v.valid_from                                                   -- else the first one
    LIMIT 1
$$;
