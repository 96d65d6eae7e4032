\set t random(1, 40085)
select * from bench.t_32_conversation_get where t = :t \gset
BEGIN;
select begin_tenant_transaction(:user_id);
select c1_0.id,c1_0.user_id,c1_0.archived_at,c1_0.created_at,c1_0.deleted_at,c1_0.health_score,c1_0.last_activity_at,c1_0.last_message_at,c1_0.last_seq,c1_0.last_speaker,c1_0.last_their_message_at,c1_0.last_user_message_at,c1_0.message_count,c1_0.momentum,c1_0.notes,c1_0.person_name,c1_0.platform,c1_0.profile_bio,c1_0.profile_photos,c1_0.tone_preset_id,c1_0.tone_profile_id,c1_0.updated_at,c1_0.version from conversations c1_0 where c1_0.id=:conversation_id and c1_0.user_id=:user_id and c1_0.deleted_at is null offset 0 rows fetch first 1 rows only;
COMMIT;
