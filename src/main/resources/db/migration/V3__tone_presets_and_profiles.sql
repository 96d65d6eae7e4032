-- tone_presets: shared, read-only tone profiles offered to every user (a Citus reference
-- table if the data is ever distributed). Written only by migrations.
CREATE TABLE tone_presets (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL,
    description    text,
    playfulness    smallint    NOT NULL,
    formality      smallint    NOT NULL,
    forwardness    smallint    NOT NULL,
    expressiveness smallint    NOT NULL,
    tone_vector    cube        GENERATED ALWAYS AS
        (cube(ARRAY[playfulness, formality, forwardness, expressiveness]::float8[])) STORED,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tone_presets_name_key UNIQUE (name),
    CONSTRAINT tone_presets_name_length_check CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT tone_presets_axes_check CHECK (
        playfulness BETWEEN 1 AND 10 AND formality BETWEEN 1 AND 10
        AND forwardness BETWEEN 1 AND 10 AND expressiveness BETWEEN 1 AND 10)
);
CREATE INDEX tone_presets_tone_vector_idx ON tone_presets USING gist (tone_vector);

-- tone_profiles: a user's own tone profiles (four axes, 1..10). Written by the
-- tone-profile endpoints. The key includes user_id so conversations can reference a
-- profile together with its owner (and for Citus co-location).
CREATE TABLE tone_profiles (
    id             uuid        NOT NULL,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    playfulness    smallint    NOT NULL,
    formality      smallint    NOT NULL,
    forwardness    smallint    NOT NULL,
    expressiveness smallint    NOT NULL,
    tone_vector    cube        GENERATED ALWAYS AS
        (cube(ARRAY[playfulness, formality, forwardness, expressiveness]::float8[])) STORED,
    version        integer     NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tone_profiles_pkey PRIMARY KEY (id, user_id),
    CONSTRAINT tone_profiles_name_length_check CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT tone_profiles_axes_check CHECK (
        playfulness BETWEEN 1 AND 10 AND formality BETWEEN 1 AND 10
        AND forwardness BETWEEN 1 AND 10 AND expressiveness BETWEEN 1 AND 10)
);
-- A user's profile names are unique regardless of case (409 on a duplicate).
CREATE UNIQUE INDEX tone_profiles_user_name_key ON tone_profiles (user_id, lower(name));
-- Nearest-profile queries filter by user and order by distance in one GiST scan.
CREATE INDEX tone_profiles_user_tone_vector_idx ON tone_profiles USING gist (user_id, tone_vector);
