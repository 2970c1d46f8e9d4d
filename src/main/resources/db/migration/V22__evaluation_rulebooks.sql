-- The yearly evaluation (issue 7), rulebooks as data: the three national rulebooks and their criteria
-- per unit kind, in the regulation's order. A criterion names a class of vn.tuquan.evaluation.rules
-- (Criteria); its params are that class's thresholds (text values). editable marks what RULEBOOK.md
-- leaves "to confirm" or calls editable: only those a provincial administrator may adjust in a
-- provincial version (Rulebooks.adopt); the others are the regulation's own figures.
--
-- Effective dates:
--  * TT 23/2012/TT-BCA, signed 27/04/2012, in force from 11/06/2012 (our reading of the circular: 45
--    days after signing; not verified against the official gazette, to confirm). The first period that
--    ends after either candidate date (11/06/2012 or 01/12/2012) is the year 2012 (31/10/2012 and
--    30/11/2012), so only the 2012 periods depend on the exact day.
--  * TT 124/2021/TT-BCA, in force from 10/02/2022 (Period.TT_124_IN_FORCE).
--  * TT 48/2025/TT-BCA amends 124 for the two-tier reform from 01/07/2025: the same criteria; communes
--    are now recognised by the province (the district level is gone). Copied row by row from 124.
-- Article numbers of TT 23 other than Điều 7 (agencies, enterprises) are to confirm.

INSERT INTO rulebook (code, version, province_id, based_on, regulation, name_vi, name_en, effective_from, created_by) VALUES
    ('TT23_2012', 1, NULL, NULL, 'TT 23/2012/TT-BCA',
        'Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 23/2012/TT-BCA',
        'The "safe in security and order" standard under Circular 23/2012/TT-BCA', DATE '2012-06-11', 'system'),
    ('TT124_2021', 1, NULL, NULL, 'TT 124/2021/TT-BCA',
        'Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 124/2021/TT-BCA',
        'The "safe in security and order" standard under Circular 124/2021/TT-BCA', DATE '2022-02-10', 'system'),
    ('TT48_2025', 1, NULL, NULL, 'TT 48/2025/TT-BCA',
        'Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 124/2021/TT-BCA, sửa đổi bởi Thông tư 48/2025/TT-BCA',
        'The "safe in security and order" standard under Circular 124/2021/TT-BCA as amended by Circular 48/2025/TT-BCA',
        DATE '2025-07-01', 'system');

