-- Realistic data for the RLS benchmark (bench/rls/run.sh). Run as the cluster superuser
-- (session_replication_role = replica skips the per-row foreign-key triggers: the data is
-- generated consistent). psql variables: users, convs, avg_msgs, heavy_conv_msgs,
-- heavy_other_msgs, vocab, frags.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';
SELECT setseed(0.42);

-- Partitions: 12 months back, 3 ahead (as the owner-owned function does at start-up).
SELECT ensure_message_partitions(3, 12) AS partitions_created;

CREATE SCHEMA bench;
-- A UUIDv7-shaped id from a timestamp, like the service's generator (time-ordered).
CREATE FUNCTION bench.uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
          || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid
    FROM md5(random()::text) h $$;

-- Vocabulary: a few real chat words first (the most frequent), then pronounceable
-- made-up words; word k is drawn with probability ~ 1/k (Zipf, s = 1).
CREATE TABLE bench.vocab (rank int PRIMARY KEY, word text NOT NULL);
INSERT INTO bench.vocab
SELECT row_number() OVER (), w FROM unnest(ARRAY[
  'haha','lol','tonight','weekend','coffee','dinner','drinks','cute','movie','dog',
  'work','beach','music','concert','pizza','sushi','hiking','travel','sunday','friday',
  'brunch','wine','beer','gym','yoga','book','netflix','cat','party','birthday',
  'paris','london','tacos','museum','park','picnic','games','tennis','running','cooking',
  'pasta','breakfast','flight','vacation','festival','karaoke','dancing','photo','smile','funny']) w;
INSERT INTO bench.vocab
SELECT 50 + n, w FROM (
  SELECT row_number() OVER (ORDER BY md5(w)) n, w FROM (
    SELECT DISTINCT (c1 || v1 || c2 || v2 || CASE WHEN k % 3 = 0 THEN c3 || v3 ELSE '' END) w
      FROM (SELECT k,
                   substr('bdfgklmnprstvz', 1 + (k % 14), 1) c1, substr('aeiou', 1 + (k / 14) % 5, 1) v1,
                   substr('bdfgklmnprstvz', 1 + (k / 70) % 14, 1) c2, substr('aeiou', 1 + (k / 980) % 5, 1) v2,
                   substr('bdfgklmnprstvz', 1 + (k / 4900) % 14, 1) c3, substr('aeiou', 1 + (k / 68600) % 5, 1) v3
              FROM generate_series(0, 400000) k) s) d) x
 WHERE n <= :vocab - 50;
SELECT count(*) AS vocab_words FROM bench.vocab;

-- Fragments of 2..8 words; a message is one or two fragments.
CREATE TABLE bench.frag (id int PRIMARY KEY, txt text NOT NULL);
INSERT INTO bench.frag
SELECT f, string_agg(v.word, ' ' ORDER BY w)
  FROM (SELECT f, w, least(:vocab, floor(exp(random() * ln(:vocab + 1)))::int) AS r
          FROM generate_series(1, :frags) f,
               LATERAL generate_series(1, 2 + (random() * 6)::int + (f * 0)) w) p
  JOIN bench.vocab v ON v.rank = greatest(1, p.r)
 GROUP BY f;

-- Users: user 1 is the heavy user.
CREATE TABLE bench.u (idx int PRIMARY KEY, id uuid NOT NULL, created_at timestamptz NOT NULL);
INSERT INTO bench.u
SELECT i, bench.uuid7(ts), ts
  FROM (SELECT i, timestamptz '2025-12-01 00:00+00' + random() * interval '20 days' ts
          FROM generate_series(1, :users) i) s;
INSERT INTO users (id, email, password_hash, subscription_tier, credits_remaining, created_at, updated_at)
SELECT id, 'user' || idx || '@example.com', 'x', CASE WHEN idx % 10 = 0 THEN 'pro' ELSE 'free' END, 10, created_at, created_at
  FROM bench.u;

