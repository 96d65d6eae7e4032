-- Extensions the schema needs and the text-search configuration of every tsvector and
-- tsquery. All four extensions are trusted (the database owner may create them);
-- db/provision.sql creates them too, with pg_stat_statements, which is not.
CREATE EXTENSION IF NOT EXISTS cube;        -- tone vectors
CREATE EXTENSION IF NOT EXISTS btree_gist;  -- (user_id, tone_vector) GiST index
CREATE EXTENSION IF NOT EXISTS btree_gin;   -- (user_id, tsvector) GIN index of the search issue
CREATE EXTENSION IF NOT EXISTS pg_trgm;     -- fuzzy name search

-- The one configuration used both for messages.content_tsv and for queries. Frozen once
-- rows exist: altering it does not recompute stored vectors, so any change ships as a new
-- configuration plus a batched backfill, never as an ALTER of this one.
CREATE TEXT SEARCH CONFIGURATION tonehone (COPY = pg_catalog.english);
