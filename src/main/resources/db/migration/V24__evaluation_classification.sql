-- The movement classification (QĐ 510/QĐ-BCA-V05, 2022; issue 7): each unit's yearly points and
-- level — Xuất sắc / Khá / Trung bình / Yếu (EXCELLENT / GOOD / AVERAGE / WEAK). The point tables
-- and the level thresholds are data. The seed below is a PLAUSIBLE table, NOT the regulation's text:
-- every row is marked to_confirm until someone checks it against QĐ 510 (RULEBOOK.md). Units are
-- referred to by id only.

-- One item of a unit kind's point table (RESIDENTIAL_AREA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL), in
-- order. rule: RATIO_AT_LEAST (full points when fact / of_fact · 100 ≥ threshold), AT_LEAST (fact ≥
-- threshold), AT_MOST (fact ≤ threshold), ENTERED (points entered by a person, with evidence).
-- fact / of_fact are keys of vn.tuquan.evaluation.rules.Fact. events: the fact counts events (no
-- record means none: an absent fact is 0); otherwise an absent fact scores 0 and shows as missing.
CREATE TABLE classification_item (
    unit_kind   text    NOT NULL,
    position    int     NOT NULL,
    code        text    NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_vi     text    NOT NULL,
    name_en     text    NOT NULL,
    max_points  numeric(5, 2) NOT NULL CHECK (max_points >= 0),
    rule        text    NOT NULL CHECK (rule IN ('RATIO_AT_LEAST', 'AT_LEAST', 'AT_MOST', 'ENTERED')),
    fact        text,
    of_fact     text,
    threshold   numeric(12, 2),
    events      boolean NOT NULL DEFAULT false,
    regulation  text    NOT NULL DEFAULT 'QĐ 510/QĐ-BCA-V05',
    to_confirm  boolean NOT NULL DEFAULT true,
    PRIMARY KEY (unit_kind, code),
    UNIQUE (unit_kind, position),
    CHECK (rule = 'ENTERED' OR (fact IS NOT NULL AND threshold IS NOT NULL)),
    CHECK (rule <> 'RATIO_AT_LEAST' OR of_fact IS NOT NULL)
);

-- The minimum points of each level per unit kind (a unit reaches the highest level whose minimum its
-- points meet; WEAK from 0).
CREATE TABLE classification_level (
    unit_kind  text    NOT NULL,
    level      text    NOT NULL CHECK (level IN ('EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK')),
    min_points numeric(5, 2) NOT NULL CHECK (min_points >= 0),
    to_confirm boolean NOT NULL DEFAULT true,
    PRIMARY KEY (unit_kind, level)
);

-- Points a person entered for an item that the registers cannot give, with the evidence.
CREATE TABLE classification_entry (
    unit_id    bigint  NOT NULL,
    year       int     NOT NULL,
    item       text    NOT NULL,
    points     numeric(5, 2) NOT NULL CHECK (points >= 0),
    evidence   text    NOT NULL CHECK (btrim(evidence) <> ''),
    entered_by text    NOT NULL,
    entered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_id, year, item)
);

-- A unit's classification for a year as last computed: level, points (of max_points) and each item's
-- score as JSON (Classification.ItemScore).
CREATE TABLE classification (
    unit_id     bigint  NOT NULL,
    year        int     NOT NULL,
    unit_kind   text    NOT NULL,
    level       text    NOT NULL CHECK (level IN ('EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK')),
    points      numeric(6, 2) NOT NULL,
    max_points  numeric(6, 2) NOT NULL,
    items       jsonb   NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    computed_by text    NOT NULL,
    PRIMARY KEY (unit_id, year)
);
CREATE INDEX classification_year_level ON classification (year, level);

