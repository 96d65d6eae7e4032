-- b_window. As b, with the keyset page bounded to a seq window: seq >= :before - 50. seq is
-- dense per conversation, so the window holds the page; a generic plan then sorts at most 50 rows.
\set r random(1, :npage)
SELECT u, c, conv_created, last_seq FROM bench.page_params WHERE id = :r \gset
-- 7 requests in 10 read the newest page, the rest scroll back to a random depth.
\set before CASE WHEN random(1, 10) <= 7 THEN :last_seq + 1 ELSE random(1, :last_seq) + 1 END
BEGIN;
SELECT set_config('app.user_id', :u, true);
SELECT id, seq, speaker, content, source, ocr_confidence, is_key_moment, effectiveness_score, message_timestamp, created_at
  FROM messages
 WHERE conversation_id = :c AND user_id = :u AND created_at >= :conv_created AND seq < :before AND seq >= :before - 50
 ORDER BY seq DESC LIMIT 50;
COMMIT;
