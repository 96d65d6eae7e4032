-- The benchmark database, built in SQL (generate_series), not through the API. Run by
-- bench/data/build.sh as the superuser on a throwaway cluster the service has migrated.
--
-- psql variables: users, scale (1 = the full size: 20,000 users, about 200,000
-- conversations and 10 million messages), password_hash (every user's, copied from an
-- account registered through the API, so logins verify a real Argon2id hash).
--
-- Ids are computed from numbers so the load scripts can name any row without a lookup:
--   user n            00000000-0000-7000-8000-<n as 12 hex digits>
--   conversation n/j  <n as 8 hex>-<j as 4 hex>-7000-9000-000000000000 (the user's j-th)
-- Populations (n is the user number):
--   1..5     1,000 conversations each   (growth curves: dashboard and list at 10/100/1,000)
--   6..10    100 conversations each
--   11..15   10 conversations each
--   16..215  heavy users, 200 conversations each; users 16..25 have a 50,000-message
--            conversation as their conversation 1 (deep pages)
--   216..    1 to 21 conversations each (mean about 7.7)
-- Conversation sizes: every 50th conversation (global number) is an imported history of
-- exactly 1,000 messages (the page scenario's targets); the rest have 1 to 90 (mean about 30).
-- Message text comes from a pool of 100,000 texts built from a word list drawn with a
-- Zipf-like (log-uniform) rank distribution, dating-chat phrases, and OCR-style noise on a
-- tenth of them (misread letters, a lost space); each message picks its text log-uniformly from the pool too.

\set ON_ERROR_STOP on
SELECT setseed(0.42);

-- Monthly partitions for the past year (the generated history spans it).
SELECT ensure_message_partitions(3, 13);

CREATE SCHEMA bench;
CREATE FUNCTION bench.user_id(n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
    AS $$ SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;
CREATE FUNCTION bench.conversation_id(n bigint, j bigint) RETURNS uuid LANGUAGE sql IMMUTABLE
    AS $$ SELECT (lpad(to_hex(n), 8, '0') || '-' || lpad(to_hex(j), 4, '0') || '-7000-9000-000000000000')::uuid $$;
-- Two of every five consecutive messages are the user's.
CREATE FUNCTION bench.speaker(cn bigint, seq bigint) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN (cn * 7 + seq * 13) % 5 < 2 THEN 'user' ELSE 'them' END $$;
-- Messages are spread evenly over the conversation's time span, in seq order.
CREATE FUNCTION bench.message_time(started timestamptz, ended timestamptz, seq bigint, messages bigint)
    RETURNS timestamptz LANGUAGE sql IMMUTABLE
    AS $$ SELECT started + (ended - started) * (seq::float8 / messages) $$;

-- Words, in rough order of frequency: chat function words first, then dating-chat vocabulary.
CREATE TABLE bench.words AS
SELECT row_number() OVER () AS rank, word
FROM unnest(string_to_array(
  'i you the to a and it that is so what do my me are have in of for be this like just was '
  'not with on your but we so haha lol yeah oh can how know im its dont get all too about '
  'would good really if up out at one go think time when there love night fun what''s okay '
  'ok well now weekend coffee drink dinner tonight tomorrow sounds great cute nice hey hi '
  'hello work day week free maybe see meet place favorite food wine beer bar movie music '
  'show trip travel dog cat hike hiking run gym book read cook cooking pizza tacos sushi '
  'brunch park beach city new old thanks thank sorry busy tired excited funny honestly '
  'literally totally definitely probably actually pretty super kind sort though also still '
  'already never always sometimes every anything something nothing someone everyone '
  'people friends family sister brother mom dad job office remote home apartment '
  'neighborhood downtown concert festival museum art gallery photo pics picture smile '
  'laugh joke story stories talk chat text call date first second plans plan later soon '
  'saturday sunday friday monday evening morning afternoon lunch breakfast dessert ice '
  'cream chocolate tea matcha latte cocktail spot recommend try tried trying want wanted '
  'wanna gonna gotta feel feeling felt vibe vibes energy mood chill relax lazy adventure '
  'spontaneous outdoors camping climbing yoga running marathon bike swim surf ski snow '
  'summer winter spring fall weather rain sunny cold hot warm playlist song band podcast '
  'series netflix episode season binge game games board trivia karaoke dance dancing '
  'learn learning language spanish french italian japanese abroad flight vacation '
  'weekend''s tbh omg wow yes no nope yep sure absolutely haha hahaha lmao 😂 😊 ❤️ 😉 🙈 '
  'where why who which been being had has did does doing going went come coming came '
  'make made take took give gave tell told say said ask asked hope hoping wish glad happy '
  'sad bad best better worst least most more less much many few little big small long '
  'short last next other same different right wrong true false real fake sweet cool '
  'amazing awesome lovely beautiful gorgeous handsome interesting weird strange crazy', ' ')) AS word
WHERE word <> '';

CREATE TABLE bench.phrases AS
SELECT row_number() OVER () AS n, phrase
FROM unnest(ARRAY[
  'haha that''s so true', 'what are you up to this weekend?', 'I love that place!',
  'have you been there before?', 'that sounds like so much fun', 'omg same 😂',
  'how was your day?', 'I''m free on Saturday if you are', 'what kind of music do you like?',
  'sorry, just saw this', 'we should grab a drink sometime', 'that''s hilarious',
  'tell me more about that', 'I''ve always wanted to go there', 'you seem really fun',
  'coffee or drinks?', 'good morning! ☀️', 'long day at work, you?', 'no way, me too!',
  'what''s your go-to karaoke song?', 'your dog is adorable', 'are you more of a beach or mountains person?',
  'I''m terrible at this but here goes', 'lol fair enough', 'can''t wait 😊',
  'let me know what works for you', 'that was such a good night', 'I had a really great time',
  'did you get home okay?', 'we should do that again soon', 'hmm let me think about it',
  'best taco spot in the city, go', 'ok you win', 'that''s a bold claim', 'sounds perfect',
  'running a bit late, 10 min!', 'see you there', 'thanks for tonight ❤️', 'wait really?',
  'I''m more of a morning person tbh'
]) AS phrase;

-- The text pool: phrases (a fifth), word salads of 2..30 Zipf-drawn words, a tenth with OCR noise.
SELECT count(*) AS word_count FROM bench.words \gset
CREATE TABLE bench.picks AS  -- (text, position, word rank): ranks drawn log-uniformly, rank 1 most often
SELECT g, k, least(:word_count, floor(exp(random() * ln(:word_count + 1)))::int) AS rank
FROM generate_series(1, 100000) g, generate_series(1, 2 + (g * 7919) % 29) k
WHERE g % 5 <> 0;
CREATE TABLE bench.texts (n integer PRIMARY KEY, content text NOT NULL);
INSERT INTO bench.texts
SELECT g, CASE WHEN g % 10 = 3  -- OCR noise: the first l and o misread, a space lost, now and then a stray bar
                   THEN regexp_replace(regexp_replace(regexp_replace(t, 'l', '1'), 'o', '0'), ' ', '')
                        || CASE WHEN g % 20 = 3 THEN ' |' ELSE '' END
               ELSE t END
FROM (SELECT p.g, string_agg(w.word, ' ' ORDER BY p.k) AS t
      FROM bench.picks p JOIN bench.words w USING (rank) GROUP BY p.g
      UNION ALL
      SELECT g, phrase FROM generate_series(5, 100000, 5) g JOIN bench.phrases ON n = 1 + (g / 5) % 40) pool;
DROP TABLE bench.picks;

-- Users.
INSERT INTO users (id, email, password_hash, subscription_tier, credits_remaining, created_at, updated_at)
SELECT bench.user_id(n), 'user' || n || '@bench.tonehone.test', :'password_hash',
       CASE WHEN n % 10 = 0 THEN 'pro' ELSE 'free' END, 20, now() - interval '400 days', now() - interval '400 days'
FROM generate_series(1, :users) n;

-- Two tone profiles a user (the nearest scenario), spread over the 4-axis space.
INSERT INTO tone_profiles (id, user_id, name, playfulness, formality, forwardness, expressiveness)
SELECT gen_random_uuid(), bench.user_id(n), 'Profile ' || p,
       1 + (n * 3 + p * 5) % 10, 1 + (n * 7 + p) % 10, 1 + (n + p * 3) % 10, 1 + (n * 11 + p * 7) % 10
FROM generate_series(1, :users) n, generate_series(1, 2) p;

-- Conversations: how many each user has, then one row each with its size and time span.
CREATE TABLE bench.conversations AS
SELECT row_number() OVER (ORDER BY n, j) AS cn, n, j
FROM (
  SELECT n, CASE WHEN n <= 5 THEN 1000 WHEN n <= 10 THEN 100 WHEN n <= 15 THEN 10 WHEN n <= 215 THEN 200
                 ELSE greatest(1, round((1 + floor(21 * random() ^ 2)) * :scale)::int) END AS k
  FROM generate_series(1, :users) n
) per_user, generate_series(1, k) j;

ALTER TABLE bench.conversations
    ADD COLUMN messages integer, ADD COLUMN started timestamptz, ADD COLUMN ended timestamptz;
UPDATE bench.conversations SET
    messages = CASE WHEN n BETWEEN 16 AND 25 AND j = 1 THEN 50000
                    WHEN cn % 50 = 0 THEN 1000
                    ELSE greatest(1, round((1 + floor(90 * random() ^ 2)) * :scale)::int) END,
    started = now() - (30 + random() * 330) * interval '1 day';
UPDATE bench.conversations SET ended = started + (now() - started) * (0.3 + 0.7 * random());
ALTER TABLE bench.conversations ADD PRIMARY KEY (cn);

INSERT INTO conversations (id, user_id, person_name, platform, created_at, updated_at, last_activity_at)
SELECT bench.conversation_id(n, j), bench.user_id(n),
       (ARRAY['Sam', 'Alex', 'Jordan', 'Taylor', 'Riley', 'Casey', 'Morgan', 'Jamie', 'Avery', 'Quinn'])[1 + cn % 10]
           || ' ' || chr(65 + (cn % 26)::int) || '.',
       (ARRAY['hinge', 'bumble', 'tinder', 'other'])[1 + (cn * 7) % 4],
       started, ended, ended
FROM bench.conversations;

-- The page scenario's targets (imported 1,000-message histories of ordinary users) and the
-- deep-page ones, numbered so pgbench can pick one with a primary-key lookup.
CREATE TABLE bench.page_targets AS
SELECT row_number() OVER (ORDER BY cn) AS t, bench.user_id(n) AS user_id, bench.conversation_id(n, j) AS conversation_id, n, j
FROM bench.conversations WHERE messages = 1000 AND n > 25;
ALTER TABLE bench.page_targets ADD PRIMARY KEY (t);
CREATE TABLE bench.deep_targets AS
SELECT row_number() OVER (ORDER BY cn) AS t, bench.user_id(n) AS user_id, bench.conversation_id(n, j) AS conversation_id, n, j
FROM bench.conversations WHERE messages = 50000;
ALTER TABLE bench.deep_targets ADD PRIMARY KEY (t);
