-- users: one row per account; the id is the user_id every tenant table carries (and the
-- distribution column if the data moves to Citus). Written by the auth and /me endpoints,
-- the credit ledger and the purge job. A deleted account keeps its row until purged, with
-- its email and password hash scrubbed, so the email is free again at once.
CREATE TABLE users (
    id                      uuid        PRIMARY KEY,
    email                   text,
    password_hash           text,
    subscription_tier       text        NOT NULL DEFAULT 'free',
    subscription_expires_at timestamptz,
    credits_remaining       integer     NOT NULL DEFAULT 0,
    total_credits_purchased integer     NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    deleted_at              timestamptz,
    CONSTRAINT users_subscription_tier_check CHECK (subscription_tier IN ('free', 'pro', 'enterprise')),
    CONSTRAINT users_credits_remaining_check CHECK (credits_remaining >= 0),
    CONSTRAINT users_total_credits_purchased_check CHECK (total_credits_purchased >= 0),
    CONSTRAINT users_email_length_check CHECK (char_length(email) BETWEEN 3 AND 320),
    CONSTRAINT users_live_account_has_credentials
        CHECK (deleted_at IS NOT NULL OR (email IS NOT NULL AND password_hash IS NOT NULL))
);

-- Case-insensitive uniqueness: 'A@x.com' and 'a@x.com' are one address. Scrubbed (NULL)
-- emails of deleted accounts never collide.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
