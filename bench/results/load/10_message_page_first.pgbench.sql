\set t random(1, 819)
select * from bench.t_10_message_page_first where t = :t \gset
BEGIN;
select begin_tenant_transaction(:user_id);
select created_at, archived_at is not null as archived, last_seq from conversations where id = :conversation_id and user_id = :user_id and deleted_at is null \gset
\set below :last_seq + 1
\set above greatest(:below - 1 - 102, 0)
select id, conversation_id, seq, speaker, content, source, ocr_confidence, is_key_moment, effectiveness_score, message_timestamp, created_at from messages where conversation_id = :conversation_id and user_id = :user_id and created_at >= :created_at and seq > :above and seq < :below order by seq desc limit 51;
COMMIT;
