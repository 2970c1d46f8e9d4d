-- Order facts (issue 6): the facts of every unit of a subtree read the incidents of those units in
-- a window of dates, with their category and class, in one pass. This index answers that from the
-- index alone (an index-only scan, no visit to the table), and leaves withdrawn incidents out.
CREATE INDEX incident_facts ON incident (unit_id, occurred_at) INCLUDE (category_code, severity) WHERE NOT withdrawn;
CREATE INDEX drug_user_facts ON drug_user (residence_unit_id, detected_on) INCLUDE (status);
