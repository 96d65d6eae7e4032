\set t random(1, 585)
select * from bench.t_31_conversation_list where t = :t \gset
BEGIN;
select begin_tenant_transaction(:user_id);
select id, user_id, person_name, platform, tone_profile_id, tone_preset_id, message_count, last_seq, last_activity_at, last_message_at, last_their_message_at, last_user_message_at, last_speaker, health_score, momentum, profile_bio, profile_photos, notes, version, created_at, updated_at, archived_at, deleted_at from conversations where user_id = :user_id and deleted_at is null and archived_at is null order by last_activity_at desc, id desc limit 51;
COMMIT;
