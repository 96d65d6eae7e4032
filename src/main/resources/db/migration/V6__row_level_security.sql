-- Row-level security on every tenant table, behind the service's own checks.
--
-- The caller is the transaction-local setting app.user_id, set first in every tenant
-- transaction by the service (TenantTransactions). Unset it reads as NULL, and on a pooled
-- connection that ran such a transaction before it reads as '': nullif turns both into
-- NULL, which matches no row (and never raises, as ''::uuid would).
-- Policies compare with (SELECT app_current_user_id()): the sub-select is an InitPlan,
-- evaluated once per query instead of once per row.
-- The schema owner is not subject to these policies (no FORCE): the owner-owned
-- SECURITY DEFINER functions are how jobs and maintenance work across users.
CREATE FUNCTION app_current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (id = (SELECT app_current_user_id()))
    WITH CHECK (id = (SELECT app_current_user_id()));

ALTER TABLE tone_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tone_profiles
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));

ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversations
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));

-- On the partitioned parent: the request role reaches messages only through it (it has no
-- privilege on the partitions, which would not apply the parent's policies).
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messages
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));
