-- follower_growth(at, followers): growth over a series of follower counts,
-- 100 * (count at the latest time - count at the earliest) / earliest count

-- one account's daily counts in November, shuffled: 1000 on the 1st,
-- 1150 on the 30th, anything in between
CREATE TABLE account_daily (account text, day date, followers bigint);
INSERT INTO account_daily
SELECT 'a', d::date, CASE WHEN d = '2026-11-01' THEN 1000 WHEN d = '2026-11-30' THEN 1150
                          ELSE 900 + (extract(day FROM d)::int * 37) % 400 END
FROM generate_series('2026-11-01'::date, '2026-11-30', '1 day') d
ORDER BY md5(d::text);
-- account b loses followers: 800 on Nov 3, 600 on Nov 28, NULLs around
INSERT INTO account_daily VALUES ('b', '2026-11-03', 800), ('b', '2026-11-10', 900),
    ('b', '2026-11-28', 600), ('b', '2026-11-01', NULL), ('b', NULL, 5), ('b', '2026-11-29', NULL);

-- 100 * (1150 - 1000) / 1000 = 15; 100 * (600 - 800) / 800 = -25
SELECT account, follower_growth(day, followers) AS growth, count(*) AS rows
FROM account_daily GROUP BY account ORDER BY account;
SELECT agree(follower_growth(day, followers), 15) AS growth_15_by_date,
       agree(follower_growth(day::timestamp, followers), 15) AS by_timestamp,
       agree(follower_growth(day + time '23:59', followers::int), 15) AS by_int_count
FROM account_daily WHERE account = 'a';
-- the order of the rows does not matter
SELECT agree(follower_growth(day, followers ORDER BY followers), 15) AS ordered_by_count,
       agree(follower_growth(day, followers ORDER BY day DESC), 15) AS ordered_backwards
FROM account_daily WHERE account = 'a';
-- monthly growth per account, as a report writes it
SELECT account, date_trunc('month', day)::date AS month, follower_growth(day, followers)
FROM account_daily WHERE day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;

-- edge cases
SELECT follower_growth(day, followers) IS NULL AS no_rows
FROM account_daily WHERE false;
SELECT follower_growth(day, followers) IS NULL AS only_nulls
FROM (VALUES (NULL::date, 5::bigint), ('2026-11-01', NULL)) v(day, followers);
SELECT agree(follower_growth(day, followers), 0) AS one_row_is_0
FROM (VALUES ('2026-11-01'::date, 500::bigint)) v(day, followers);
SELECT follower_growth(day, followers) IS NULL AS first_count_0
FROM (VALUES ('2026-11-01'::date, 0::bigint), ('2026-11-02', 50)) v(day, followers);
SELECT agree(follower_growth(day, followers), -100) AS down_to_0
FROM (VALUES ('2026-11-01'::date, 40::bigint), ('2026-11-02', 0)) v(day, followers);
SELECT agree(follower_growth(day, followers), 1e11) AS from_1_to_1e9
FROM (VALUES ('2026-11-01'::date, 1::bigint), ('2026-11-02', 1000000001)) v(day, followers);
-- correctly rounded: 100 * (4 - 3) / 3
SELECT follower_growth(day, followers) = 100::float8 / 3 AS one_third
FROM (VALUES ('2026-11-01'::date, 3::bigint), ('2026-11-09', 4)) v(day, followers);
-- the extremes of bigint: the difference is exact
SELECT agree(follower_growth(day, followers), 100 * (9223372036854775807 - 1)::float8) AS bigint_max
FROM (VALUES ('2026-11-01'::date, 1::bigint), ('2026-11-02', 9223372036854775807)) v(day, followers);
-- two rows at the same earliest or latest time: the same count is one count
SELECT agree(follower_growth(day, followers), 10) AS repeated_ends
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('2026-11-01', 100), ('2026-11-05', 110),
             ('2026-11-05', 110)) v(day, followers);
-- different counts at a time in between, or at a time that stops being an end
SELECT agree(follower_growth(day, followers), 20) AS conflict_inside_is_fine
FROM (VALUES ('2026-11-02'::date, 100::bigint), ('2026-11-02', 130), ('2026-11-01', 100),
             ('2026-11-05', 120)) v(day, followers);
-- different counts at the earliest or the latest time: 22023
SELECT follower_growth(day, followers)
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('2026-11-01', 101), ('2026-11-05', 120)) v(day, followers);
SELECT follower_growth(day, followers)
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('2026-11-05', 120), ('2026-11-05', 119)) v(day, followers);
SELECT follower_growth(day, followers)
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('2026-11-01', 90)) v(day, followers);
-- negative followers, an infinite time: 22023
SELECT follower_growth(day, followers)
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('2026-11-02', -1)) v(day, followers);
SELECT follower_growth(day, followers)
FROM (VALUES ('2026-11-01'::date, 100::bigint), ('infinity', 3)) v(day, followers);

-- the state: text form, its invariant (22P02), binary form
CREATE TABLE many_accounts_seed AS
SELECT a AS account, '1990-01-01'::date + a * 400 AS day, a * 1000 AS followers
FROM generate_series(0, 60) a;
SELECT follower_growth_transfn(follower_growth_transfn('v2(0,0,0,0,0,0,0)', '2000-01-01 00:00:01+00', 7),
                               '2000-01-01+00', 5) AS two_rows;