-- Seed (to confirm). Every kind: 10 items, 30 points; EXCELLENT ≥ 27 (90%), GOOD ≥ 21 (70%),
-- AVERAGE ≥ 15 (50%), WEAK below. Agencies' first two items follow the example RULEBOOK.md quotes.
INSERT INTO classification_item (unit_kind, position, code, name_vi, name_en, max_points, rule, fact, of_fact, threshold, events) VALUES
('AGENCY', 1, 'RESOLUTION_REPORTING', 'Nghị quyết, kế hoạch quý I; chế độ thông tin, báo cáo', 'Q1 resolution and plan; reporting regime', 3, 'ENTERED', NULL, NULL, NULL, false),
('AGENCY', 2, 'PARTICIPATION', 'Từ 90% cán bộ, công nhân viên trở lên tham gia phong trào', 'At least 90% of staff take part in the movement', 3, 'RATIO_AT_LEAST', 'staff.signed', 'staff.total', 90, false),
('AGENCY', 3, 'STAFF_BRIEFED', '100% cán bộ, công nhân viên được phổ biến, quán triệt', 'Every staff member briefed', 3, 'RATIO_AT_LEAST', 'staff.briefed', 'staff.total', 100, false),
('AGENCY', 4, 'SECURITY_DAY', 'Tổ chức "Ngày hội toàn dân bảo vệ an ninh Tổ quốc"', 'The all-people national security day held', 3, 'ENTERED', NULL, NULL, NULL, false),
('AGENCY', 5, 'EFFECTIVE_MODEL', 'Có ít nhất một mô hình hoạt động hiệu quả', 'At least one model working effectively', 3, 'AT_LEAST', 'models.effective', NULL, 1, false),
('AGENCY', 6, 'INTERNAL_RULES', 'Nội quy bảo vệ, bí mật nhà nước, phòng cháy, an toàn lao động', 'Internal rules on protection, state secrets, fire, labour safety', 3, 'ENTERED', NULL, NULL, NULL, false),
('AGENCY', 7, 'NO_CRIME', 'Không có tội phạm', 'No crime', 3, 'AT_MOST', 'incidents.kind.CRIME', NULL, 0, true),
('AGENCY', 8, 'NO_MASS_COMPLAINT', 'Không khiếu kiện đông người, đình công trái pháp luật', 'No mass complaint or illegal strike', 3, 'AT_MOST', 'incidents.category.MASS_COMPLAINT', NULL, 0, true),
('AGENCY', 9, 'NO_SERIOUS_ACCIDENT', 'Không cháy, nổ, tai nạn nghiêm trọng do chủ quan', 'No serious fire, explosion or accident of subjective cause', 3, 'AT_MOST', 'incidents.seriousSubjective', NULL, 0, true),
('AGENCY', 10, 'NO_SECRET_LEAK', 'Không lộ, mất bí mật nhà nước, bí mật công nghệ', 'No leak of state or technology secrets', 3, 'AT_MOST', 'incidents.category.SECRET_LEAK', NULL, 0, true),

('RESIDENTIAL_AREA', 1, 'RESOLUTION_REGISTRATION', 'Nghị quyết chi bộ quý I, đăng ký phấn đấu', 'Q1 Party-cell resolution and registration', 3, 'ENTERED', NULL, NULL, NULL, false),
('RESIDENTIAL_AREA', 2, 'HOUSEHOLDS_REGISTERED', 'Từ 90% hộ gia đình trở lên đăng ký tham gia', 'At least 90% of households registered', 3, 'RATIO_AT_LEAST', 'households.registered', 'households.total', 90, false),
('RESIDENTIAL_AREA', 3, 'EFFECTIVE_MODEL', 'Có mô hình tự quản hoạt động hiệu quả', 'A self-management model working effectively', 3, 'AT_LEAST', 'models.effective', NULL, 1, false),
('RESIDENTIAL_AREA', 4, 'POLICY', 'Thực hiện chủ trương, chính sách, quy ước về an ninh, trật tự', 'Policies and local rules on security carried out', 3, 'ENTERED', NULL, NULL, NULL, false),
('RESIDENTIAL_AREA', 5, 'NO_SECURITY_EVENT', 'Không có vụ việc về an ninh', 'No security event', 3, 'AT_MOST', 'incidents.kind.SECURITY_EVENT', NULL, 0, true),
('RESIDENTIAL_AREA', 6, 'NO_CRIME', 'Không có tội phạm', 'No crime', 3, 'AT_MOST', 'incidents.kind.CRIME', NULL, 0, true),
('RESIDENTIAL_AREA', 7, 'NO_NEW_DRUG_USERS', 'Không phát sinh người nghiện ma túy mới', 'No new drug user', 3, 'AT_MOST', 'drugUsers.new', NULL, 0, true),
('RESIDENTIAL_AREA', 8, 'NO_DRUG_SPOT', 'Không có điểm, tụ điểm về ma túy', 'No drug-dealing or drug-use spot', 3, 'AT_MOST', 'hotspots.drugs', NULL, 0, true),
('RESIDENTIAL_AREA', 9, 'NO_SERIOUS_ACCIDENT', 'Không cháy, nổ, tai nạn nghiêm trọng do chủ quan', 'No serious fire or accident of subjective cause', 3, 'AT_MOST', 'incidents.seriousSubjective', NULL, 0, true),
('RESIDENTIAL_AREA', 10, 'MEDIATION_REEDUCATION', 'Hòa giải ở cơ sở, giáo dục người lầm lỗi tại cộng đồng', 'Disputes mediated and people who erred re-educated in the community', 3, 'ENTERED', NULL, NULL, NULL, false),

