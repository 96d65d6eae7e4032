-- b_btt. As b, but the first statement is the one the service now sends
-- (TenantTransactions): SELECT begin_tenant_transaction(user), an owner-owned plpgsql
-- SECURITY DEFINER function (V8) that calls set_config and checks the account is live.
\set r random(1, :npage)
SELECT u, c, conv_created, last_seq FROM bench.page_params WHERE id = :r \gset
-- 7 requests in 10 read the newest page, the rest scroll back to a random depth.
\set before CASE WHEN random(1, 10) <= 7 THEN :last_seq + 1 ELSE random(1, :last_seq) + 1 END
BEGIN;
SELECT begin_tenant_transaction(:u);
SELECT id, seq, speaker, content, source, ocr_confidence, is_key_moment, effectiveness_score, message_timestamp, created_at
  FROM messages
 WHERE conversation_id = :c AND user_id = :u AND created_at >= :conv_created AND seq < :before
 ORDER BY seq DESC LIMIT 50;
COMMIT;
