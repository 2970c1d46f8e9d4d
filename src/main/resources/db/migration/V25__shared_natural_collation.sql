-- Names and codes with numbers sort as people read them: "Xóm 2" before "Xóm 10", "X2" before "X10",
-- and in Vietnamese alphabetical order ("Đ" after "D"). ICU's Vietnamese collation with numeric
-- ordering (kn); used as `ORDER BY name COLLATE natural_vi` wherever a list is shown to a person.
CREATE COLLATION IF NOT EXISTS natural_vi (provider = icu, locale = 'vi-u-kn-true');