-- Conversations: the heavy user has 20 (one of :heavy_conv_msgs messages, 19 sharing
-- :heavy_other_msgs); the others are spread over the remaining users, with an exponential
-- number of messages (mean :avg_msgs). Messages are spread between the conversation's
-- creation and its last activity.
CREATE TABLE bench.c (idx int PRIMARY KEY, id uuid NOT NULL, user_idx int NOT NULL, user_id uuid NOT NULL,
                      n int NOT NULL, created_at timestamptz NOT NULL, last_at timestamptz NOT NULL);
WITH raw AS (
  SELECT i,
         CASE WHEN i <= 20 THEN 1 ELSE 2 + floor(random() * (:users - 1))::int END AS user_idx,
         CASE WHEN i = 1 THEN :heavy_conv_msgs
              WHEN i <= 20 THEN :heavy_other_msgs / 19
              ELSE least(5000, 1 + floor(-ln(1 - random()) * (:avg_msgs - 1)))::int END AS n,
         CASE WHEN i = 1 THEN timestamptz '2025-12-21 00:00+00'
              ELSE timestamptz '2025-12-21 00:00+00' + random() * (now() - interval '1 hour' - timestamptz '2025-12-21 00:00+00') END AS created_at,
         random() AS activity
    FROM generate_series(1, :convs) i)
INSERT INTO bench.c
SELECT r.i, bench.uuid7(r.created_at), r.user_idx, u.id, r.n, r.created_at,
       CASE WHEN r.i = 1 THEN now() - interval '1 minute'
            ELSE r.created_at + (now() - r.created_at) * (0.05 + 0.95 * r.activity) END
  FROM raw r JOIN bench.u u ON u.idx = r.user_idx;

-- The speaker of message s of conversation i is a pure function, so last_speaker agrees.
CREATE FUNCTION bench.speaker(i int, s int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN hashint8(i::bigint * 1000003 + s) & 1 = 0 THEN 'user' ELSE 'them' END $$;

INSERT INTO conversations (id, user_id, person_name, platform, message_count, last_seq, last_activity_at,
                           last_message_at, last_speaker, created_at, updated_at)
SELECT id, user_id, 'Match ' || idx, (ARRAY['hinge','bumble','tinder','other'])[1 + idx % 4],
       n, n, last_at, last_at, bench.speaker(idx, n), created_at, last_at
  FROM bench.c;
UPDATE conversations c
   SET last_their_message_at = c.last_activity_at
 WHERE last_speaker = 'them';

-- Messages: seq 1..n, created_at from the conversation's creation to its last activity
-- (never older than the conversation), text of one or two random fragments.
INSERT INTO messages (id, user_id, conversation_id, seq, speaker, content, source, created_at)
SELECT bench.uuid7(p.ts), p.user_id, p.conv_id, p.s, bench.speaker(p.idx, p.s),
       CASE WHEN p.f2 IS NULL THEN f1.txt ELSE f1.txt || ' ' || f2.txt END,
       CASE WHEN p.s % 7 = 0 THEN 'ocr' ELSE 'manual' END, p.ts
  FROM (SELECT c.idx, c.id AS conv_id, c.user_id, s,
               c.created_at + (c.last_at - c.created_at) * (s::float8 / (c.n + 1)) AS ts,
               1 + floor(random() * :frags)::int AS f1,
               CASE WHEN random() < 0.6 THEN 1 + floor(random() * :frags)::int END AS f2
          FROM bench.c c, generate_series(1, c.n) s
         OFFSET 0) p
  JOIN bench.frag f1 ON f1.id = p.f1
  LEFT JOIN bench.frag f2 ON f2.id = p.f2;

-- The index the search feature will use (not in the schema yet).
CREATE INDEX messages_user_tsv_idx ON messages USING gin (user_id, content_tsv);
RESET session_replication_role;
