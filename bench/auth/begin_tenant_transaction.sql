\set n random(1, 1000)
BEGIN;
SELECT begin_tenant_transaction((SELECT id FROM bench_users WHERE n = :n));
SELECT credits_remaining FROM users WHERE id = (SELECT id FROM bench_users WHERE n = :n);
COMMIT;
