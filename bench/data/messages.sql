-- One share of the messages (conversations with cn % :parts = :part), so that build.sh can
-- load on every core at once. Run as the superuser after generate.sql.
--
-- session_replication_role = replica skips the composite foreign key's per-row trigger:
-- every row names a conversation generate.sql created, and finish.sql checks the counts.
-- Speakers follow a fixed pattern (2 of every 5 consecutive seq are the user's) so that
-- finish.sql can set last_speaker and the last_*_message_at fields without a scan.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET synchronous_commit = off;
SET work_mem = '64MB';
INSERT INTO messages (id, user_id, conversation_id, seq, speaker, content, source, ocr_confidence,
                      is_key_moment, effectiveness_score, message_timestamp, created_at)
SELECT gen_random_uuid(), bench.user_id(m.n), bench.conversation_id(m.n, m.j), m.seq,
       bench.speaker(m.cn, m.seq), t.content, m.source,
       CASE WHEN m.source = 'ocr' THEN round((0.55 + 0.45 * random())::numeric, 2) END,
       m.seq % 97 = 0,
       CASE WHEN m.seq % 31 = 0 AND bench.speaker(m.cn, m.seq) = 'user' THEN 1 + (m.seq % 5) END,
       CASE WHEN m.source = 'imported' THEN m.created_at - interval '1 hour' END,
       m.created_at
FROM (SELECT c.cn, c.n, c.j, s.seq,
             CASE c.cn % 3 WHEN 0 THEN 'ocr' WHEN 1 THEN 'imported' ELSE 'manual' END AS source,
             bench.message_time(c.started, c.ended, s.seq, c.messages) AS created_at,
             least(100000, floor(exp(random() * ln(100001)))::int) AS text_n
      FROM bench.conversations c, generate_series(1, c.messages) s(seq)
      WHERE c.cn % :parts = :part) m
JOIN bench.texts t ON t.n = m.text_n;
