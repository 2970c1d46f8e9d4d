-- The movement's free text bounded (V30's bound_text; docs/security.md, "Input bounds"). The campaigns
-- a record belongs to are a text array: bounded as the form writes them, one after another with commas.
CALL bound_text('model_type', 'code', 60);
CALL bound_text('model_type', 'name_vi', 300);
CALL bound_text('model_type', 'name_en', 300);
CALL bound_text('movement_model', 'name', 300);
CALL bound_text('movement_model', 'leader', 200);
CALL bound_text('movement_model', 'campaigns', 500, 'char_length(array_to_string(campaigns, '',''))');
CALL bound_text('model_assessment', 'reason', 2000);
CALL bound_text('security_camera', 'owner', 200);
CALL bound_text('security_camera', 'description', 300);
CALL bound_text('conference', 'topic', 300);
CALL bound_text('conference', 'minutes', 20000);
CALL bound_text('conference', 'campaigns', 500, 'char_length(array_to_string(campaigns, '',''))');
CALL bound_text('conference_attachment', 'file_name', 255);
CALL bound_text('conference_attachment', 'content_type', 100);
CALL bound_text('title', 'name_vi', 300);
CALL bound_text('title', 'name_en', 300);
CALL bound_text('title_award', 'person_name', 200);
CALL bound_text('title_award', 'deciding_body', 300);
CALL bound_text('title_award', 'decision_number', 100);
CALL bound_text('emulation_agreement', 'content', 5000);
CALL bound_text('emulation_agreement', 'campaigns', 500, 'char_length(array_to_string(campaigns, '',''))');
