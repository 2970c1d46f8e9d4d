-- Roles are sets of permissions, kept as data with defaults; a person may hold several roles.
-- Scopes: the units whose subtrees a person may change (CAPTURE) and see (VIEW), kept apart.

CREATE TABLE role (
    code    text PRIMARY KEY,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    CONSTRAINT role_code_format CHECK (code ~ '^[A-Z][A-Z_]*$')
);

CREATE TABLE role_permission (
    role_code  text NOT NULL REFERENCES role ON DELETE CASCADE,
    permission text NOT NULL,
    PRIMARY KEY (role_code, permission),
    CONSTRAINT role_permission_known CHECK (permission IN ('UNITS_READ', 'UNITS_WRITE', 'UNITS_IMPORT',
        'MOVEMENT_READ', 'MOVEMENT_WRITE', 'ORDER_READ', 'ORDER_WRITE', 'EVALUATION_READ', 'EVALUATION_WRITE',
        'EVALUATION_APPROVE', 'REPORTS_READ', 'TIPOFFS_HANDLE', 'USERS_MANAGE', 'SENSITIVE_READ', 'AUDIT_READ'))
);

CREATE TABLE user_role (
    user_id   bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    role_code text   NOT NULL REFERENCES role,
    PRIMARY KEY (user_id, role_code)
);

-- unit_id refers to a unit of the units module by id (modules do not share foreign keys)
CREATE TABLE user_scope (
    user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    kind    text   NOT NULL CHECK (kind IN ('CAPTURE', 'VIEW')),
    unit_id bigint NOT NULL,
    PRIMARY KEY (user_id, kind, unit_id)
);

ALTER TABLE users
    ADD COLUMN view_whole_country    boolean NOT NULL DEFAULT false,
    ADD COLUMN capture_whole_country boolean NOT NULL DEFAULT false;

INSERT INTO role (code, name_vi, name_en) VALUES
    ('SYSTEM_ADMIN', 'Quản trị hệ thống', 'System administrator'),
    ('PROVINCIAL_OFFICER', 'Cán bộ tỉnh (phòng xây dựng phong trào)', 'Provincial officer (movement department)'),
    ('COMMUNE_OFFICER', 'Cán bộ xã (công an, Ủy ban nhân dân)', 'Commune officer (police, People''s Committee)'),
    ('AREA_HEAD', 'Trưởng khu dân cư', 'Head of a residential area'),
    ('ORGANISATION_SECURITY_OFFICER', 'Cán bộ bảo vệ của cơ quan, doanh nghiệp, trường học',
        'Security officer of an organisation'),
    ('STEERING_VIEWER', 'Thành viên ban chỉ đạo (chỉ xem)', 'Steering-committee member (read only)'),
    ('TIPOFF_HANDLER', 'Cán bộ tiếp nhận tin tố giác', 'Tip-off handler');

INSERT INTO role_permission (role_code, permission)
SELECT 'SYSTEM_ADMIN', p FROM unnest(ARRAY['UNITS_READ', 'UNITS_WRITE', 'UNITS_IMPORT', 'MOVEMENT_READ',
    'MOVEMENT_WRITE', 'ORDER_READ', 'ORDER_WRITE', 'EVALUATION_READ', 'EVALUATION_WRITE', 'EVALUATION_APPROVE',
    'REPORTS_READ', 'TIPOFFS_HANDLE', 'USERS_MANAGE', 'SENSITIVE_READ', 'AUDIT_READ']) AS p
UNION ALL
SELECT 'PROVINCIAL_OFFICER', p FROM unnest(ARRAY['UNITS_READ', 'UNITS_WRITE', 'MOVEMENT_READ', 'MOVEMENT_WRITE',
    'ORDER_READ', 'ORDER_WRITE', 'EVALUATION_READ', 'EVALUATION_WRITE', 'EVALUATION_APPROVE', 'REPORTS_READ',
    'USERS_MANAGE', 'SENSITIVE_READ', 'AUDIT_READ']) AS p
UNION ALL
SELECT 'COMMUNE_OFFICER', p FROM unnest(ARRAY['UNITS_READ', 'UNITS_WRITE', 'MOVEMENT_READ', 'MOVEMENT_WRITE',
    'ORDER_READ', 'ORDER_WRITE', 'EVALUATION_READ', 'EVALUATION_WRITE', 'EVALUATION_APPROVE', 'REPORTS_READ',
    'USERS_MANAGE']) AS p
UNION ALL
SELECT 'AREA_HEAD', p FROM unnest(ARRAY['UNITS_READ', 'MOVEMENT_READ', 'MOVEMENT_WRITE', 'EVALUATION_READ',
    'EVALUATION_WRITE', 'REPORTS_READ']) AS p
UNION ALL
SELECT 'ORGANISATION_SECURITY_OFFICER', p FROM unnest(ARRAY['UNITS_READ', 'MOVEMENT_READ', 'MOVEMENT_WRITE',
    'EVALUATION_READ', 'EVALUATION_WRITE']) AS p
UNION ALL
SELECT 'STEERING_VIEWER', p FROM unnest(ARRAY['UNITS_READ', 'MOVEMENT_READ', 'ORDER_READ', 'EVALUATION_READ',
    'REPORTS_READ']) AS p
UNION ALL
SELECT 'TIPOFF_HANDLER', p FROM unnest(ARRAY['UNITS_READ', 'TIPOFFS_HANDLE']) AS p;

-- An administrator made before roles existed becomes the system administrator of the whole country.
INSERT INTO user_role (user_id, role_code) SELECT id, 'SYSTEM_ADMIN' FROM users WHERE username = 'admin';
UPDATE users SET view_whole_country = true, capture_whole_country = true WHERE username = 'admin';
