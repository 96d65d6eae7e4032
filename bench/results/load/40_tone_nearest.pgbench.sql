\set t random(1, 585)
select * from bench.t_40_tone_nearest where t = :t \gset
BEGIN;
select begin_tenant_transaction(:user_id);
select * from ( (select 1 as kind, id, name, lower(name) as sort_name, null::text as description, playfulness, formality, forwardness, expressiveness, version, created_at, updated_at, tone_vector <-> cube(array[cast(:p as float8), cast(:f as float8), cast(:w as float8), cast(:e as float8)]) as distance from tone_profiles where user_id = :user_id order by distance fetch first 5 rows with ties) union all (select 0 as kind, id, name, lower(name) as sort_name, description, playfulness, formality, forwardness, expressiveness, null::integer as version, created_at, updated_at, tone_vector <-> cube(array[cast(:p as float8), cast(:f as float8), cast(:w as float8), cast(:e as float8)]) as distance from tone_presets order by distance fetch first 5 rows with ties) ) v order by distance, kind, sort_name, id limit 5;
COMMIT;
