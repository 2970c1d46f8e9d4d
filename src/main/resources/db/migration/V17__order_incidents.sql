-- Order (issue 6), incidents: the catalogue of incident categories, the incidents communes record
-- every day with their status history, and the idempotency keys of the ingest API. Units are
-- referred to by id only (no copy of their paths: paths change with moves and reforms).

CREATE TABLE incident_category (
    code         text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    parent_code  text    NULL REFERENCES incident_category (code),
    name_vi      text    NOT NULL CHECK (btrim(name_vi) <> ''),
    name_en      text    NOT NULL CHECK (btrim(name_en) <> ''),
    kind         text    NOT NULL CHECK (kind IN ('CRIME', 'SECURITY_EVENT', 'SOCIAL_EVIL', 'DRUG_OFFENCE',
                             'TRAFFIC_ACCIDENT', 'LABOUR_ACCIDENT', 'FIRE', 'SCHOOL_VIOLENCE', 'MASS_COMPLAINT',
                             'ILLEGAL_STRIKE', 'HIGH_VALUE_THEFT', 'SECRET_LEAK', 'STAFF_OFFENCE', 'OTHER')),
    position     integer NOT NULL,
    active       boolean NOT NULL DEFAULT true
);

-- Groups first (parent_code NULL), then the categories one records under them. A group is a
-- category too: an incident may be recorded against it when no sub-category fits.
INSERT INTO incident_category (code, parent_code, name_vi, name_en, kind, position) VALUES
    ('CRIME', NULL, 'Tội phạm', 'Crime', 'CRIME', 100),
    ('SECURITY_EVENT', NULL, 'Vụ việc về an ninh (tiêu chí 3)', 'Security events (criterion 3)', 'SECURITY_EVENT', 200),
    ('SOCIAL_EVIL', NULL, 'Tệ nạn xã hội', 'Social evils', 'SOCIAL_EVIL', 300),
    ('DRUG_OFFENCE', NULL, 'Vi phạm pháp luật về ma túy', 'Drug offences', 'DRUG_OFFENCE', 400),
    ('TRAFFIC_ACCIDENT', NULL, 'Tai nạn giao thông', 'Traffic accident', 'TRAFFIC_ACCIDENT', 500),
    ('LABOUR_ACCIDENT', NULL, 'Tai nạn lao động', 'Labour accident', 'LABOUR_ACCIDENT', 600),
    ('FIRE_EXPLOSION', NULL, 'Cháy, nổ', 'Fire or explosion', 'FIRE', 700),
    ('SCHOOL_VIOLENCE', NULL, 'Bạo lực học đường', 'School violence', 'SCHOOL_VIOLENCE', 800),
    ('MASS_COMPLAINT', NULL, 'Khiếu kiện đông người', 'Mass complaint', 'MASS_COMPLAINT', 900),
    ('ILLEGAL_STRIKE', NULL, 'Đình công trái pháp luật', 'Illegal strike', 'ILLEGAL_STRIKE', 1000),
    ('HIGH_VALUE_THEFT', NULL, 'Mất trộm tài sản có giá trị lớn', 'Theft of high-value property', 'HIGH_VALUE_THEFT', 1100),
    ('SECRET_LEAK', NULL, 'Lộ, lọt bí mật nhà nước, bí mật công nghệ', 'Leak of state secrets or technology', 'SECRET_LEAK', 1200),
    ('STAFF_OFFENCE', NULL, 'Cán bộ, nhân viên của cơ quan, doanh nghiệp vi phạm pháp luật',
        'Offence by an organisation''s own staff', 'STAFF_OFFENCE', 1300),
    ('OTHER', NULL, 'Vụ việc khác', 'Other incident', 'OTHER', 1400);

