-- Free text is bounded in the database too (issue 13.15). Every free-text column of the registers gets
-- CHECK (char_length(column) <= n), the same n as the form's maxlength and the module's check (a
-- refusal naming the field, 400 from the API); docs/security.md, "Input bounds", lists them. A column
-- added later is bounded in its own migration with
--     CALL bound_text('table', 'column', n);
-- The constraint refuses every over-long value written from then on, whoever writes it. Rows written
-- before are checked as well: when some are longer (data from before these bounds), the constraint is
-- left NOT VALID, which still refuses new over-long values, and a WARNING in the start-up log names
-- the table, the column and how many rows are too long (docs/operations.md: shorten them, then
-- ALTER TABLE ... VALIDATE CONSTRAINT ...). A migration never cuts anybody's text.
CREATE PROCEDURE bound_text(tbl regclass, col name, max_length integer, expression text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    measured text := coalesce(expression, format('char_length(%I)', col));
    constraint_name name := left((SELECT relname FROM pg_class WHERE oid = tbl) || '_' || col, 56) || '_length';
    too_long bigint;
BEGIN
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%s <= %s) NOT VALID', tbl, constraint_name, measured,
                   max_length);
    EXECUTE format('SELECT count(*) FROM %s WHERE %s > %s', tbl, measured, max_length) INTO too_long;
    IF too_long = 0 THEN
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', tbl, constraint_name);
    ELSE
        RAISE WARNING 'Tuquan: % rows of %.% are longer than % characters; the constraint % refuses new ones '
                      'and is left NOT VALID until they are shortened (docs/operations.md)',
                      too_long, tbl, col, max_length, constraint_name;
    END IF;
END $$;

-- units: the names of units (official lists and local units), their own codes and details
CALL bound_text('unit_version', 'name', 200);
CALL bound_text('unit_version', 'name_en', 200);
CALL bound_text('unit_version', 'code', 40);
CALL bound_text('unit_version', 'subkind', 40);
CALL bound_text('unit_version', 'sector', 200);
CALL bound_text('unit_version', 'exclusion', 40);
CALL bound_text('unit_succession', 'note', 2000);

-- access: a person's full name (a personal access token's name is bounded since V6)
CALL bound_text('users', 'display_name', 200);
