-- Employee engagement survey: Q12, engagement index, levels, participation

-- worked examples: 297 respondents of 400 gave 2743 yes answers
SELECT q12_index(2743, 297) AS q12_76_96,
       q12_index(2743, 297) = 2743 * 100 / 3564::float8 AS exact,
       q12_level(q12_index(2743, 297)) AS level_high,
       participation_rate(297, 400) AS participation_74_25;
SELECT engagement_level(49) AS medium_49,
       engagement_level(30) AS low_30, engagement_level(30.5) AS medium_30_5,
       engagement_level(60) AS medium_60, engagement_level(61) AS high_61;
SELECT q12_level(50) AS alarming_50, q12_level(60) AS satisfactory_60, q12_level(70) AS high_70;
-- engagement_index over rows whose means are 25, 13 and 11
SELECT engagement_index(w, m, e) AS index_49,
       engagement_level(engagement_index(w, m, e)) AS level_medium
FROM (VALUES (20, 10, 8), (30, 16, 14), (25, 13, 11)) v(w, m, e);

-- q12_index(yes_answers, respondents), named notation, NULL, zero, errors
SELECT q12_index(yes_answers => 12, respondents => 1) AS all_yes_100,
       q12_index(0, 5) AS none_0,
       q12_index(NULL, 5) IS NULL AS null_yes,
       q12_index(0, 0) IS NULL AS zero_respondents;
SELECT q12_index(13, 1);
SELECT q12_index(-1, 1);
SELECT q12_index(1, -1);
SELECT q12_index(9223372036854775807, 9223372036854775807) AS huge_is_exact;

-- q12_level bounds: [0, 100]
SELECT q12_level(0) AS zero, q12_level(50.000001) AS just_above_50,
       q12_level(69.999) AS just_below_70, q12_level(100) AS hundred,
       q12_level(index => 76.96) AS named, q12_level(NULL) IS NULL AS null_level;
SELECT q12_level(-0.1);
SELECT q12_level(100.1);
SELECT q12_level('NaN');
SELECT q12_level('Infinity');

-- engagement_level: no upper bound, not negative, finite
SELECT engagement_level(0) AS zero, engagement_level(1000) AS large,
       engagement_level(index => 45) AS named, engagement_level(NULL) IS NULL AS null_level;
SELECT engagement_level(-1);
SELECT engagement_level('NaN');
SELECT engagement_level('-Infinity');
SELECT engagement_level('Infinity');

-- participation_rate
SELECT participation_rate(participants => 150, headcount => 300) AS half,
       participation_rate(0, 10) AS nobody, participation_rate(10, 10) AS everybody,
       participation_rate(0, 0) IS NULL AS zero_headcount,
       participation_rate(NULL, 10) IS NULL AS null_participants;
SELECT participation_rate(11, 10);
SELECT participation_rate(-1, 10);
SELECT participation_rate(1, -10);

-- q12_index(boolean): long form, one row per answer; NULL answers skipped
SELECT q12_index(answer) AS two_of_three
FROM (VALUES (true), (false), (NULL), (true)) v(answer);
SELECT q12_index(answer) IS NULL AS empty FROM (VALUES (true)) v(answer) WHERE false;
SELECT q12_index(answer) IS NULL AS only_nulls FROM (VALUES (NULL::boolean)) v(answer);
SELECT q12_index(answer) AS all_no FROM (VALUES (false), (false)) v(answer);

-- q12_index(boolean[]): wide form, one 12-answer array per respondent
SELECT q12_index(answers) AS ten_of_23
FROM (VALUES ('{t,t,f,NULL,t,t,t,t,t,t,t,t}'::boolean[]),
             ('{f,f,f,f,f,f,f,f,f,f,f,f}'),
             (NULL)) v(answers);