INSERT INTO incident_category (code, parent_code, name_vi, name_en, kind, position) VALUES
    ('CRIME_MURDER', 'CRIME', 'Giết người', 'Murder', 'CRIME', 101),
    ('CRIME_ASSAULT', 'CRIME', 'Cố ý gây thương tích', 'Intentional infliction of injury', 'CRIME', 102),
    ('CRIME_ROBBERY', 'CRIME', 'Cướp tài sản', 'Robbery', 'CRIME', 103),
    ('CRIME_SNATCHING', 'CRIME', 'Cướp giật tài sản', 'Snatching', 'CRIME', 104),
    ('CRIME_THEFT', 'CRIME', 'Trộm cắp tài sản', 'Theft', 'CRIME', 105),
    ('CRIME_FRAUD', 'CRIME', 'Lừa đảo chiếm đoạt tài sản', 'Fraud', 'CRIME', 106),
    ('CRIME_DISORDER', 'CRIME', 'Gây rối trật tự công cộng', 'Disturbing public order', 'CRIME', 107),
    ('CRIME_GAMBLING', 'CRIME', 'Đánh bạc, tổ chức đánh bạc', 'Gambling or organising gambling', 'CRIME', 108),
    ('CRIME_OTHER', 'CRIME', 'Tội phạm khác', 'Other crime', 'CRIME', 109),
    ('SECURITY_A', 'SECURITY_EVENT', 'Hoạt động chống Đảng, chính quyền, phá hoại khối đại đoàn kết toàn dân tộc',
        'Activity against the Party or the government, undermining national unity', 'SECURITY_EVENT', 201),
    ('SECURITY_B', 'SECURITY_EVENT', 'Phá hoại các mục tiêu, công trình kinh tế, văn hóa, xã hội, an ninh, quốc phòng',
        'Sabotage of economic, cultural, social, security or defence targets', 'SECURITY_EVENT', 202),
    ('SECURITY_C', 'SECURITY_EVENT', 'Truyền đạo trái pháp luật', 'Propagating unlawful religions', 'SECURITY_EVENT', 203),
    ('SECURITY_D', 'SECURITY_EVENT',
        'Lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện gây phức tạp về an ninh, trật tự',
        'Exploiting beliefs, religion, ethnicity, disputes or lawsuits to complicate security and order',
        'SECURITY_EVENT', 204),
    ('SECURITY_E', 'SECURITY_EVENT',
        'Ly khai, tự trị; tranh chấp phức tạp, kéo dài trong nhân dân; kích động, lôi kéo người khác',
        'Separatism or demands for autonomy; complex, prolonged disputes among residents; inciting others',
        'SECURITY_EVENT', 205),
    ('SOCIAL_EVIL_DRUGS', 'SOCIAL_EVIL', 'Tệ nạn ma túy (sử dụng trái phép)', 'Drugs (illegal use)', 'SOCIAL_EVIL', 301),
    ('SOCIAL_EVIL_GAMBLING', 'SOCIAL_EVIL', 'Cờ bạc', 'Gambling', 'SOCIAL_EVIL', 302),
    ('SOCIAL_EVIL_PROSTITUTION', 'SOCIAL_EVIL', 'Mại dâm', 'Prostitution', 'SOCIAL_EVIL', 303),
    ('DRUG_TRAFFICKING', 'DRUG_OFFENCE', 'Mua bán trái phép chất ma túy', 'Drug trafficking', 'DRUG_OFFENCE', 401),
    ('DRUG_POSSESSION', 'DRUG_OFFENCE', 'Tàng trữ trái phép chất ma túy', 'Illegal possession of drugs', 'DRUG_OFFENCE', 402),
    ('DRUG_ORGANISING_USE', 'DRUG_OFFENCE', 'Tổ chức sử dụng trái phép chất ma túy', 'Organising illegal drug use',
        'DRUG_OFFENCE', 403),
    ('FIRE', 'FIRE_EXPLOSION', 'Cháy', 'Fire', 'FIRE', 701),
    ('EXPLOSION', 'FIRE_EXPLOSION', 'Nổ', 'Explosion', 'FIRE', 702),
    ('STATE_SECRET_LEAK', 'SECRET_LEAK', 'Lộ, lọt bí mật nhà nước', 'Leak of state secrets', 'SECRET_LEAK', 1201),
    ('TECHNOLOGY_LEAK', 'SECRET_LEAK', 'Lộ, lọt bí mật công nghệ', 'Leak of technology secrets', 'SECRET_LEAK', 1202);

CREATE TABLE incident (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id           bigint      NOT NULL,
    category_code     text        NOT NULL REFERENCES incident_category (code),
    severity          text        NULL CHECK (severity IN ('LESS_SERIOUS', 'SERIOUS', 'VERY_SERIOUS', 'ESPECIALLY_SERIOUS')),
    subjective_cause  boolean     NULL,
    occurred_at       timestamptz NOT NULL,
    reported_at       timestamptz NOT NULL CHECK (reported_at >= occurred_at),
    status            text        NOT NULL CHECK (status IN ('REPORTED', 'VERIFIED', 'UNDER_INVESTIGATION', 'CLOSED')),
    source            text        NOT NULL CHECK (source IN ('PATROL', 'TIP_OFF', 'OTHER_AGENCY', 'SELF_REPORTED', 'OTHER')),
    latitude          double precision NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision NULL CHECK (longitude BETWEEN -180 AND 180),
    summary           text        NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        text        NOT NULL,
    withdrawn         boolean     NOT NULL DEFAULT false,
    withdrawn_at      timestamptz NULL,
    withdrawn_by      text        NULL,
    withdrawn_reason  text        NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX incident_unit_occurred ON incident (unit_id, occurred_at);
CREATE INDEX incident_occurred ON incident (occurred_at);

-- Every status an incident went through: who changed it, when, from what to what (the first row,
-- from NULL, is its recording).
CREATE TABLE incident_status (
    incident_id  bigint      NOT NULL REFERENCES incident (id),
    changed_at   timestamptz NOT NULL DEFAULT now(),
    changed_by   text        NOT NULL,
    from_status  text        NULL,
    to_status    text        NOT NULL,
    note         text        NULL
);

CREATE INDEX incident_status_incident ON incident_status (incident_id, changed_at);

-- Idempotency keys of the ingest API: a key of a user stands for one request (its hash) and the
-- incident it made. The unique key decides between concurrent duplicates.
CREATE TABLE incident_idempotency (
    username      text        NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  text        NOT NULL,
    incident_id   bigint      NULL REFERENCES incident (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, key)
);
