-- After every share of messages.sql: the conversations' counters and last_* fields as the
-- write path would have left them, a consistency check, statistics, and the read grants the
-- pgbench baselines need (they run as the request role, like the service).
\set ON_ERROR_STOP on
UPDATE conversations c SET
    message_count = b.messages,
    last_seq = b.messages,
    last_activity_at = bench.message_time(b.started, b.ended, b.messages, b.messages),
    last_message_at = bench.message_time(b.started, b.ended, b.messages, b.messages)
                      - CASE WHEN b.cn % 3 = 1 THEN interval '1 hour' ELSE interval '0' END,
    last_speaker = bench.speaker(b.cn, b.messages),
    last_their_message_at = (SELECT bench.message_time(b.started, b.ended, max(s), b.messages)
                                    - CASE WHEN b.cn % 3 = 1 THEN interval '1 hour' ELSE interval '0' END
                             FROM generate_series(greatest(1, b.messages - 4), b.messages) s
                             WHERE bench.speaker(b.cn, s) = 'them'),
    last_user_message_at = (SELECT bench.message_time(b.started, b.ended, max(s), b.messages)
                                   - CASE WHEN b.cn % 3 = 1 THEN interval '1 hour' ELSE interval '0' END
                            FROM generate_series(greatest(1, b.messages - 4), b.messages) s
                            WHERE bench.speaker(b.cn, s) = 'user')
FROM bench.conversations b
WHERE c.id = bench.conversation_id(b.n, b.j) AND c.user_id = bench.user_id(b.n);

DO $$
DECLARE
    expected bigint := (SELECT sum(messages) FROM bench.conversations);
    stored bigint := (SELECT count(*) FROM messages);
    orphans bigint := (SELECT count(*) FROM messages m
                       WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id AND c.user_id = m.user_id));
BEGIN
    IF stored <> expected OR orphans <> 0 THEN
        RAISE EXCEPTION 'generated % messages, expected %, % without their conversation', stored, expected, orphans;
    END IF;
END $$;

VACUUM (ANALYZE) users, tone_profiles, conversations, messages;
ANALYZE bench.conversations, bench.texts;

GRANT USAGE ON SCHEMA bench TO tonehone_app;
GRANT SELECT ON ALL TABLES IN SCHEMA bench TO tonehone_app;

SELECT (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM conversations) AS conversations,
       (SELECT count(*) FROM messages) AS messages,
       (SELECT max(message_count) FROM conversations) AS largest_conversation,
       (SELECT count(*) FROM pg_inherits WHERE inhparent = 'messages'::regclass) AS partitions,
       pg_size_pretty(pg_database_size(current_database())) AS database_size;
