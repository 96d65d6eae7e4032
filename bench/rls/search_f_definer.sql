-- f. The same search through the owner-owned SECURITY DEFINER function (LANGUAGE sql) that takes the
-- user id and filters on it itself, called by the request role (one statement).
-- :lo..:hi selects typical users (1..5000) or the heavy user (5001..10000).
\set r random(:lo, :hi)
SELECT u, q FROM bench.search_params WHERE id = :r \gset
SELECT * FROM bench.search_messages(:u, :q, 20);
