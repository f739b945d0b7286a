-- SMM scalar functions, and the rules every function keeps: NULL, zero
-- denominator, negative arguments, overflow, NaN

-- engagement volume: a plain sum, bigint
SELECT engagement_volume(120, 14, 6) AS volume_140;
SELECT engagement_volume(likes => 1, comments => 2, shares => 3) AS named_6;
SELECT engagement_volume(NULL, 1, 1) IS NULL AS null_is_null;
SELECT engagement_volume(9223372036854775807, 0, 0) AS bigint_max;
-- overflow: the sum does not fit in bigint
SELECT engagement_volume(9223372036854775807, 1, 0);
SELECT engagement_volume(4611686018427387904, 4611686018427387904, 0);
-- negative
SELECT engagement_volume(1, -2, 3);

-- every two-count percent rate: typical value, named notation
SELECT er_reach(12, 480) AS err_2_5,
       er_reach(engagements => 12, reach => 480) AS named,
       er_view(30, 1200) AS er_view_2_5,
       er_post(7, 350) AS er_post_2,
       er_day(50, 1000) AS er_day_5,
       er_unique(engaged_users => 45, followers => 900) AS er_unique_5,
       love_rate(likes => 90, followers => 1000) AS love_9,
       talk_rate(comments => 3, followers => 1000) AS talk_0_3,
       amplification_rate(shares => 9, posts => 4) AS ampl_225,
       follower_growth(new_followers => 25, followers => 1000) AS growth_2_5,
       ctr(clicks => 37, impressions => 1000) AS ctr_3_7,
       response_rate(answers => 18, questions => 24) AS response_75;

-- results are percent, never rounded, and may exceed 100
SELECT er_reach(1, 3) AS one_third, er_reach(2, 3) AS two_thirds,
       er_post(450, 300) AS over_100;
-- correctly rounded: exactly 100 * 1 / 3 in double precision
SELECT er_reach(1, 3) = 100::float8 / 3 AS correctly_rounded;
-- integer and smallint arguments have overloads of their own (sql/overloads.sql)
SELECT er_reach(12::int, 480::int) AS from_int, er_reach(12::smallint, 480::smallint) AS from_smallint;

-- NULL in either position gives NULL
SELECT er_reach(NULL, 10) IS NULL AS null_num, er_reach(10, NULL) IS NULL AS null_den,
       love_rate(NULL::bigint, NULL) IS NULL AS both_null;

-- zero denominator gives NULL, 0/0 too; a zero numerator is a real 0
SELECT er_reach(5, 0) IS NULL AS zero_reach, er_view(0, 0) IS NULL AS zero_by_zero,
       ctr(0, 1000) AS zero_clicks, amplification_rate(3, 0) IS NULL AS zero_posts;

-- a negative count is an error naming the argument
SELECT er_reach(-1, 10);
SELECT er_reach(1, -10);
SELECT love_rate(5, -1);
SELECT ctr(-3, 100);
SELECT response_rate(1, -1);
SELECT er_unique(-1, 100);

-- bigint extremes: exact before the final rounding
SELECT er_reach(9223372036854775807, 9223372036854775807) AS max_by_max_100,
       er_reach(9223372036854775807, 1) AS max_by_one;

-- follower growth, net form: may be negative
SELECT follower_growth(30, 10, 1000) AS net_2,
       follower_growth(10, 30, 1000) AS net_minus_2,
       follower_growth(new_followers => 5, unfollowers => 5, followers => 50) AS net_0,
       follower_growth(1, 1, 0) IS NULL AS zero_followers;
SELECT follower_growth(1, -1, 10);
SELECT follower_growth(0, 9223372036854775807, 1) AS most_negative;

-- response-time change: 100 * (previous / current - 1), positive is faster
SELECT response_time_change(interval '2 hours', interval '1 hour') AS twice_as_fast_100,
       response_time_change(interval '30 minutes', interval '1 hour') AS slower_minus_50,
       response_time_change(previous => interval '90 seconds', current => interval '1 minute') AS faster_50,
       response_time_change(interval '1 hour', interval '0') IS NULL AS zero_current,
       response_time_change(interval '0', interval '1 hour') AS from_zero_minus_100;
-- intervals count as EXTRACT(epoch) does: a month is 30 days, a year 365.25
SELECT response_time_change(interval '1 mon', interval '30 days') AS month_is_30_days,
       response_time_change(interval '1 year', interval '365 days 6 hours') AS year_is_365_25;
SELECT response_time_change(interval '-1 hour', interval '1 hour');
SELECT response_time_change(interval '1 hour', interval '1 day -25 hours');
-- seconds overload
SELECT response_time_change(120, 60) AS seconds_100,
       response_time_change(previous => 45.5, current => 91) AS seconds_minus_50,
       response_time_change(10, 0) IS NULL AS zero_seconds;
SELECT response_time_change('NaN'::float8, 1);
SELECT response_time_change(1, 'Infinity'::float8);
SELECT response_time_change(1, '-Infinity'::float8);
SELECT response_time_change(-1, 1);
-- a change beyond the double range is an error, never Infinity; a huge
-- current time gives -100 although 100 * (previous - current) overflows
SELECT response_time_change(1e308, 1e-308);
SELECT response_time_change(50, 1e308) AS minus_100;

-- money: numeric in, numeric out, as SQL's own division
SELECT cpc(10, 4) AS cpc_2_5, cpc(10, 3) AS cpc_third, cpc(10, 3) = 10::numeric / 3 AS same_as_sql,
       cpl(spend => 1500.00, leads => 12) AS cpl_125,
       cost_per_engagement(spend => 250, engagements => 1000) AS cpe_0_25,
       cost_per_follower(spend => 99.99, new_followers => 3) AS cpf_33_33;
SELECT cpc(10, 0) IS NULL AS zero_clicks, cpl(0, 0) IS NULL AS zero_by_zero,
       cpc(0, 5) AS free_clicks, cpc(NULL, 5) IS NULL AS null_spend;
SELECT cpc(-0.01, 5);
SELECT cpl(10, -5);
SELECT cost_per_engagement('NaN', 5);
SELECT cost_per_follower('Infinity', 5);
SELECT cpc(1e30, 1) AS large_spend;
