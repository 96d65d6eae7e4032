-- What the request role (placeholder app_role, tonehone_app by default; created by
-- db/provision.sql) may do. It owns nothing; it gets table privileges on the tenant tables
-- (under row-level security), read-only presets, the functions it needs, and read access
-- to Flyway's history so the readiness check can tell the schema is migrated.
-- Privileges are granted table by table, never by default privileges, so that partitions
-- created later stay out of its reach.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON users, tone_profiles, conversations, messages TO ${app_role};
GRANT SELECT ON tone_presets TO ${app_role};
GRANT EXECUTE ON FUNCTION ensure_message_partitions(integer, integer) TO ${app_role};
GRANT SELECT ON ${flyway:table} TO ${app_role};
