-- The households register's free text bounded (V30's bound_text; docs/security.md, "Input bounds").
CALL bound_text('household', 'head_name', 200);
CALL bound_text('household', 'address', 300);
CALL bound_text('household_residence', 'code', 50);
CALL bound_text('household_residence', 'head_name', 200);
CALL bound_text('household_residence', 'address', 300);
