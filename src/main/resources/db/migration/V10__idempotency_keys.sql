-- idempotency_keys: the record that decides whether a creating POST with an
-- Idempotency-Key already ran. Inserted first and completed in the same transaction as what
-- the request creates,
-- so a key is stored exactly when its effects are: a retry finds the stored response and
-- replays it; a concurrent duplicate waits on the primary key until the first transaction
-- ends, then replays it (or runs, if the first rolled back). Redis is not involved, so a
-- flushed cache cannot cause a second execution. Rows older than a day are purged by a job.
CREATE TABLE idempotency_keys (
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key   text        NOT NULL,
    -- SHA-256 of the endpoint and the request as parsed: another body under the same key is a 422.
    request_hash      bytea       NOT NULL,
    -- Set before the transaction commits: no other transaction ever sees them empty.
    response_status   smallint,
    response_location text,
    response_body     text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT idempotency_keys_key_length_check CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_hash_length_check CHECK (octet_length(request_hash) = 32)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${app_role};
