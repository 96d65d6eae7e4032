-- refresh_tokens: the long-lived half of a login. Only a SHA-256 hash of each token is
-- stored; a token names its user (see auth.RefreshTokens), so every lookup runs under
-- row-level security like any tenant query. Tokens of one login form a family: refreshing
-- rotates (the used token is marked rotated_at and a new one issued in the same family);
-- presenting a rotated token again revokes the whole family, since one of its holders is
-- not the user. Written by the auth endpoints; expired rows are purged by a job.
CREATE TABLE refresh_tokens (
    id         uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  uuid        NOT NULL,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id, user_id),
    CONSTRAINT refresh_tokens_hash_length_check CHECK (octet_length(token_hash) = 32)
);
CREATE UNIQUE INDEX refresh_tokens_user_hash_key ON refresh_tokens (user_id, token_hash);
CREATE INDEX refresh_tokens_user_family_idx ON refresh_tokens (user_id, family_id) WHERE revoked_at IS NULL;

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refresh_tokens
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO ${app_role};

-- begin_tenant_transaction: the first statement of every tenant transaction. Makes the
-- user the caller for row-level security (transaction-local) and answers whether the
-- account is live, in the same round trip: a deleted account's access tokens stop working
-- on the very next request, on every replica, without a second query or a cache.
-- SECURITY DEFINER because the liveness read must not depend on the policy it is setting up.
CREATE FUNCTION begin_tenant_transaction(p_user_id uuid) RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
BEGIN
    PERFORM set_config('app.user_id', p_user_id::text, true);
    RETURN EXISTS (SELECT 1 FROM users WHERE id = p_user_id AND deleted_at IS NULL);
END;
$$;
REVOKE ALL ON FUNCTION begin_tenant_transaction(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_tenant_transaction(uuid) TO ${app_role};

-- auth_login_candidate: login is the one read that starts from an email rather than a
-- user id, so it cannot run under the policy of a user it does not know yet. Returns the
-- live account with that email (case-insensitive, served by users_email_lower_key), if any.
CREATE FUNCTION auth_login_candidate(p_email text)
    RETURNS TABLE (user_id uuid, email text, password_hash text)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT id, email, password_hash FROM users WHERE lower(email) = lower(p_email) AND deleted_at IS NULL
$$;
REVOKE ALL ON FUNCTION auth_login_candidate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_login_candidate(text) TO ${app_role};
