-- Where the unit of each audit entry was on the entry's day (Vietnam's), so that a reader with a
-- view scope gets their entries from SQL through an index instead of looking at every entry
-- (issue 13.12). Kept beside audit_event, not in it: the entries and their hashes stay as they were
-- written (the chain still verifies), and the place is an index, not evidence — it is derived from
-- unit_id, which the hash covers, and it is derived again when a change of the tree dated in the
-- past moves where a unit was (vn.tuquan.audit.AuditLog#replace). Entries about no unit, or about a
-- unit that does not exist, have no row: they are for readers of the whole country.
CREATE TABLE audit_event_place (
    event_id  bigint PRIMARY KEY REFERENCES audit_event (id),
    unit_path text COLLATE "C" NOT NULL,    -- the unit's path on unit_on, '/<province>/…/<unit>/'
    unit_on   date NOT NULL                 -- the entry's day, or the unit's last (first) day when it had ended (not begun)
);

CREATE INDEX audit_event_place_path ON audit_event_place (unit_path, unit_on);

INSERT INTO audit_event_place (event_id, unit_path, unit_on)
SELECT a.id, p.path, p.valid_on
FROM audit_event a
CROSS JOIN LATERAL unit_place_on(a.unit_id, (a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS p
WHERE a.unit_id IS NOT NULL AND p.path IS NOT NULL;
