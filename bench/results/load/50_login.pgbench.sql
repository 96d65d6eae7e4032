\set t random(1, 600)
select * from bench.t_50_login where t = :t \gset
select user_id, email, password_hash from auth_login_candidate(:email);
BEGIN;
select begin_tenant_transaction(:user_id);
insert into refresh_tokens (id, user_id, family_id, token_hash, expires_at) values (gen_random_uuid(), :user_id, gen_random_uuid(), sha256(gen_random_uuid()::text::bytea), now() + make_interval(secs => 2592000));
COMMIT;
