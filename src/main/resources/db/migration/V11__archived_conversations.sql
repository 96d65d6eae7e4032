-- archived_conversations: cold storage for the messages of archived conversations.
--
-- Archiving (POST /conversations/{id}/archive, and later the 90-day job) moves a
-- conversation's messages out of the partitioned messages table into this one and deletes
-- them there, in one transaction that holds the conversation's row lock; restoring moves
-- them back with their ids, seq and created_at unchanged. The conversation row itself
-- stays in conversations (archived_at set) with its counters.
--
-- Messages are stored in chunks of up to 1,000 consecutive messages (by seq), one jsonb
-- array a row, compressed with lz4 when TOASTed. Every chunk but the newest is full, so any
-- page of up to 1,000 messages is answered from at most two chunks, whatever the size of
-- the conversation (a single document for a 50,000-message conversation would be detoasted
-- whole for every page). first_seq/last_seq let a page pick its chunks from the primary key.
--
-- While archived, messages are readable (from here) but not writable (409): the message
-- write path's locking UPDATE requires archived_at IS NULL.
CREATE TABLE archived_conversations (
    conversation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    chunk           integer     NOT NULL,
    first_seq       bigint      NOT NULL,
    last_seq        bigint      NOT NULL,
    message_count   integer     NOT NULL,
    -- [{id, seq, speaker, content, source, ocr_confidence, is_key_moment,
    --   effectiveness_score, message_timestamp, created_at}, ...] in seq order.
    messages        jsonb       COMPRESSION lz4 NOT NULL,
    archived_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT archived_conversations_pkey PRIMARY KEY (conversation_id, user_id, chunk),
    CONSTRAINT archived_conversations_conversation_fkey FOREIGN KEY (conversation_id, user_id)
        REFERENCES conversations (id, user_id) ON DELETE CASCADE,
    CONSTRAINT archived_conversations_chunk_check CHECK (chunk >= 0),
    CONSTRAINT archived_conversations_seq_range_check CHECK (first_seq BETWEEN 1 AND last_seq),
    CONSTRAINT archived_conversations_message_count_check CHECK (message_count BETWEEN 1 AND 1000),
    CONSTRAINT archived_conversations_messages_check CHECK (jsonb_typeof(messages) = 'array')
);

ALTER TABLE archived_conversations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON archived_conversations
    USING (user_id = (SELECT app_current_user_id()))
    WITH CHECK (user_id = (SELECT app_current_user_id()));
GRANT SELECT, INSERT, DELETE ON archived_conversations TO ${app_role};

-- When the user last restored the conversation: the archiving job must not archive it again
-- the same night because its last activity is still old (lastActivityAt stays the time of
-- its latest message, as API.md defines it). Nullable without a default: a catalogue-only
-- change, but it takes an ACCESS EXCLUSIVE lock for an instant, so give up rather than queue
-- behind a long transaction and block every request behind us.
SET LOCAL lock_timeout = '3s';
ALTER TABLE conversations ADD COLUMN restored_at timestamptz;
