-- The order registers' free text bounded (V30's bound_text; docs/security.md, "Input bounds").
CALL bound_text('incident', 'summary', 4000);
CALL bound_text('incident', 'withdrawn_reason', 500);
CALL bound_text('incident_status', 'note', 500);
CALL bound_text('mediation', 'subject', 300);
CALL bound_text('mediation', 'mediator', 200);
CALL bound_text('re_education', 'responsible', 200);
CALL bound_text('hotspot', 'name', 300);
CALL bound_text('hotspot', 'designated_by', 300);
CALL bound_text('hotspot', 'designation_number', 100);
CALL bound_text('hotspot', 'removed_by', 300);
CALL bound_text('hotspot', 'removal_number', 100);
CALL bound_text('hotspot', 'notes', 2000);
CALL bound_text('hotspot_status', 'reason', 1000);
CALL bound_text('campaign', 'name', 300);
CALL bound_text('campaign', 'forces', 1000);
CALL bound_text('campaign', 'seized_description', 1000);
CALL bound_text('campaign', 'results', 2000);

-- Encrypted fields hold "v1:k<n>:" and the base64 of nonce, ciphertext and tag: a text of n characters
-- (at most 3n bytes in UTF-8) is stored in at most 4n + 64 characters. Their bound is that of the
-- plaintext the module accepts: full name 200, birth 10, national id 12, address 500, a status note
-- 1000, the parties of a mediation 1000.
CALL bound_text('drug_user', 'full_name_enc', 864);
CALL bound_text('drug_user', 'birth_enc', 104);
CALL bound_text('drug_user', 'national_id_enc', 112);
CALL bound_text('drug_user', 'address_enc', 2064);
CALL bound_text('drug_user_status', 'note_enc', 4064);
CALL bound_text('mediation', 'parties_enc', 4064);
CALL bound_text('re_education', 'full_name_enc', 864);
CALL bound_text('re_education', 'birth_enc', 104);
CALL bound_text('re_education', 'national_id_enc', 112);
CALL bound_text('re_education', 'address_enc', 2064);
