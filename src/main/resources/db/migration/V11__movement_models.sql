-- Movement (issue 5): the catalogue of model types, the models units run, their yearly
-- assessments, and the register of security cameras. Units are referred to by id only.

CREATE TABLE model_type (
    code          text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_vi       text    NOT NULL CHECK (btrim(name_vi) <> ''),
    name_en       text    NOT NULL CHECK (btrim(name_en) <> ''),
    unit_kinds    text[]  NOT NULL CHECK (cardinality(unit_kinds) > 0),
    self_manage   boolean NOT NULL,
    self_prevent  boolean NOT NULL,
    self_protect  boolean NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    CHECK (self_manage OR self_prevent OR self_protect)
);

-- Every model the source document names (../shared/seed/article.en.md, F6, F12, F15, F16).
INSERT INTO model_type (code, name_vi, name_en, unit_kinds, self_manage, self_prevent, self_protect) VALUES
    ('PEOPLES_SECURITY_TEAM', 'Tổ an ninh nhân dân', 'People''s security team',
        '{RESIDENTIAL_AREA,COMMUNE}', true, true, true),
    ('INTER_FAMILY_GROUP', 'Nhóm liên gia tự quản', 'Self-managed inter-family group',
        '{RESIDENTIAL_AREA}', true, true, false),
    ('SAFETY_GONG', 'Tiếng kẻng an toàn', 'Safety gong',
        '{RESIDENTIAL_AREA,COMMUNE}', false, true, true),
    ('SECURITY_CAMERA', 'Ca-mê-ra an ninh', 'Security cameras',
        '{RESIDENTIAL_AREA,COMMUNE,AGENCY,ENTERPRISE,INDUSTRIAL_ZONE,SCHOOL,HOSPITAL,PARISH,PAGODA}', false, true, true),
    ('SAFE_SCHOOL', 'Trường học an toàn', 'Safe school',
        '{SCHOOL}', true, true, true),
    ('DRUG_FREE_SCHOOL', 'Trường học không có ma túy và tệ nạn xã hội', 'School free of drugs and social evils',
        '{SCHOOL}', true, true, false),
    ('SAFE_SCHOOL_GATE', 'Cổng trường an toàn', 'Safe school gate',
        '{SCHOOL}', false, true, true),
    ('GOOD_HOMEROOM_TEACHER', 'Giáo viên chủ nhiệm giỏi công tác ANTT', 'Homeroom teacher good at security and order',
        '{SCHOOL}', true, true, false),
    ('SELF_MANAGED_DORMITORY', 'Ký túc xá tự quản', 'Self-managed dormitory',
        '{SCHOOL,ENTERPRISE,INDUSTRIAL_ZONE}', true, true, true),
    ('SAFE_AGENCY', 'Cơ quan, đơn vị an toàn', 'Safe agency or unit',
        '{AGENCY,ENTERPRISE,HOSPITAL}', true, true, true),
    ('SAFE_INDUSTRIAL_ZONE', 'Khu, cụm công nghiệp an toàn', 'Safe industrial zone or cluster',
        '{INDUSTRIAL_ZONE,ENTERPRISE}', true, true, true),
    ('THREE_SAFETIES_RELIGION', 'Ba an toàn (cơ sở tôn giáo)', 'Three safeties (religious establishments)',
        '{PARISH,SUB_PARISH,PAGODA}', true, true, true),
    ('ADVANCED_PARISH', 'Xứ họ đạo tiên tiến', 'Advanced parish',
        '{PARISH,SUB_PARISH}', true, true, false),
    ('DILIGENT_PAGODA', 'Chùa tinh tiến', 'Diligent pagoda',
        '{PAGODA}', true, true, false),
    ('PARISH_FREE_OF_CRIME', 'Giáo xứ, giáo họ không có tội phạm, ma túy và tệ nạn xã hội',
        'Parish or sub-parish without crime, drugs or social evils', '{PARISH,SUB_PARISH}', true, true, false),
    ('BRIGHT_MIND', 'Tâm sáng, hướng thiện', 'Bright mind, towards goodness',
        '{PAGODA}', true, true, false),
    ('TRAFFIC_SAFE_STREET', 'Tuyến phố an toàn giao thông', 'Traffic-safe street',
        '{RESIDENTIAL_AREA,COMMUNE}', true, true, false),
    ('TRAFFIC_HYGIENE_TEAM', 'Tổ tự quản về trật tự an toàn giao thông và vệ sinh môi trường',
        'Self-managing team for traffic order and environmental hygiene', '{RESIDENTIAL_AREA}', true, true, false);

CREATE TABLE movement_model (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id     bigint  NOT NULL,
    type_code   text    NOT NULL REFERENCES model_type (code),
    name        text    NOT NULL CHECK (btrim(name) <> ''),
    started_on  date    NOT NULL,
    ended_on    date,
    leader      text,
    members     integer CHECK (members >= 0),
    campaigns   text[]  NOT NULL DEFAULT '{}',
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX movement_model_unit ON movement_model (unit_id);
CREATE INDEX movement_model_type ON movement_model (type_code);

-- The yearly "working effectively" assessment (RULEBOOK: at least one effective model).
CREATE TABLE model_assessment (
    model_id   bigint  NOT NULL REFERENCES movement_model (id) ON DELETE CASCADE,
    year       integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    effective  boolean NOT NULL,
    reason     text    NOT NULL CHECK (btrim(reason) <> ''),
    PRIMARY KEY (model_id, year)
);

CREATE TABLE security_camera (
    id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id       bigint           NOT NULL,   -- the area watched
    model_id      bigint           REFERENCES movement_model (id),
    latitude      double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    owner         text             NOT NULL CHECK (btrim(owner) <> ''),
    description   text,
    installed_on  date
);
CREATE INDEX security_camera_unit ON security_camera (unit_id);