SELECT q12_index(answers) AS all_yes FROM (VALUES ('{t,t,t,t,t,t,t,t,t,t,t,t}'::boolean[])) v(answers);
-- an array with a lower bound other than 1 is still 12 answers
SELECT q12_index(answers) AS lower_bound_0
FROM (VALUES ('[0:11]={t,f,t,f,t,f,t,f,t,f,t,f}'::boolean[])) v(answers);
-- every question unanswered: nothing counted, NULL
SELECT q12_index(answers) IS NULL AS all_unanswered
FROM (VALUES (array_fill(NULL::boolean, ARRAY[12]))) v(answers);
-- arrays that are not a questionnaire
SELECT q12_index(answers) FROM (VALUES ('{t,t,t,t,t,t,t,t,t,t,t}'::boolean[])) v(answers);
SELECT q12_index(answers) FROM (VALUES ('{t,t,t,t,t,t,t,t,t,t,t,t,t}'::boolean[])) v(answers);
SELECT q12_index(answers) FROM (VALUES ('{}'::boolean[])) v(answers);
SELECT q12_index(answers) FROM (VALUES ('{{t,t,t,t},{t,t,t,t},{t,t,t,t}}'::boolean[])) v(answers);
-- arrays stored in a table, read in place behind their short header
CREATE TABLE q12_wide (dept text, answers boolean[]);
INSERT INTO q12_wide VALUES ('a', '{t,t,t,f,f,f,NULL,NULL,t,t,t,t}'), ('a', '{t,t,t,t,t,t,t,t,t,t,t,t}');
SELECT q12_index(answers) AS stored_19_of_22 FROM q12_wide;
SELECT q12_index(answers) = 100 * 19 / 22::float8 AS stored_exact FROM q12_wide;

-- engagement_index: each mean over its own non-NULL values
SELECT engagement_index(w, m, e) AS means_20_10_5
FROM (VALUES (10, NULL, 5), (30, 10, NULL), (NULL, NULL, NULL)) v(w, m, e);
SELECT engagement_index(w, m, e) IS NULL AS one_indicator_empty
FROM (VALUES (10, NULL::float8, 5), (30, NULL, 6)) v(w, m, e);
SELECT engagement_index(w, m, e) IS NULL AS empty
FROM (VALUES (1, 1, 1)) v(w, m, e) WHERE false;
SELECT engagement_index(work, management, events) AS fractional
FROM (VALUES (2.5::float8, 0.1::float8, 0.2::float8)) v(work, management, events);
SELECT engagement_index(w, m, e) FROM (VALUES (1, -1, 1)) v(w, m, e);
SELECT engagement_index(w, m, e) FROM (VALUES (1, 1, 'NaN'::float8)) v(w, m, e);
SELECT engagement_index(w, m, e) FROM (VALUES ('Infinity'::float8, 1, 1)) v(w, m, e);
SELECT engagement_index(w, m, e) FROM (VALUES (1e308, 1, 1), (1e308, 1, 1)) v(w, m, e);
-- each mean fits, their sum does not: ERROR 22003, never Infinity
SELECT engagement_index(w, m, e) FROM (VALUES (1e308, 1e308, 1e308)) v(w, m, e);

-- cross-check against plain SQL over deterministic random respondents
SELECT setseed(0.17);
CREATE TABLE rand_survey AS
    SELECT r AS respondent, r % 7 AS dept,
           ARRAY(SELECT CASE WHEN random() < 0.05 THEN NULL ELSE random() < 0.7 END
                 FROM generate_series(1, 12) q WHERE r > 0) AS answers,
           CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 40)::numeric, 2)::float8 END AS work,
           CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 30)::numeric, 2)::float8 END AS management,
           CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 30)::numeric, 2)::float8 END AS events
    FROM generate_series(1, 3000) r;
CREATE TABLE rand_answers AS
    SELECT respondent, dept, a.answer
    FROM rand_survey, unnest(answers) AS a(answer);

SELECT bool_and(agree(wide, plain_wide, 1e-12)) AS wide_ok,
       bool_and(agree(wide, long::numeric, 1e-12)) AS wide_equals_long,
       bool_and(agree(idx, plain_idx, 1e-12)) AS index_ok,
       count(*) AS groups
FROM (
    SELECT s.dept, s.wide, s.plain_wide, l.long, s.idx, s.plain_idx
    FROM (SELECT dept,
                 q12_index(answers) AS wide,
                 100.0 * sum(cardinality(array_positions(answers, true)))
                     / nullif(sum(cardinality(array_remove(answers, NULL))), 0) AS plain_wide,
                 engagement_index(work, management, events) AS idx,
                 avg(work::numeric) + avg(management::numeric) + avg(events::numeric) AS plain_idx
          FROM rand_survey GROUP BY dept) s
    JOIN (SELECT dept, q12_index(answer) AS long FROM rand_answers GROUP BY dept) l USING (dept)
) r;
SELECT agree(q12_index(answer), 100.0 * count(*) FILTER (WHERE answer) / count(answer), 1e-12) AS long_ok
FROM rand_answers;