-- TT124_2021: its criteria per unit kind, in the regulation's order
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, article, name_vi, name_en)
SELECT r.id, c.unit_kind, c.position, c.criterion, c.params::jsonb, c.editable, c.article, c.name_vi, c.name_en
  FROM rulebook r, (VALUES
    ('RESIDENTIAL_AREA', 1, 'PARTY_RESOLUTION_Q1', '{}', false, 'Điều 4.1',
        'Quý I: chi bộ có nghị quyết, khu dân cư đăng ký phấn đấu đạt tiêu chuẩn',
        'Q1: the Party cell''s resolution and the area''s registration'),
    ('RESIDENTIAL_AREA', 2, 'HOUSEHOLDS_REGISTERED', '{"minPercent": "100"}', false, 'Điều 4.1',
        '100% hộ gia đình đăng ký tham gia',
        '100% of resident households registered'),
    ('RESIDENTIAL_AREA', 3, 'POLICIES_CARRIED_OUT', '{}', false, 'Điều 4.2',
        'Thực hiện tốt chủ trương, chính sách, pháp luật, quy định của địa phương về an ninh, trật tự',
        'Party and State policy and local rules on security carried out'),
    ('RESIDENTIAL_AREA', 4, 'NO_SECURITY_EVENTS', '{"categories": "SECURITY_A,SECURITY_B,SECURITY_C,SECURITY_D,SECURITY_E", "max": "0"}', false, 'Điều 4.3',
        'Không xảy ra các vụ việc về an ninh (điểm a–e)',
        'No security events of categories (a)–(e)'),
    ('RESIDENTIAL_AREA', 5, 'NO_SERIOUS_CRIME', '{"fromClass": "SERIOUS", "max": "0"}', true, 'Điều 4.4',
        'Không xảy ra tội phạm nghiêm trọng trở lên',
        'No crime of class serious or above'),
    ('RESIDENTIAL_AREA', 6, 'CRIME_HELD_DOWN', '{"kinds": "CRIME,SOCIAL_EVIL"}', true, 'Điều 4.4',
        'Tội phạm, tệ nạn xã hội được kiềm chế, giảm so với kỳ trước',
        'Crime and social evils held down against the previous period'),
    ('RESIDENTIAL_AREA', 7, 'NO_NEW_DRUG_USERS', '{"max": "0"}', true, 'Điều 4.4',
        'Không phát sinh người nghiện ma túy mới',
        'No new drug users'),
    ('RESIDENTIAL_AREA', 8, 'NO_DRUG_SPOT', '{"max": "0"}', true, 'Điều 4.4',
        'Không có tụ điểm mua bán, sử dụng trái phép chất ma túy',
        'No drug-dealing or drug-use spot'),
    ('RESIDENTIAL_AREA', 9, 'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', '{"max": "0"}', true, 'Điều 4.5',
        'Không xảy ra cháy, nổ, tai nạn nghiêm trọng do nguyên nhân chủ quan',
        'No serious fire, explosion or accident of subjective cause'),
    ('RESIDENTIAL_AREA', 10, 'DISPUTES_MEDIATED', '{"minPercent": "0"}', true, 'Điều 4.5',
        'Mâu thuẫn, tranh chấp được hòa giải kịp thời tại cơ sở',
        'Disputes mediated at the grassroots'),
    ('RESIDENTIAL_AREA', 11, 'RE_EDUCATION', '{}', true, 'Điều 4.5',
        'Người vi phạm pháp luật được giáo dục, giúp đỡ tại cộng đồng',
        'People who erred re-educated in the community'),
    ('COMMUNE', 1, 'PARTY_RESOLUTION_Q1', '{}', false, 'Điều 5.1',
        'Quý I: Đảng ủy có nghị quyết, UBND có kế hoạch và đăng ký phấn đấu đạt tiêu chuẩn',
        'Q1: the Party committee''s resolution, the People''s Committee''s plan and registration'),
    ('COMMUNE', 2, 'EFFECTIVE_MODEL', '{"min": "1"}', false, 'Điều 5.1',
        'Có ít nhất một mô hình phong trào hoạt động hiệu quả',
        'At least one movement model working effectively'),
    ('COMMUNE', 3, 'POLICIES_CARRIED_OUT', '{}', false, 'Điều 5.2',
        'Tiêu chí 2 của khu dân cư đạt trên địa bàn xã',
        'Residential criterion 2 met across the commune'),
    ('COMMUNE', 4, 'NO_SECURITY_EVENTS', '{"categories": "SECURITY_A,SECURITY_B,SECURITY_C,SECURITY_D,SECURITY_E", "max": "0"}', false, 'Điều 5.2',
        'Không xảy ra các vụ việc về an ninh (điểm a–e) trên địa bàn xã',
        'No security events of categories (a)–(e) across the commune'),
    ('COMMUNE', 5, 'NO_SERIOUS_CRIME', '{"fromClass": "SERIOUS", "max": "0"}', true, 'Điều 5.2',
        'Không xảy ra tội phạm nghiêm trọng trở lên trên địa bàn xã',
        'No crime of class serious or above across the commune'),
    ('COMMUNE', 6, 'CRIME_HELD_DOWN', '{"kinds": "CRIME,SOCIAL_EVIL"}', true, 'Điều 5.2',
        'Tội phạm, tệ nạn xã hội được kiềm chế, giảm so với kỳ trước trên địa bàn xã',
        'Crime and social evils held down against the previous period across the commune'),
    ('COMMUNE', 7, 'NO_NEW_DRUG_USERS', '{"max": "0"}', true, 'Điều 5.2',
        'Không phát sinh người nghiện ma túy mới trên địa bàn xã',
        'No new drug users across the commune'),
    ('COMMUNE', 8, 'NO_DRUG_SPOT', '{"max": "0"}', true, 'Điều 5.2',
        'Không có tụ điểm mua bán, sử dụng trái phép chất ma túy trên địa bàn xã',
        'No drug-dealing or drug-use spot across the commune'),
    ('COMMUNE', 9, 'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', '{"max": "0"}', true, 'Điều 5.2',
        'Không xảy ra cháy, nổ, tai nạn nghiêm trọng do nguyên nhân chủ quan trên địa bàn xã',
        'No serious fire, explosion or accident of subjective cause across the commune'),
    ('COMMUNE', 10, 'DISPUTES_MEDIATED', '{"minPercent": "0"}', true, 'Điều 5.2',
        'Mâu thuẫn, tranh chấp được hòa giải kịp thời tại cơ sở trên địa bàn xã',
        'Disputes mediated at the grassroots across the commune'),
    ('COMMUNE', 11, 'RE_EDUCATION', '{}', true, 'Điều 5.2',
        'Người vi phạm pháp luật được giáo dục, giúp đỡ tại cộng đồng trên địa bàn xã',
        'People who erred re-educated in the community across the commune'),
    ('COMMUNE', 12, 'POLICE_NOT_DISCIPLINED', '{}', false, 'Điều 5.3',
        'Công an xã không có cá nhân bị xử lý kỷ luật',
        'No commune police officer disciplined'),
    ('COMMUNE', 13, 'CHILDREN_REGISTERED_AND_RECOGNISED', '{"residentialAreasOnly": "false", "registeredPercent": "100", "minPercent": "70"}', false, 'Điều 5.4',
        '100% khu dân cư, cơ quan, doanh nghiệp, nhà trường đăng ký, ít nhất 70% được công nhận',
        '100% of residential areas, agencies, enterprises and schools registered, at least 70% recognised'),
    ('AGENCY', 1, 'PARTY_RESOLUTION_Q1', '{}', false, 'Điều 6.1',
        'Quý I: cấp ủy (nơi có tổ chức Đảng) có nghị quyết lãnh đạo',
        'Q1: resolution of the Party organisation, where one exists'),
    ('AGENCY', 2, 'SECURITY_PLAN', '{}', false, 'Điều 6.1',
        'Có kế hoạch bảo đảm an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn',
        'A security plan and registration to strive for the standard'),
    ('AGENCY', 3, 'INTERNAL_RULES', '{}', false, 'Điều 6.2',
        'Có nội quy, quy chế bảo vệ cơ quan, bí mật nhà nước, nội bộ, an toàn lao động, phòng cháy, môi trường',
        'Internal rules on protection, state secrets, internal politics, labour safety, fire prevention, environment'),
    ('AGENCY', 4, 'STAFF_BRIEFED', '{"minPercent": "100"}', false, 'Điều 6.3',
        '100% cán bộ, công nhân viên được phổ biến, quán triệt',
        '100% of staff briefed'),
    ('AGENCY', 5, 'EFFECTIVE_MODEL', '{"min": "1"}', false, 'Điều 6.4',
        'Có ít nhất một mô hình tự quản, tự phòng, tự bảo vệ hoạt động hiệu quả',
        'At least one self-managing model working effectively'),
    ('AGENCY', 6, 'POLICIES_CARRIED_OUT', '{}', false, 'Điều 6.5',
        'Thực hiện tốt chủ trương, chính sách, pháp luật về an ninh, trật tự',
        'Policies on security and order carried out'),
    ('AGENCY', 7, 'NO_MASS_COMPLAINT_OR_STRIKE', '{"kinds": "MASS_COMPLAINT,ILLEGAL_STRIKE", "max": "0"}', true, 'Điều 6 (TT 23 Điều 7)',
        'Không có khiếu kiện đông người, đình công trái pháp luật',
        'No mass complaint or illegal strike'),
    ('AGENCY', 8, 'NO_HIGH_VALUE_THEFT', '{"kinds": "HIGH_VALUE_THEFT", "max": "0"}', true, 'Điều 6 (TT 23 Điều 7)',
        'Không để mất trộm tài sản có giá trị lớn',
        'No theft of high-value property'),
    ('AGENCY', 9, 'NO_SECRET_LEAK', '{"kinds": "SECRET_LEAK", "max": "0"}', true, 'Điều 6 (TT 23 Điều 7)',
        'Không để lộ, lọt bí mật nhà nước, bí mật công nghệ',
        'No leak of state secrets or technology'),
    ('AGENCY', 10, 'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', '{"max": "0"}', true, 'Điều 6 (TT 23 Điều 7)',
        'Không xảy ra cháy, nổ, tai nạn lao động nghiêm trọng do nguyên nhân chủ quan',
        'No serious fire, explosion or labour accident of subjective cause'),
    ('AGENCY', 11, 'NO_STAFF_OFFENCE', '{"kinds": "STAFF_OFFENCE", "max": "0"}', true, 'Điều 6 (TT 23 Điều 7)',
        'Không có cán bộ, nhân viên phạm tội, mắc tệ nạn xã hội',
        'No staff member committing a crime or caught in a social evil'),
    ('SCHOOL', 1, 'PARTY_RESOLUTION_Q1', '{}', true, 'Điều 7.1',
        'Quý I: có nghị quyết, kế hoạch và đăng ký phấn đấu đạt tiêu chuẩn',
        'Q1: resolution, plan and registration'),
    ('SCHOOL', 2, 'EFFECTIVE_MODEL', '{"min": "1"}', true, 'Điều 7.2',
        'Có mô hình bảo đảm an ninh, trật tự trường học hoạt động hiệu quả',
        'A school security model working effectively'),
    ('SCHOOL', 3, 'SCHOOL_PARENTS_COORDINATION', '{}', true, 'Điều 7.3',
        'Phối hợp giữa nhà trường và gia đình trong quản lý, giáo dục học sinh',
        'School–parents coordination on managing students'),
    ('SCHOOL', 4, 'NO_SECURITY_EVENTS', '{"categories": "SECURITY_A,SECURITY_C", "max": "0"}', true, 'Điều 7.4',
        'Không có hoạt động kích động, truyền đạo trái pháp luật trong nhà trường',
        'No incitement or unlawful religion in the school'),
    ('SCHOOL', 5, 'NO_SCHOOL_VIOLENCE', '{"kinds": "SCHOOL_VIOLENCE", "max": "0"}', true, 'Điều 7.5',
        'Không xảy ra bạo lực học đường',
        'No school violence'),
    ('SCHOOL', 6, 'STAFF_FULFIL_DUTIES', '{}', true, 'Điều 7.6',
        'Cán bộ, giáo viên, nhân viên hoàn thành nhiệm vụ, không vi phạm pháp luật',
        'Staff fulfilling their duties')
  ) AS c (unit_kind, position, criterion, params, editable, article, name_vi, name_en)
 WHERE r.code = 'TT124_2021' AND r.version = 1;

