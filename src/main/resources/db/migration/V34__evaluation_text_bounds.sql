-- The evaluation's free text bounded (V30's bound_text; docs/security.md, "Input bounds"): what a unit
-- enters as evidence, the decision, the reasons of a return, rejection or reopening, the attachments'
-- names, and the criteria a province adds to its rulebook.
CALL bound_text('evaluation', 'decision_number', 100);
CALL bound_text('evaluation', 'decision_signer', 200);
CALL bound_text('evaluation', 'reasons', 4000);
CALL bound_text('evaluation_entry', 'evidence', 2000);
CALL bound_text('evaluation_step', 'reason', 4000);
CALL bound_text('evaluation_entry_attachment', 'file_name', 255);
CALL bound_text('evaluation_entry_attachment', 'content_type', 100);
CALL bound_text('classification_entry', 'evidence', 2000);
CALL bound_text('rulebook_criterion', 'article', 100);
CALL bound_text('rulebook_criterion', 'name_vi', 300);
CALL bound_text('rulebook_criterion', 'name_en', 300);
