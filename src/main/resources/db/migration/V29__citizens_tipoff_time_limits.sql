-- The legal time limits for settling a denunciation or a crime report (tố giác, tin báo về tội phạm),
-- as data for the tip-off register (module citizens, issue 20): Criminal Procedure Code 2015, Điều 147
-- and 149 (RULEBOOK.md, checked Dec 2026). Who grants the first extension, and whether Law
-- 99/2025/QH15 changed Điều 147, are to confirm: the rows stay data a later correction replaces.
CREATE TABLE tipoff_time_limit (
    code       text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    position   int     NOT NULL UNIQUE,
    days       int     CHECK (days > 0),
    months     int     CHECK (months > 0),
    max_times  int     NOT NULL DEFAULT 1 CHECK (max_times >= 1),
    article    text    NOT NULL,
    name_vi    text    NOT NULL,
    name_en    text    NOT NULL,
    to_confirm boolean NOT NULL DEFAULT false,
    CHECK ((days IS NULL) <> (months IS NULL))
);

INSERT INTO tipoff_time_limit (code, position, days, months, max_times, article, name_vi, name_en, to_confirm) VALUES
    ('SETTLE', 1, 20, NULL, 1, 'BLTTHS 2015 Điều 147.1',
        'Giải quyết trong 20 ngày kể từ ngày nhận được tố giác, tin báo về tội phạm',
        'Settled within 20 days of receiving the denunciation or crime report', false),
    ('COMPLEX', 2, NULL, 2, 1, 'BLTTHS 2015 Điều 147.2',
        'Vụ việc phức tạp hoặc phải kiểm tra, xác minh tại nhiều địa điểm: đến 2 tháng',
        'A complex matter, or one checked in several places: up to 2 months', false),
    ('EXTENSION', 3, NULL, 2, 1, 'BLTTHS 2015 Điều 147.2',
        'Viện trưởng Viện kiểm sát cùng cấp có thể gia hạn một lần, không quá 2 tháng',
        'The head of the procuracy of the same level may extend it once, by up to 2 months', true),
    ('RESTORED', 4, NULL, 1, 1, 'BLTTHS 2015 Điều 149',
        'Sau khi phục hồi việc giải quyết đã tạm đình chỉ: không quá 1 tháng',
        'After a suspended matter is restored: up to 1 more month', false);
