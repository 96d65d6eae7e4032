\set n random(1, 1000)
BEGIN;
SELECT set_config('app.user_id', (SELECT id::text FROM bench_users WHERE n = :n), true);
SELECT credits_remaining FROM users WHERE id = (SELECT id FROM bench_users WHERE n = :n);
COMMIT;