('COMMUNE', 1, 'RESOLUTION_PLAN', 'Nghị quyết Đảng ủy, kế hoạch của Ủy ban nhân dân quý I', 'Q1 Party-committee resolution and People''s Committee plan', 3, 'ENTERED', NULL, NULL, NULL, false),
('COMMUNE', 2, 'CHILDREN_REGISTERED', '100% khu dân cư, cơ quan, doanh nghiệp, nhà trường đăng ký', 'Every residential area, agency, enterprise and school registered', 3, 'RATIO_AT_LEAST', 'children.registered', 'children.total', 100, false),
('COMMUNE', 3, 'CHILDREN_RECOGNISED', 'Từ 70% trở lên được công nhận "An toàn về an ninh, trật tự"', 'At least 70% of them recognised safe', 4, 'RATIO_AT_LEAST', 'children.recognised', 'children.total', 70, false),
('COMMUNE', 4, 'EFFECTIVE_MODEL', 'Có ít nhất một mô hình hoạt động hiệu quả', 'At least one model working effectively', 3, 'AT_LEAST', 'models.effective', NULL, 1, false),
('COMMUNE', 5, 'NO_SECURITY_EVENT', 'Không có vụ việc về an ninh', 'No security event', 3, 'AT_MOST', 'incidents.kind.SECURITY_EVENT', NULL, 0, true),
('COMMUNE', 6, 'NO_SERIOUS_CRIME', 'Không có tội phạm nghiêm trọng', 'No serious crime', 3, 'AT_MOST', 'crimes.severity.SERIOUS', NULL, 0, true),
('COMMUNE', 7, 'NO_DRUG_SPOT', 'Không có điểm, tụ điểm về ma túy', 'No drug-dealing or drug-use spot', 3, 'AT_MOST', 'hotspots.drugs', NULL, 0, true),
('COMMUNE', 8, 'NO_SERIOUS_ACCIDENT', 'Không cháy, nổ, tai nạn nghiêm trọng do chủ quan', 'No serious fire or accident of subjective cause', 2, 'AT_MOST', 'incidents.seriousSubjective', NULL, 0, true),
('COMMUNE', 9, 'POLICE_NOT_DISCIPLINED', 'Công an xã không có cá nhân bị kỷ luật', 'No commune police officer disciplined', 3, 'ENTERED', NULL, NULL, NULL, false),
('COMMUNE', 10, 'SECURITY_DAY', 'Tổ chức "Ngày hội toàn dân bảo vệ an ninh Tổ quốc"', 'The all-people national security day held', 3, 'ENTERED', NULL, NULL, NULL, false),

('SCHOOL', 1, 'RESOLUTION_PLAN', 'Nghị quyết, kế hoạch quý I; chế độ thông tin, báo cáo', 'Q1 resolution and plan; reporting regime', 3, 'ENTERED', NULL, NULL, NULL, false),
('SCHOOL', 2, 'PARTICIPATION', 'Từ 90% cán bộ, giáo viên, học sinh trở lên tham gia phong trào', 'At least 90% of staff and pupils take part', 3, 'RATIO_AT_LEAST', 'staff.signed', 'staff.total', 90, false),
('SCHOOL', 3, 'STAFF_BRIEFED', '100% cán bộ, giáo viên được phổ biến, quán triệt', 'Every staff member briefed', 3, 'RATIO_AT_LEAST', 'staff.briefed', 'staff.total', 100, false),
('SCHOOL', 4, 'EFFECTIVE_MODEL', 'Có ít nhất một mô hình hoạt động hiệu quả', 'At least one model working effectively', 3, 'AT_LEAST', 'models.effective', NULL, 1, false),
('SCHOOL', 5, 'SCHOOL_PARENTS', 'Phối hợp nhà trường, gia đình quản lý học sinh', 'School and parents coordinate on managing pupils', 3, 'ENTERED', NULL, NULL, NULL, false),
('SCHOOL', 6, 'NO_SCHOOL_VIOLENCE', 'Không có bạo lực học đường', 'No school violence', 3, 'AT_MOST', 'incidents.kind.SCHOOL_VIOLENCE', NULL, 0, true),
('SCHOOL', 7, 'NO_SECURITY_EVENT', 'Không kích động, tuyên truyền đạo trái pháp luật', 'No incitement or unlawful religion', 3, 'AT_MOST', 'incidents.kind.SECURITY_EVENT', NULL, 0, true),
('SCHOOL', 8, 'NO_SOCIAL_EVIL', 'Không có tệ nạn xã hội, ma túy', 'No social evil or drugs', 3, 'AT_MOST', 'incidents.kind.SOCIAL_EVIL', NULL, 0, true),
('SCHOOL', 9, 'NO_SERIOUS_ACCIDENT', 'Không cháy, nổ, tai nạn nghiêm trọng do chủ quan', 'No serious fire or accident of subjective cause', 3, 'AT_MOST', 'incidents.seriousSubjective', NULL, 0, true),
('SCHOOL', 10, 'STAFF_DUTIES', 'Cán bộ, giáo viên hoàn thành nhiệm vụ', 'Staff fulfilling their duties', 3, 'ENTERED', NULL, NULL, NULL, false);

-- Enterprises are scored as agencies (the regulation puts them together).
INSERT INTO classification_item (unit_kind, position, code, name_vi, name_en, max_points, rule, fact, of_fact, threshold, events)
SELECT 'ENTERPRISE', position, code, name_vi, name_en, max_points, rule, fact, of_fact, threshold, events
  FROM classification_item WHERE unit_kind = 'AGENCY';

INSERT INTO classification_level (unit_kind, level, min_points)
SELECT k, l, m FROM unnest(ARRAY['RESIDENTIAL_AREA', 'COMMUNE', 'AGENCY', 'ENTERPRISE', 'SCHOOL']) AS k,
       (VALUES ('EXCELLENT', 27), ('GOOD', 21), ('AVERAGE', 15), ('WEAK', 0)) AS v(l, m);
