-- The precision of er_reach_interval on realistic data: 10 M posts with
-- counts up to 2^40, against the formula evaluated in numeric from the
-- residuals in a second pass; parallel against serial.
--   psql -d DB -f bench/interval_precision.sql   (a few minutes)
\set posts 10000000
SELECT setseed(0.7);
CREATE TEMP TABLE precision_posts AS
SELECT g % 8 AS account, floor(exp(random() * 27.7))::bigint AS e,
       floor(exp(random() * 27.7))::bigint + 1 AS r
FROM generate_series(1, :posts) g;
ANALYZE precision_posts;
SELECT max(e) < 2 ^ 40 AS counts_below_2_40, max(e) AS largest, count(*) AS posts FROM precision_posts;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE precision_formula AS
SELECT account, 100 * (rr - 1.959963984540054 * sqrt(s2 / n) / (sr / n)) AS lo,
       100 * (rr + 1.959963984540054 * sqrt(s2 / n) / (sr / n)) AS hi
FROM (SELECT b.account, sum((b.e - x.rr * b.r) ^ 2) / (x.n - 1) AS s2, x.rr, x.n, x.sr
      FROM precision_posts b
      JOIN (SELECT account, sum(e)::numeric / sum(r) AS rr, count(*) AS n, sum(r) AS sr
            FROM precision_posts GROUP BY account) x USING (account)
      GROUP BY b.account, x.rr, x.n, x.sr) t;
CREATE TEMP TABLE precision_serial AS
SELECT account, er_reach_interval(e, 0, 0, r) AS i FROM precision_posts GROUP BY account;
SELECT max(abs(lower(i) - f.lo::float8) / f.lo::float8) AS worst_lower_relative,
       max(abs(upper(i) - f.hi::float8) / f.hi::float8) AS worst_upper_relative,
       bool_and(abs(lower(i) - f.lo::float8) <= 1e-9 * f.lo::float8
                AND abs(upper(i) - f.hi::float8) <= 1e-9 * f.hi::float8) AS within_1e_9
FROM precision_serial JOIN precision_formula f USING (account);
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT max(abs(lower(p.i) - lower(s.i)) / lower(s.i)) AS parallel_lower_relative,
       max(abs(upper(p.i) - upper(s.i)) / upper(s.i)) AS parallel_upper_relative
FROM precision_serial s
JOIN (SELECT account, er_reach_interval(e, 0, 0, r) AS i FROM precision_posts GROUP BY account) p USING (account);
