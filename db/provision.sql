-- Provisioning for a ToneHone database: the roles, the database and the extensions that
-- only a superuser may create. Run once per cluster as a superuser (a managed service's
-- admin role works too), before the service's first start; safe to run again.
--
--   psql -v owner=tonehone_owner -v owner_password=... \
--        -v app=tonehone_app -v app_password=... -v dbname=tonehone \
--        -f db/provision.sql postgres://admin@host/postgres
--
-- Roles
--   :owner  owns the schema. Flyway runs as it; nothing else should. Table owners skip
--           row-level security, so the owner-owned SECURITY DEFINER functions that jobs and
--           maintenance call (ensure_message_partitions, ...) are how work gets past it.
--   :app    the service's request role. Owns nothing, is granted table privileges by the
--           migrations, and every query it runs is subject to row-level security.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec

-- Neither role may escape row-level security or create roles or databases.
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
              :'owner', :'owner_password') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD %L',
              :'app', :'app_password') \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'dbname', :'owner', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'dbname') \gexec

-- Every session of the service works in UTC whatever the server's default.
SELECT format('ALTER DATABASE %I SET timezone TO %L', :'dbname', 'UTC') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'dbname') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'dbname', :'app') \gexec

\connect :dbname
-- PostgreSQL 15 already keeps PUBLIC from creating objects in schema public; say so anyway.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- pg_stat_statements is not a trusted extension: only a superuser can create it (it also
-- needs shared_preload_libraries). The trusted ones are created here too so that the
-- migrations' CREATE EXTENSION IF NOT EXISTS finds them.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- The owner may read query statistics for the admin endpoints.
SELECT format('GRANT pg_read_all_stats TO %I', :'owner') \gexec
