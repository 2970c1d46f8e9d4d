-- STUB for the facts branch only: replaced by the incidents branch's migration on merge.
CREATE TABLE incident_category (
    code text PRIMARY KEY, parent_code text, name_vi text NOT NULL, name_en text NOT NULL, kind text NOT NULL);
INSERT INTO incident_category (code, name_vi, name_en, kind) VALUES
    ('CRIME_THEFT', 'Trộm cắp tài sản', 'Theft', 'CRIME'),
    ('SECURITY_A', 'Hoạt động chống Đảng, chính quyền', 'Activity against the Party or government', 'SECURITY_EVENT'),
    ('GAMBLING', 'Đánh bạc', 'Gambling', 'SOCIAL_EVIL'),
    ('FIRE', 'Cháy', 'Fire', 'FIRE');
CREATE TABLE incident (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id bigint NOT NULL,
    category_code text NOT NULL REFERENCES incident_category (code),
    severity text,
    subjective_cause boolean,
    occurred_at timestamptz NOT NULL,
    reported_at timestamptz NOT NULL,
    status text NOT NULL,
    source text NOT NULL,
    latitude double precision, longitude double precision, summary text,
    created_at timestamptz NOT NULL DEFAULT now(), created_by text NOT NULL,
    withdrawn boolean NOT NULL DEFAULT false);
CREATE INDEX incident_unit_occurred ON incident (unit_id, occurred_at);
