-- conversations: one per match. Written by the conversation endpoints; the message write
-- path updates the denormalised fields (last_seq, message_count, last_activity_at,
-- last_*_message_at, last_speaker) in the same statement that locks the row and hands out
-- seq numbers; jobs write health_score, momentum and archived_at.
--
-- needsResponse is derived: last_speaker = 'them' (the speaker of the highest seq), which is
-- right for conversations where the user never replied and for OCR batches whose messages
-- share one timestamp or have none.
CREATE TABLE conversations (
    id                    uuid        NOT NULL,
    user_id               uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    person_name           text        NOT NULL,
    platform              text        NOT NULL DEFAULT 'other',
    -- At most one of these: a profile of the same user, or a shared preset.
    tone_profile_id       uuid,
    tone_preset_id        uuid        REFERENCES tone_presets (id),
    message_count         integer     NOT NULL DEFAULT 0,
    last_seq              bigint      NOT NULL DEFAULT 0,
    -- Server time of the latest message write (created_at), else the conversation's own
    -- created_at: orders lists and decides archiving.
    last_activity_at      timestamptz NOT NULL DEFAULT now(),
    last_message_at       timestamptz,
    last_their_message_at timestamptz,
    last_user_message_at  timestamptz,
    last_speaker          text,
    health_score          smallint,
    momentum              text,
    profile_bio           text,
    profile_photos        text[]      NOT NULL DEFAULT '{}',
    notes                 text,
    version               integer     NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    archived_at           timestamptz,
    deleted_at            timestamptz,
    CONSTRAINT conversations_pkey PRIMARY KEY (id, user_id),
    CONSTRAINT conversations_tone_profile_fkey FOREIGN KEY (tone_profile_id, user_id)
        REFERENCES tone_profiles (id, user_id) ON DELETE SET NULL (tone_profile_id),
    CONSTRAINT conversations_one_tone_check CHECK (tone_profile_id IS NULL OR tone_preset_id IS NULL),
    CONSTRAINT conversations_person_name_length_check CHECK (char_length(person_name) BETWEEN 1 AND 200),
    CONSTRAINT conversations_platform_check CHECK (platform IN ('hinge', 'bumble', 'tinder', 'other')),
    CONSTRAINT conversations_message_count_check CHECK (message_count >= 0),
    CONSTRAINT conversations_last_seq_check CHECK (last_seq >= 0),
    CONSTRAINT conversations_last_speaker_check CHECK (last_speaker IN ('user', 'them')),
    CONSTRAINT conversations_health_score_check CHECK (health_score BETWEEN 0 AND 100),
    CONSTRAINT conversations_momentum_check CHECK (momentum IN ('hot', 'warming', 'stable', 'cooling', 'cold')),
    CONSTRAINT conversations_profile_bio_length_check CHECK (char_length(profile_bio) <= 5000),
    CONSTRAINT conversations_profile_photos_check CHECK (cardinality(profile_photos) <= 20),
    CONSTRAINT conversations_notes_length_check CHECK (char_length(notes) <= 10000)
);

-- The list (archived=false, the default) and the dashboard: newest activity first, id as
-- the tie-breaker of the cursor.
CREATE INDEX conversations_user_active_idx ON conversations (user_id, last_activity_at DESC, id DESC)
    WHERE deleted_at IS NULL AND archived_at IS NULL;
-- The list with archived=true.
CREATE INDEX conversations_user_archived_idx ON conversations (user_id, last_activity_at DESC, id DESC)
    WHERE deleted_at IS NULL AND archived_at IS NOT NULL;
-- Waiting for the user's answer: the dashboard's first section and needsResponse=true.
CREATE INDEX conversations_user_waiting_idx ON conversations (user_id, last_activity_at DESC, id DESC)
    WHERE deleted_at IS NULL AND archived_at IS NULL AND last_speaker = 'them';
-- Deleting a tone profile finds the conversations that use it (ON DELETE SET NULL).
CREATE INDEX conversations_tone_profile_idx ON conversations (tone_profile_id, user_id)
    WHERE tone_profile_id IS NOT NULL;
