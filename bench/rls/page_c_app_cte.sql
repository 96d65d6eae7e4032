-- c. One statement that sets the user and queries at once. Only run if the semantics
-- check in run.sh shows the policy sees the setting (it does not: see results/c_semantics.txt).
\set r random(1, :npage)
SELECT u, c, conv_created, last_seq FROM bench.page_params WHERE id = :r \gset
-- 7 requests in 10 read the newest page, the rest scroll back to a random depth.
\set before CASE WHEN random(1, 10) <= 7 THEN :last_seq + 1 ELSE random(1, :last_seq) + 1 END
WITH s AS MATERIALIZED (SELECT set_config('app.user_id', :u, true) AS v)
SELECT m.id, m.seq, m.speaker, m.content, m.source, m.ocr_confidence, m.is_key_moment,
       m.effectiveness_score, m.message_timestamp, m.created_at
  FROM s, messages m
 WHERE m.conversation_id = :c AND m.user_id = :u AND m.created_at >= :conv_created AND m.seq < :before
 ORDER BY m.seq DESC LIMIT 50;
