-- f2. As f, with the function written in PL/pgSQL (RETURN QUERY), whose plan is cached per
-- session like a prepared statement's, instead of LANGUAGE sql, which plans at every call.
-- :lo..:hi selects typical users (1..5000) or the heavy user (5001..10000).
\set r random(:lo, :hi)
SELECT u, q FROM bench.search_params WHERE id = :r \gset
SELECT * FROM bench.search_messages_plpgsql(:u, :q, 20);