-- TT23_2012: its criteria per unit kind, in the regulation's order
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, article, name_vi, name_en)
SELECT r.id, c.unit_kind, c.position, c.criterion, c.params::jsonb, c.editable, c.article, c.name_vi, c.name_en
  FROM rulebook r, (VALUES
    ('COMMUNE', 12, 'POLICE_RATED_ADVANCED', '{}', false, 'Điều 5.3',
        'Công an xã và Ban chỉ huy quân sự đạt đơn vị tiên tiến trở lên, không ai bị kỷ luật từ khiển trách trở lên',
        'Commune police and civil defence rated advanced unit or better, no one disciplined at warning or above'),
    ('COMMUNE', 13, 'CHILDREN_REGISTERED_AND_RECOGNISED', '{"residentialAreasOnly": "true", "registeredPercent": "100", "minPercent": "70"}', false, 'Điều 5.4',
        '100% khu dân cư đăng ký, ít nhất 70% khu dân cư được công nhận',
        '100% of residential areas registered, at least 70% recognised'),
    ('AGENCY', 1, 'PARTY_RESOLUTION_Q1', '{}', false, 'Điều 7.1',
        'Quý I: cấp ủy (nơi có tổ chức Đảng) có nghị quyết lãnh đạo',
        'Q1: resolution of the Party organisation, where one exists'),
    ('AGENCY', 2, 'SECURITY_PLAN', '{}', false, 'Điều 7.1',
        'Có kế hoạch bảo đảm an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn',
        'A security plan and registration to strive for the standard'),
    ('AGENCY', 3, 'INTERNAL_RULES', '{}', false, 'Điều 7.2',
        'Có nội quy, quy chế bảo vệ cơ quan, bí mật nhà nước, nội bộ, an toàn lao động, phòng cháy, môi trường',
        'Internal rules on protection, state secrets, internal politics, labour safety, fire prevention, environment'),
    ('AGENCY', 4, 'STAFF_SIGNED', '{"minPercent": "100"}', false, 'Điều 7.3',
        '100% cán bộ, công nhân viên ký cam kết thi đua',
        '100% of staff signed the emulation commitment'),
    ('AGENCY', 5, 'EFFECTIVE_MODEL', '{"min": "1"}', false, 'Điều 7.4',
        'Có ít nhất một mô hình tự quản, tự phòng, tự bảo vệ hoạt động hiệu quả',
        'At least one self-managing model working effectively'),
    ('AGENCY', 6, 'POLICIES_CARRIED_OUT', '{}', false, 'Điều 7.5',
        'Thực hiện tốt chủ trương, chính sách, pháp luật về an ninh, trật tự',
        'Policies on security and order carried out'),
    ('AGENCY', 7, 'NO_MASS_COMPLAINT_OR_STRIKE', '{"kinds": "MASS_COMPLAINT,ILLEGAL_STRIKE", "max": "0"}', true, 'Điều 7',
        'Không có khiếu kiện đông người, đình công trái pháp luật',
        'No mass complaint or illegal strike'),
    ('AGENCY', 8, 'NO_HIGH_VALUE_THEFT', '{"kinds": "HIGH_VALUE_THEFT", "max": "0"}', true, 'Điều 7',
        'Không để mất trộm tài sản có giá trị lớn',
        'No theft of high-value property'),
    ('AGENCY', 9, 'NO_SECRET_LEAK', '{"kinds": "SECRET_LEAK", "max": "0"}', true, 'Điều 7',
        'Không để lộ, lọt bí mật nhà nước, bí mật công nghệ',
        'No leak of state secrets or technology'),
    ('AGENCY', 10, 'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', '{"max": "0"}', true, 'Điều 7',
        'Không xảy ra cháy, nổ, tai nạn lao động nghiêm trọng do nguyên nhân chủ quan',
        'No serious fire, explosion or labour accident of subjective cause'),
    ('AGENCY', 11, 'NO_STAFF_OFFENCE', '{"kinds": "STAFF_OFFENCE", "max": "0"}', true, 'Điều 7',
        'Không có cán bộ, nhân viên phạm tội, mắc tệ nạn xã hội',
        'No staff member committing a crime or caught in a social evil'),
    ('SCHOOL', 1, 'PARTY_RESOLUTION_Q1', '{}', true, 'Điều 8.1',
        'Quý I: có nghị quyết, kế hoạch và đăng ký phấn đấu đạt tiêu chuẩn',
        'Q1: resolution, plan and registration'),
    ('SCHOOL', 2, 'EFFECTIVE_MODEL', '{"min": "1"}', true, 'Điều 8.2',
        'Có mô hình bảo đảm an ninh, trật tự trường học hoạt động hiệu quả',
        'A school security model working effectively'),
    ('SCHOOL', 3, 'SCHOOL_PARENTS_COORDINATION', '{}', true, 'Điều 8.3',
        'Phối hợp giữa nhà trường và gia đình trong quản lý, giáo dục học sinh',
        'School–parents coordination on managing students'),
    ('SCHOOL', 4, 'NO_SECURITY_EVENTS', '{"categories": "SECURITY_A,SECURITY_C", "max": "0"}', true, 'Điều 8.4',
        'Không có hoạt động kích động, truyền đạo trái pháp luật trong nhà trường',
        'No incitement or unlawful religion in the school'),
    ('SCHOOL', 5, 'NO_SCHOOL_VIOLENCE', '{"kinds": "SCHOOL_VIOLENCE", "max": "0"}', true, 'Điều 8.5',
        'Không xảy ra bạo lực học đường',
        'No school violence'),
    ('SCHOOL', 6, 'STAFF_SIGNED', '{"minPercent": "100"}', true, 'Điều 8.6',
        '100% cán bộ, giáo viên ký cam kết thực hiện nội quy',
        '100% of staff signed the rules commitment'),
    ('SCHOOL', 7, 'PUPILS_SIGNED', '{}', true, 'Điều 8.6',
        '100% học sinh từ trung học cơ sở trở lên ký cam kết thực hiện nội quy',
        '100% of pupils from lower-secondary up signed the rules commitment')
  ) AS c (unit_kind, position, criterion, params, editable, article, name_vi, name_en)
 WHERE r.code = 'TT23_2012' AND r.version = 1;