SELECT follower_growth_combine('v2(1,0,5,5,0,5,5)', 'v2(1,0,6,6,0,6,6)') AS same_time_two_counts;
SELECT follower_growth_finalfn('v2(3,0,5,5,86400000000,6,6)') AS growth_20;
SELECT s::text AS state, input_sqlstate(s, 'follower_growth_state') AS sqlstate FROM (VALUES
    ('v2(0,0,0,0,0,0,0)'), ('v2(2, -86400000000, 5, 5, 0, 6, 6)'),
    ('v2(0,1,0,0,0,0,0)'),                   -- no rows, but a time
    ('v2(1,0,5,5,1,5,5)'),                   -- one row, two times
    ('v2(2,1,5,5,0,5,5)'),                   -- first after last
    ('v2(1,0,6,5,0,6,5)'),                   -- min above max
    ('v2(1,0,5,6,0,5,6)'),                   -- two counts from one row
    ('v2(2,0,5,5,0,6,6)'),                   -- one time, two sets of counts
    ('v2(-1,0,0,0,0,0,0)'), ('v2(1,0,-5,5,0,-5,5)'),
    ('v2(1,9223372036854775807,5,5,9223372036854775807,5,5)'),   -- infinity
    ('(1,0,5,5,0,5,5)'), ('v3(1,0,5,5,0,5,5)'), ('v2(1,0,5,5,0,5)'), ('v2(1,0,5,5,0,5,5,1)')
) v(s);
SELECT follower_growth_state_send('v2(5,-86400000000,5,7,86400000000,9,9)') AS binary_form;
-- binary round trip: COPY BINARY out (by psql) and back in (by the server)
CREATE TABLE stored_growth AS
SELECT account, follower_growth_transfn(follower_growth_transfn(NULL, day, followers),
                                        day + 1, followers + account) AS s
FROM many_accounts_seed;
\getenv abs_builddir PG_ABS_BUILDDIR
\set growth_file :abs_builddir '/results/stored_growth.bin'
COPY stored_growth TO STDOUT (FORMAT binary) \g :growth_file
CREATE TABLE reread_growth (LIKE stored_growth);
COPY reread_growth FROM :'growth_file' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text = b.s::text) AS identical
FROM stored_growth a JOIN reread_growth b USING (account);

-- parallel plans give the serial result
CREATE TABLE many_accounts AS
SELECT a AS account, '2026-01-01'::date + d AS day, 1000 + a * 10 + (d * 7919 + a) % 500 AS followers
FROM generate_series(1, 40) a, generate_series(0, 729) d;
ANALYZE many_accounts;
-- per account, and over all accounts with the account as minutes past
-- midnight, so that every time is one account's
CREATE VIEW growth_query AS
SELECT account, follower_growth(day, followers) AS g FROM many_accounts GROUP BY account
UNION ALL
SELECT NULL, follower_growth(day + account * interval '1 minute', followers) FROM many_accounts;
CREATE TABLE growth_serial AS SELECT * FROM growth_query;
SELECT parallel_plans(true);
EXPLAIN (COSTS OFF) SELECT * FROM growth_query;
CREATE TABLE growth_parallel AS SELECT * FROM growth_query;
SELECT parallel_plans(false);
SELECT count(*) AS groups, count(*) FILTER (WHERE agree(s.g, p.g)) AS equal,
       -- first: account 1 on day 0, 1000 + 10 + 1; last: account 40 on day 729
       agree(max(s.g) FILTER (WHERE s.account IS NULL), 100 * (1000 + 400 + (729 * 7919 + 40) % 500 - 1011)::float8 / 1011)
           AS all_accounts_hand_computed
FROM growth_serial s JOIN growth_parallel p ON s.account IS NOT DISTINCT FROM p.account;

-- a moving window: every value equals the aggregate over its frame alone;
-- rows leave the frame at its start, so PostgreSQL recomputes the frame
-- (the inverse returns NULL for a row at either end)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE agree(m.g, (SELECT follower_growth(p.day, p.followers) FROM many_accounts p
                                          WHERE p.account = m.account
                                            AND p.day BETWEEN m.day - 29 AND m.day))) AS equal
FROM (SELECT account, day, follower_growth(day, followers)
                             OVER (PARTITION BY account ORDER BY day
                                   RANGE BETWEEN '29 days' PRECEDING AND CURRENT ROW) AS g
      FROM many_accounts WHERE account <= 3) m;
-- an inner row taken back keeps the ends; an end gives NULL
SELECT follower_growth_inv_transfn('v2(3,0,5,5,172800000000,9,9)', '2000-01-02+00', 7) AS inner_row,
       follower_growth_inv_transfn('v2(3,0,5,5,172800000000,9,9)', '2000-01-01+00', 5) IS NULL AS first_row,
       follower_growth_inv_transfn('v2(3,0,5,5,172800000000,9,9)', '2000-01-03+00', 9) IS NULL AS last_row;
SELECT follower_growth_inv_transfn('v2(2,0,5,5,172800000000,9,9)', '2000-01-02+00', 7);
SELECT follower_growth_inv_transfn('v2(2,0,5,5,172800000000,9,9)', '2000-01-05+00', 7);
