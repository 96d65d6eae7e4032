-- e. The same search as the request role under RLS: BEGIN; set_config; query; COMMIT.
-- :lo..:hi selects typical users (1..5000) or the heavy user (5001..10000).
\set r random(:lo, :hi)
SELECT u, q FROM bench.search_params WHERE id = :r \gset
BEGIN;
SELECT set_config('app.user_id', :u, true);
SELECT m.id, m.conversation_id, m.seq, m.speaker, m.content, m.created_at,
       ts_rank(m.content_tsv, plainto_tsquery('public.tonehone', :q)) AS rank
  FROM messages m
 WHERE m.user_id = :u AND m.content_tsv @@ plainto_tsquery('public.tonehone', :q)
 ORDER BY rank DESC, m.id LIMIT 20;
COMMIT;
