-- The rulebooks read again against the official texts (issue 14; ../shared/design/RULEBOOK.md, Dec 2026).
-- A correction is a new version of each national rulebook, effective from the regulation's own first day,
-- so every period the regulation governs is judged by the corrected criteria; an evaluation already
-- decided (recognised, rejected) or locked keeps the version it was judged by (the bulk run never
-- touches it), and earlier versions stay as they were. A province's own version adopted earlier keeps
-- its base: the province adopts again to take the corrections.
--
-- What changes:
--  * to_confirm: a criterion whose text was not found in the regulation (TT 124 Điều 4, clauses 4–5,
--    and the criteria modelled on them; the agencies' items taken from TT 23 Điều 7; the schools' six
--    criteria) is marked, and every page that shows it says so, until a provincial administrator
--    confirms it for their province (rulebook_confirmation);
--  * TT 124 Điều 5.1: the commune's model is one "built, consolidated or maintained" and effective (an
--    existing model assessed effective counts, as the registers already count it);
--  * TT 124 Điều 5.3: the commune police criterion has two parts, both entered: POLICE_ADVISED
--    (proactively advised the Party committee and the authorities) and POLICE_NOT_DISCIPLINED;
--  * TT 124 Điều 5.4: the units "under its authority or delegated to it" (thuộc thẩm quyền hoặc được ủy
--    quyền quản lý) — in Tuquan, the residential areas and organisations recorded under the commune;
--  * TT 23/2012: in force from 18/06/2012 (one source; to confirm); its commune criterion names the ward
--    protection force (Bảo vệ dân phố), not civil defence;
--  * QĐ 510: only the agencies' items for the Q1 resolution and reporting (3 points) and ≥ 90%
--    participation (3 points) were found; every other item (the enterprises' table too) and every level
--    stays to confirm.

ALTER TABLE rulebook_criterion ADD COLUMN to_confirm boolean NOT NULL DEFAULT false;

-- A provincial administrator's confirmation, for their province, of a criterion marked to confirm: the
-- mark is no longer shown for units of that province.
CREATE TABLE rulebook_confirmation (
    province_id  bigint      NOT NULL,
    rulebook_id  bigint      NOT NULL REFERENCES rulebook (id),
    unit_kind    text        NOT NULL,
    criterion    text        NOT NULL,
    note         text        NOT NULL CHECK (btrim(note) <> '' AND length(note) <= 1000),
    confirmed_by text        NOT NULL,
    confirmed_at timestamptz NOT NULL,
    PRIMARY KEY (province_id, rulebook_id, unit_kind, criterion),
    FOREIGN KEY (rulebook_id, unit_kind, criterion) REFERENCES rulebook_criterion (rulebook_id, unit_kind, criterion)
);

-- the new versions
INSERT INTO rulebook (code, version, province_id, based_on, regulation, name_vi, name_en, effective_from, created_by)
SELECT r.code, 2, NULL, r.id, r.regulation, r.name_vi, r.name_en,
       CASE r.code WHEN 'TT23_2012' THEN DATE '2012-06-18' ELSE r.effective_from END, 'system'
  FROM rulebook r WHERE r.code IN ('TT23_2012', 'TT124_2021', 'TT48_2025') AND r.version = 1 AND r.province_id IS NULL;

-- their criteria: those of version 1, then corrected below
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial, article, name_vi,
                                name_en, to_confirm)
SELECT n.id, c.unit_kind, c.position, c.criterion, c.params, c.editable, false, c.article, c.name_vi, c.name_en, false
  FROM rulebook_criterion c
  JOIN rulebook o ON o.id = c.rulebook_id AND o.version = 1 AND o.province_id IS NULL
  JOIN rulebook n ON n.code = o.code AND n.version = 2;

-- Điều 5.3 in two parts, then Điều 5.4 (TT 124 and TT 48): POLICE_ADVISED takes position 12
UPDATE rulebook_criterion c SET position = c.position + 100
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025')
   AND c.unit_kind = 'COMMUNE' AND c.position >= 12;
UPDATE rulebook_criterion c SET position = c.position - 99
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025')
   AND c.unit_kind = 'COMMUNE' AND c.position >= 112;
