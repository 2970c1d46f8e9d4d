-- search_fold(text): the one way Tuquan folds Vietnamese text for search.
--   'Hải Hậu' -> 'hai hau', 'ĐỒNG VĂN' -> 'dong van', decomposed (NFD) input too.
-- unaccent() itself is only STABLE (its dictionary could change); naming the dictionary
-- explicitly makes the result depend on the argument alone, so the function can be declared
-- IMMUTABLE and used in expression indexes, e.g.
--   CREATE INDEX ON admin_unit USING gin (search_fold(name) gin_trgm_ops);
--   ... WHERE search_fold(name) LIKE '%' || search_fold(:q) || '%'
-- It is a plain SQL function without SET clauses so the planner can inline it.
CREATE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC)), 'đĐ', 'dD'))
$$;

COMMENT ON FUNCTION search_fold(text) IS
    'Folds Vietnamese text for search: NFC, diacritics removed, đ->d, lower case. Immutable, indexable.';