-- Enterprises: the criteria of agencies (Điều 6 of 124, Điều 7 of 23 name both alike), in each rulebook
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial, article, name_vi,
                                name_en)
SELECT c.rulebook_id, 'ENTERPRISE', c.position, c.criterion, c.params, c.editable, false, c.article, c.name_vi, c.name_en
  FROM rulebook_criterion c JOIN rulebook r ON r.id = c.rulebook_id AND r.code IN ('TT23_2012', 'TT124_2021')
 WHERE c.unit_kind = 'AGENCY';

-- TT23_2012: residential areas as TT 124 Điều 4 (RULEBOOK.md lists no difference), and communes' criteria 1–11
-- (resolution, model, criteria 2–5 across the commune) as TT 124 Điều 5; its own 12 and 13 are above
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial, article, name_vi,
                                name_en)
SELECT n.id, c.unit_kind, c.position, c.criterion, c.params, c.editable, false, c.article, c.name_vi, c.name_en
  FROM rulebook_criterion c
  JOIN rulebook o ON o.id = c.rulebook_id AND o.code = 'TT124_2021' AND o.version = 1
  JOIN rulebook n ON n.code = 'TT23_2012' AND n.version = 1
 WHERE c.unit_kind = 'RESIDENTIAL_AREA' OR (c.unit_kind = 'COMMUNE' AND c.position <= 11);

-- TT48_2025: the criteria of TT 124, unchanged (the amendment moves the recognition of communes to the province)
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial, article, name_vi,
                                name_en)
SELECT n.id, c.unit_kind, c.position, c.criterion, c.params, c.editable, false, c.article, c.name_vi, c.name_en
  FROM rulebook_criterion c
  JOIN rulebook o ON o.id = c.rulebook_id AND o.code = 'TT124_2021' AND o.version = 1
  JOIN rulebook n ON n.code = 'TT48_2025' AND n.version = 1;
