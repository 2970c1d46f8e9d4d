-- Extensions every module may rely on. All three are "trusted" since PostgreSQL 13, so the
-- database owner can create them without superuser rights (external servers included).
CREATE EXTENSION IF NOT EXISTS pg_trgm;     -- trigram indexes for fuzzy and substring search
CREATE EXTENSION IF NOT EXISTS unaccent;    -- diacritics removal for Vietnamese search
CREATE EXTENSION IF NOT EXISTS btree_gist;  -- exclusion constraints on validity periods
