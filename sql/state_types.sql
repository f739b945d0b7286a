-- Aggregate state types: text and binary forms, combine functions

-- text forms round-trip exactly
SELECT '(85,1500)'::engagement_ratio_state AS ratio,
       ' ( 85 , 1500 ) '::engagement_ratio_state AS spaces_allowed,
       '(3,15.000000000000002,-8.881784197001252e-16)'::engagement_mean_state AS mean,
       '(2,20,0,1,10,0,0,0,0)'::engagement_index_state AS index;
SELECT '(1329227995784915872903807060280344576,0)'::engagement_ratio_state AS sum_limit_2_120;

-- a state is what the aggregate built: the transition functions, by hand
SELECT er_reach_transfn('(0,0)', 40, 8, 2, 1000) AS one_post,
       er_reach_transfn(er_reach_transfn('(0,0)', 40, 8, 2, 1000), 20, 4, 1, 500) AS two_posts,
       er_reach_transfn('(7,9)', NULL, 1, 1, 1) AS null_row_skipped,
       ratio_percent_finalfn('(85,1500)') = er_reach(85, 1500) AS final_is_the_rate,
       ratio_percent_finalfn('(5,0)') IS NULL AS zero_den_null;
-- a direct call never changes its argument
WITH s AS (SELECT '(1,2)'::engagement_ratio_state AS st)
SELECT er_reach_transfn(st, 1, 1, 1, 1) AS updated, st AS untouched FROM s;
SELECT post_rate_transfn('(0,0,0)', 1, 0, 0, 3) AS third,
       post_rate_transfn(post_rate_transfn('(0,0,0)', 1, 0, 0, 3), 1, 0, 0, 3) AS two_thirds,
       post_rate_transfn('(0,0,0)', 1, 0, 0, 0) AS zero_followers_skipped;
SELECT engagement_index_transfn('(0,0,0,0,0,0,0,0,0)', 20, NULL, 8) AS one_row;

-- combine functions, either side empty or NULL
SELECT ratio_state_combine('(1,2)', '(30,40)') AS both,
       ratio_state_combine(NULL, '(30,40)') AS left_null,
       ratio_state_combine('(1,2)', NULL) AS right_null,
       ratio_state_combine(NULL, NULL) IS NULL AS both_null,
       ratio_state_combine('(0,0)', '(30,40)') AS left_empty;
SELECT mean_state_combine('(1,33.333333333333336,0)', '(2,66.66666666666667,0)') AS three_posts,
       mean_state_combine('(0,0,0)', '(2,5,0)') AS left_empty,
       mean_state_combine('(2,5,0)', NULL) AS right_null;
SELECT index_state_combine('(1,20,0,0,0,0,1,8,0)', '(1,30,0,2,26,0,0,0,0)') AS combined;
-- combining past the sum limit is an error, never a wrap
SELECT ratio_state_combine('(1329227995784915872903807060280344576,0)', '(1,0)');

-- malformed text: 22P02, never a crash
SELECT input, input_sqlstate(input, 'engagement_ratio_state') AS ratio_state
FROM (VALUES (''), ('('), ('()'), ('(1)'), ('(1,2'), ('1,2)'), ('(1,2,3)'), ('(1,2)x'),
             ('(-1,2)'), ('(1,-2)'), ('(1.5,2)'), ('(a,b)'), ('(1 2,3)'),
             ('(1329227995784915872903807060280344577,0)'),
             ('(99999999999999999999999999999999999999999999,0)'), ('(1,2)'), ('( 1 , 2 )')) v(input);
SELECT input, input_sqlstate(input, 'engagement_mean_state') AS mean_state
FROM (VALUES ('(1,2,0)'), ('(1,2)'), ('(1,NaN,0)'), ('(1,Infinity,0)'), ('(1,1e400,0)'),
             ('(1,-2,0)'), ('(-1,2,0)'), ('(0,1,0)'), ('(0,0,1e-3)'), ('(1,2,0x10)'),
             ('(1,1e,0)'), ('(1,--1,0)'), ('(1,1.5e-320,0)'),
             ('(9223372036854775808,1,0)'), ('(9223372036854775807,1,0)')) v(input);
SELECT input, input_sqlstate(input, 'engagement_index_state') AS index_state
FROM (VALUES ('(0,0,0,0,0,0,0,0,0)'), ('(0,0,0,0,0,0,0,0)'), ('(0,0,0,0,0,0,0,0,0,0)'),
             ('(1,2,0,1,2,0,1,2,-5)'), ('(1,2,0,1,2,0,1,-2,0)')) v(input);

-- states are storable and round-trip through text
CREATE TABLE stored_states (n int PRIMARY KEY, r engagement_ratio_state, m engagement_mean_state,
                            i engagement_index_state);
INSERT INTO stored_states
    SELECT g, er_reach_transfn('(0,0)', g, g % 7, g % 3, 10 * g),
           post_rate_transfn('(0,0,0)', g, 1, 0, 3 * g + 1),
           engagement_index_transfn('(0,0,0,0,0,0,0,0,0)', g / 7.0, g / 3.0, NULL)
    FROM generate_series(1, 200) g;
SELECT bool_and(agree(r::text::engagement_ratio_state::text, r::text)) AS ratio_text,
       bool_and(agree(m::text::engagement_mean_state::text, m::text)) AS mean_text,
       bool_and(agree(i::text::engagement_index_state::text, i::text)) AS index_text
FROM stored_states;

-- binary send/receive round-trips: COPY BINARY out (by psql) and back in (by the server)
\getenv abs_builddir PG_ABS_BUILDDIR
\set state_file :abs_builddir '/results/stored_states.bin'
COPY stored_states TO STDOUT (FORMAT binary) \g :state_file
CREATE TABLE reread_states (LIKE stored_states);
COPY reread_states FROM :'state_file' (FORMAT binary);
SELECT count(*) AS rows,
       bool_and(agree(a.r::text, b.r::text) AND agree(a.m::text, b.m::text)
                AND agree(a.i::text, b.i::text)) AS identical
FROM stored_states a JOIN reread_states b USING (n);
SELECT engagement_ratio_state_send('(1,2)') AS ratio_bytes;
SELECT engagement_mean_state_send('(1,0.5,0)') AS mean_bytes;
