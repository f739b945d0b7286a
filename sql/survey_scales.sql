-- Surveys on agreement scales: q12_mean and percent_favourable on the 1-5
-- scale, enps on the 0-10 question; long and wide forms, integer and smallint

-- a department of four: twelve Q12 answers each, and the eNPS question
CREATE TABLE department (person text, scores integer[], nps integer);
INSERT INTO department VALUES
    ('A', '{5,5,4,4,5,4,3,5,4,4,5,4}', 10),      -- sum 52, 11 favourable; promoter
    ('B', '{3,3,2,4,3,3,2,3,4,3,3,2}', 7),       -- sum 35, 2 favourable; passive
    ('C', '{1,2,1,2,1,1,2,1,1,2,1,NULL}', 3),    -- sum 15 of 11 answers, none; detractor
    ('D', '{5,5,5,5,5,5,5,5,5,5,5,5}', 9);       -- sum 60, 12 favourable; promoter
-- the long form: one row per answer
CREATE TABLE department_long AS
SELECT person, question, score FROM department, unnest(scores) WITH ORDINALITY a(score, question);

-- mean 162 / 47 answers; favourable 100 * 25 / 47; eNPS 100 * (2 - 1) / 4
SELECT q12_mean(scores) = 162::float8 / 47 AS mean_162_of_47,
       percent_favourable(scores) = 2500::float8 / 47 AS favourable_25_of_47,
       enps(nps) = 25 AS enps_25
FROM department;
SELECT q12_mean(score) = 162::float8 / 47 AS long_mean,
       percent_favourable(score) = 2500::float8 / 47 AS long_favourable,
       count(*) AS rows, count(score) AS answers
FROM department_long;
-- smallint columns and arrays: the same results, bit for bit
SELECT agree(q12_mean(scores::smallint[]), q12_mean(scores)) AS smallint_array_mean,
       agree(percent_favourable(scores::smallint[]), percent_favourable(scores)) AS smallint_array_favourable,
       agree(enps(nps::smallint), enps(nps)) AS smallint_enps
FROM department;
SELECT agree(q12_mean(score::smallint), 162::float8 / 47) AS smallint_mean,
       agree(percent_favourable(score::smallint), 2500::float8 / 47) AS smallint_favourable
FROM department_long;
-- per person, as a report shows it
SELECT person, q12_mean(scores), percent_favourable(scores), enps(nps)
FROM department GROUP BY person ORDER BY person;

-- % favourable takes any one-dimensional array, of any length and bounds
SELECT percent_favourable(s) = 50 AS two_of_four
FROM (VALUES ('{4,1}'::int[]), ('{5}'), ('{}'), ('{NULL,2}'), (NULL)) v(s);
SELECT percent_favourable('[0:2]={4,4,1}'::int[]) AS lower_bound_0,
       percent_favourable('{NULL,NULL}'::int[]) IS NULL AS only_null_elements;
-- the eNPS groups: 0-6 detractors, 7-8 passives, 9-10 promoters
SELECT enps(s) AS all_promoters FROM (VALUES (9), (10)) v(s);
SELECT enps(s) AS all_detractors FROM (VALUES (0), (6)) v(s);
SELECT enps(s) AS passives_only FROM (VALUES (7), (8)) v(s);
SELECT enps(s) AS one_of_three FROM (VALUES (9), (8), (NULL), (7)) v(s);
SELECT enps(s) = -100::float8 / 3 AS minus_one_third FROM (VALUES (6), (7), (8)) v(s);

-- no rows, or only NULLs: NULL
SELECT q12_mean(score) IS NULL AS mean_none, percent_favourable(score) IS NULL AS fav_none,
       enps(score) IS NULL AS enps_none FROM department_long WHERE false;
SELECT q12_mean(s) IS NULL AS mean_nulls, percent_favourable(s) IS NULL AS fav_nulls,
       enps(s) IS NULL AS enps_nulls FROM (VALUES (NULL::int), (NULL)) v(s);
SELECT q12_mean(s) IS NULL AS unanswered_questionnaire
FROM (VALUES (array_fill(NULL::int, ARRAY[12]))) v(s);