INSERT INTO rulebook_criterion (rulebook_id, unit_kind, position, criterion, params, editable, provincial, article, name_vi,
                                name_en, to_confirm)
SELECT r.id, 'COMMUNE', 12, 'POLICE_ADVISED', '{}', false, false, 'Điều 5.3',
       'Công an xã chủ động tham mưu cho cấp ủy, chính quyền về phong trào toàn dân bảo vệ an ninh Tổ quốc',
       'The commune police proactively advised the Party committee and the authorities on the movement', false
  FROM rulebook r WHERE r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025');
UPDATE rulebook_criterion c SET name_vi = 'Công an xã không có cá nhân bị xử lý kỷ luật',
       name_en = 'No individual of the commune police disciplined'
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025')
   AND c.unit_kind = 'COMMUNE' AND c.criterion = 'POLICE_NOT_DISCIPLINED';
UPDATE rulebook_criterion c
   SET name_vi = '100% khu dân cư, cơ quan, doanh nghiệp, nhà trường thuộc thẩm quyền hoặc được ủy quyền quản lý đăng ký, ít nhất 70% được công nhận',
       name_en = '100% of the residential areas, agencies, enterprises and schools under its authority or delegated to it registered, at least 70% recognised'
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025')
   AND c.unit_kind = 'COMMUNE' AND c.criterion = 'CHILDREN_REGISTERED_AND_RECOGNISED';

-- Điều 5.1: built, consolidated or maintained
UPDATE rulebook_criterion c
   SET name_vi = 'Xây dựng, củng cố hoặc duy trì ít nhất một mô hình phong trào hoạt động hiệu quả',
       name_en = 'At least one movement model built, consolidated or maintained and working effectively'
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025', 'TT23_2012')
   AND c.unit_kind = 'COMMUNE' AND c.criterion = 'EFFECTIVE_MODEL';

-- TT 23: the ward protection force
UPDATE rulebook_criterion c
   SET name_vi = 'Công an xã và lực lượng Bảo vệ dân phố đạt đơn vị tiên tiến trở lên, không ai bị kỷ luật từ khiển trách trở lên',
       name_en = 'Commune police and the ward protection force rated advanced unit or better, no one disciplined at warning or above'
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code = 'TT23_2012'
   AND c.unit_kind = 'COMMUNE' AND c.criterion = 'POLICE_RATED_ADVANCED';

-- to confirm: TT 124 Điều 4 clauses 4–5 (our model) and the criteria read across the commune from them
UPDATE rulebook_criterion c SET to_confirm = true
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2
   AND c.unit_kind IN ('RESIDENTIAL_AREA', 'COMMUNE')
   AND c.criterion IN ('NO_SERIOUS_CRIME', 'CRIME_HELD_DOWN', 'NO_NEW_DRUG_USERS', 'NO_DRUG_SPOT',
                       'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', 'DISPUTES_MEDIATED', 'RE_EDUCATION');
-- the agencies' and enterprises' items taken from TT 23 Điều 7 into TT 124's rulebook
UPDATE rulebook_criterion c SET to_confirm = true
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND r.code IN ('TT124_2021', 'TT48_2025')
   AND c.unit_kind IN ('AGENCY', 'ENTERPRISE')
   AND c.criterion IN ('NO_MASS_COMPLAINT_OR_STRIKE', 'NO_HIGH_VALUE_THEFT', 'NO_SECRET_LEAK',
                       'NO_SERIOUS_SUBJECTIVE_FIRE_OR_ACCIDENT', 'NO_STAFF_OFFENCE');
-- the schools' criteria (RULEBOOK.md: six criteria, to confirm), in every rulebook
UPDATE rulebook_criterion c SET to_confirm = true
  FROM rulebook r WHERE r.id = c.rulebook_id AND r.version = 2 AND c.unit_kind = 'SCHOOL';

-- QĐ 510: the two agency items found in a source; the rest stays to confirm
UPDATE classification_item SET to_confirm = false
 WHERE unit_kind = 'AGENCY' AND code IN ('RESOLUTION_REPORTING', 'PARTICIPATION');
UPDATE classification_item SET to_confirm = true
 WHERE NOT (unit_kind = 'AGENCY' AND code IN ('RESOLUTION_REPORTING', 'PARTICIPATION'));
UPDATE classification_level SET to_confirm = true;
