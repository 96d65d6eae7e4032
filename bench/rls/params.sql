-- Parameter tables the pgbench scripts draw from (one row per id, picked at random per
-- transaction), the SECURITY DEFINER search functions of variants f and f2, and the grants the
-- request role needs to read them. Run as the cluster superuser after data.sql.
\set ON_ERROR_STOP on
SELECT setseed(0.17);

-- Pages: every conversation with messages; 7 in 10 requests read the newest page, the rest
-- scroll back to a random depth (decided per transaction in the scripts).
CREATE TABLE bench.page_params AS
SELECT row_number() OVER (ORDER BY random())::int AS id, c.user_id AS u, c.id AS c,
       c.created_at AS conv_created, c.last_seq
  FROM conversations c WHERE c.last_seq > 0;
ALTER TABLE bench.page_params ADD PRIMARY KEY (id);

-- Search terms: one word (7 in 10) or two, drawn with probability ~ 1/rank among ranks
-- 10..vocab (people search for things they remember, rarely for 'haha').
CREATE FUNCTION bench.term() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT word FROM bench.vocab
   WHERE rank = (SELECT least(max(rank), 9 + floor(exp(random() * ln(max(rank) - 8)))::int)
                   FROM bench.vocab) $$;
-- ids 1..5000: typical users (any user but the heavy one); 5001..10000: the heavy user.
CREATE TABLE bench.search_params AS
SELECT r.i AS id, u.id AS u,
       CASE WHEN random() < 0.7 THEN bench.term() ELSE bench.term() || ' ' || bench.term() END AS q
  FROM (SELECT i, 2 + floor(random() * ((SELECT max(idx) FROM bench.u) - 1))::int AS user_idx
          FROM generate_series(1, 5000) i OFFSET 0) r
  JOIN bench.u u ON u.idx = r.user_idx
UNION ALL
SELECT 5000 + i, (SELECT id FROM bench.u WHERE idx = 1),
       CASE WHEN random() < 0.7 THEN bench.term() ELSE bench.term() || ' ' || bench.term() END
  FROM generate_series(1, 5000) i;
ALTER TABLE bench.search_params ADD PRIMARY KEY (id);

-- Variant f: the search as a narrow owner-owned SECURITY DEFINER function that takes the
-- user id and filters on it itself (policies do not apply to the owner, so @@ can be an
-- index condition). Bench database only.
CREATE FUNCTION bench.search_messages(p_user_id uuid, p_query text, p_limit integer DEFAULT 20)
    RETURNS TABLE (id uuid, conversation_id uuid, seq bigint, speaker text, content text,
                   created_at timestamptz, rank real)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
  SELECT m.id, m.conversation_id, m.seq, m.speaker, m.content, m.created_at,
         ts_rank(m.content_tsv, plainto_tsquery('public.tonehone', p_query)) AS rank
    FROM public.messages m
   WHERE m.user_id = p_user_id
     AND m.content_tsv @@ plainto_tsquery('public.tonehone', p_query)
   ORDER BY rank DESC, m.id
   LIMIT least(p_limit, 100)
$$;
-- Variant f2: the same function in PL/pgSQL. A LANGUAGE sql function that cannot be inlined
-- (SECURITY DEFINER, SET) plans its body at every call; PL/pgSQL keeps the plan per session.
CREATE FUNCTION bench.search_messages_plpgsql(p_user_id uuid, p_query text, p_limit integer DEFAULT 20)
    RETURNS TABLE (id uuid, conversation_id uuid, seq bigint, speaker text, content text,
                   created_at timestamptz, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
BEGIN
  RETURN QUERY
  SELECT m.id, m.conversation_id, m.seq, m.speaker, m.content, m.created_at,
         ts_rank(m.content_tsv, plainto_tsquery('public.tonehone', p_query)) AS rank
    FROM public.messages m
   WHERE m.user_id = p_user_id
     AND m.content_tsv @@ plainto_tsquery('public.tonehone', p_query)
   ORDER BY rank DESC, m.id
   LIMIT least(p_limit, 100);
END;
$$;

-- Bench-only schema: both roles read the parameters; the function belongs to the owner
-- (as a migration would create it) and only the request role may call it.
ALTER SCHEMA bench OWNER TO :"owner";
ALTER FUNCTION bench.search_messages(uuid, text, integer) OWNER TO :"owner";
REVOKE ALL ON FUNCTION bench.search_messages(uuid, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bench.search_messages(uuid, text, integer) TO :"app";
ALTER FUNCTION bench.search_messages_plpgsql(uuid, text, integer) OWNER TO :"owner";
REVOKE ALL ON FUNCTION bench.search_messages_plpgsql(uuid, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bench.search_messages_plpgsql(uuid, text, integer) TO :"app";
GRANT USAGE ON SCHEMA bench TO :"app";
GRANT SELECT ON bench.page_params, bench.search_params TO :"app", :"owner";

VACUUM ANALYZE;
SELECT (SELECT count(*) FROM bench.page_params) AS page_params,
       (SELECT count(*) FROM bench.search_params) AS search_params;