-- bad input: 22023, naming the value
SELECT q12_mean(s) FROM (VALUES (3), (0)) v(s);
SELECT q12_mean(s::smallint) FROM (VALUES (6)) v(s);
SELECT percent_favourable(s) FROM (VALUES (-1)) v(s);
SELECT q12_mean('{1,2,3,4,5,1,2,3,4,5,1,9}'::int[]);
SELECT percent_favourable('{4,0}'::smallint[]);
SELECT enps(s) FROM (VALUES (11)) v(s);
SELECT enps(s::smallint) FROM (VALUES (-1)) v(s);
-- the wide Q12 form has twelve answers, one dimension
SELECT q12_mean('{1,2,3,4,5,1,2,3,4,5,1}'::int[]);
SELECT q12_mean(array_fill(3, ARRAY[13]));
SELECT q12_mean('{}'::smallint[]);
SELECT q12_mean(array_fill(3, ARRAY[2, 6]));
SELECT percent_favourable(array_fill(4, ARRAY[2, 2]));

-- the eNPS state: text form, its invariant (22P02), binary form
SELECT enps_transfn(enps_transfn(enps_transfn('v2(0,0,0)', 10), 7), 0) AS three_answers,
       nps_state_combine('v2(1,2,3)', 'v2(4,5,6)') AS combined,
       enps_finalfn('v2(5,0,5)') AS zero, enps_finalfn('v2(0,0,0)') IS NULL AS empty;
SELECT s AS state, input_sqlstate(s, 'engagement_nps_state') AS sqlstate FROM (VALUES
    ('v2(1,2,3)'), ('v2( 0 , 0 , 0 )'), ('v2(9223372036854775807,0,0)'),
    ('v2(9223372036854775807,1,0)'),      -- more answers than a bigint counts
    ('v2(-1,0,0)'), ('(1,2,3)'), ('v3(1,2,3)'), ('v2(1,2)'), ('v2(1,2,3,4)')
) v(s);
SELECT enps_transfn('v2(9223372036854775807,0,0)', 5);
SELECT nps_state_combine('v2(9223372036854775807,0,0)', 'v2(0,0,1)');
SELECT engagement_nps_state_send('v2(1,2,3)') AS binary_form;
CREATE TABLE stored_nps AS
SELECT g, enps_transfn(enps_transfn(NULL, g % 11), (g * 7) % 11) AS s FROM generate_series(1, 50) g;
\getenv abs_builddir PG_ABS_BUILDDIR
\set nps_file :abs_builddir '/results/stored_nps.bin'
COPY stored_nps TO STDOUT (FORMAT binary) \g :nps_file
CREATE TABLE reread_nps (LIKE stored_nps);
COPY reread_nps FROM :'nps_file' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text = b.s::text) AS identical
FROM stored_nps a JOIN reread_nps b USING (g);

-- a large survey: parallel plans give the serial result
SELECT setseed(0.5);
CREATE TABLE survey AS
SELECT g % 20 AS department,
       ARRAY(SELECT CASE WHEN random() < 0.03 THEN NULL ELSE 1 + floor(random() * 5)::int END
             FROM generate_series(1, 12) WHERE g > 0) AS scores,
       CASE WHEN g % 17 = 0 THEN NULL ELSE floor(random() * 11)::int END AS nps
FROM generate_series(1, 40000) g;
ANALYZE survey;
CREATE VIEW survey_result AS
SELECT department, q12_mean(scores) AS mean, percent_favourable(scores) AS fav, enps(nps) AS enps,
       q12_mean(scores[1]) AS first_mean, percent_favourable(scores[2]::smallint) AS second_fav
FROM survey GROUP BY ROLLUP (department);
CREATE TABLE survey_serial AS SELECT * FROM survey_result;
SELECT parallel_plans(true);
EXPLAIN (COSTS OFF) SELECT q12_mean(scores), percent_favourable(scores), enps(nps) FROM survey;
CREATE TABLE survey_parallel AS SELECT * FROM survey_result;
SELECT parallel_plans(false);
SELECT count(*) AS groups,
       count(*) FILTER (WHERE agree(s.mean, p.mean) AND agree(s.fav, p.fav) AND agree(s.enps, p.enps)
                          AND agree(s.first_mean, p.first_mean) AND agree(s.second_fav, p.second_fav)) AS equal
FROM survey_serial s JOIN survey_parallel p ON s.department IS NOT DISTINCT FROM p.department;
-- against the plain SQL: the whole survey's figures
SELECT agree(q12_mean(scores), (SELECT avg(x)::float8 FROM survey, unnest(scores) x), 1e-15) AS mean_as_avg,
       agree(percent_favourable(scores),
             (SELECT 100.0 * count(*) FILTER (WHERE x >= 4) / count(x) FROM survey, unnest(scores) x)::float8,
             1e-15) AS favourable_as_count,
       agree(enps(nps), (SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))
                                / count(nps) FROM survey)::float8, 1e-15) AS enps_as_counts
FROM survey;
