-- Overload resolution: which function a call reaches, for every mix of
-- smallint, integer, bigint and numeric arguments and for literals; the
-- mixed-width SMM aggregates give the bigint form's results

CREATE TABLE widths (s smallint, i integer, b bigint, n numeric);

-- resolves_to(call): the extension's function that a view over the call
-- depends on, or the SQLSTATE if the call does not resolve;
-- casts_in(call): the casts PostgreSQL added to the call, as the view's
-- definition shows them
CREATE FUNCTION call_resolution(call text, OUT target text, OUT casts text) LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TEMP VIEW resolution AS SELECT %s FROM widths', call);
    SELECT string_agg(d.refobjid::regprocedure::text, ' + ')
    INTO target
    FROM pg_depend d JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
    WHERE w.ev_class = 'resolution'::regclass AND d.refclassid = 'pg_proc'::regclass;
    SELECT coalesce(string_agg(m[1] || '::' || m[2], ', '), '') INTO casts
    FROM regexp_matches(pg_get_viewdef('resolution'), '\(?(\w+)\)?::(\w+(?: \w+)*)', 'g') m;
    DROP VIEW resolution;
EXCEPTION WHEN others THEN
    target := SQLSTATE;
    casts := SQLSTATE;
END $$;
CREATE FUNCTION resolves_to(call text) RETURNS text LANGUAGE sql
    RETURN (call_resolution(call)).target;
CREATE FUNCTION casts_in(call text) RETURNS text LANGUAGE sql
    RETURN (call_resolution(call)).casts;

-- the calls analysts write, where they go, and the casts they cost
SELECT call, resolves_to(call), casts_in(call) FROM (VALUES
    ('er_reach(s, s)'), ('er_reach(i, i)'), ('er_reach(b, b)'), ('er_reach(n, n)'),
    ('er_reach(i, b)'), ('er_reach(b, i)'), ('er_reach(s, i)'), ('er_reach(i, n)'), ('er_reach(n, b)'),
    ('er_reach(sum(b), sum(b))'),           -- sum(bigint) is numeric
    ('er_reach(sum(i), sum(i))'),           -- sum(integer) is bigint
    ('er_reach(count(*), count(*))'),
    ('er_reach(5, 200)'), ('er_reach(2.5, 200)'), ('er_reach(5, 200.0)'),
    ('er_reach(5000000000, 1)'), ('er_reach(NULL, 200)'), ('er_reach(engagements => 5, reach => 2.5)'),
    ('er_reach(NULL, NULL)'),               -- untyped: the text form, NULL
    ('cpc(12.50, i)'), ('cpc(12.50, b)'), ('cpc(sum(n), sum(b))'), ('cpc(s, s)'),
    ('follower_growth(i, b)'), ('follower_growth(i, i, i)'),
    ('follower_growth(now(), b)'), ('follower_growth(current_date, i)'),
    ('er_reach(i, i, i, b)'), ('er_reach(b, b, b, i)'), ('er_post(i, i, i, b)'), ('er_day(s, s, s, b)'),
    ('er_view(i, s, i, b)'), ('er_reach(s, s, s, s)'), ('er_reach(b, b, b, b)'),
    ('engagement_volume(i, i, i)')
) c(call);

-- every two-argument rate and cost, every pair of argument types: the
-- overload of the wider type, never ambiguous, no cast when both agree
WITH types(t, rank, col) AS (VALUES ('smallint', 1, 's'), ('integer', 2, 'i'), ('bigint', 3, 'b'),
                                   ('numeric', 4, 'n')),
funcs(f, cost) AS (VALUES ('er_reach', false), ('er_view', false), ('er_post', false), ('er_day', false),
                          ('er_unique', false), ('love_rate', false), ('talk_rate', false),
                          ('amplification_rate', false), ('follower_growth', false), ('ctr', false),
                          ('response_rate', false), ('cpc', true), ('cpl', true),
                          ('cost_per_engagement', true), ('cost_per_follower', true)),
calls AS (
    SELECT format('%s(%s, %s)', f, a.col, b.col) AS call,
           format('%s(%s,%s)', f, CASE WHEN cost THEN 'numeric' ELSE w.t END,
                  CASE WHEN cost THEN b.t ELSE w.t END) AS expected,
           a.t = b.t OR cost AS cast_free
    FROM funcs, types a, types b, types w
    WHERE w.rank = CASE WHEN cost THEN 4 ELSE greatest(a.rank, b.rank) END
      AND (NOT cost OR a.t = 'numeric')
)
SELECT count(*) AS calls,
       count(*) FILTER (WHERE resolves_to(call) IS DISTINCT FROM expected) AS elsewhere,
       count(*) FILTER (WHERE cast_free AND casts_in(call) <> '') AS cast_where_none_needed
FROM calls;

-- every mix of widths in the four-argument aggregates (3^4 = 81 each): the
-- overload whose counts are of the widest count type and whose audience is
-- the audience's own type; a cast only for counts narrower than the widest
WITH types(t, rank, col) AS (VALUES ('smallint', 1, 's'), ('integer', 2, 'i'), ('bigint', 3, 'b')),
aggs(f) AS (VALUES ('er_reach'), ('er_view'), ('er_post'), ('er_day')),
calls AS (
    SELECT format('%s(%s, %s, %s, %s)', f, l.col, c.col, s.col, a.col) AS call,
           format('%s(%s,%s,%s,%s)', f, w.t, w.t, w.t, a.t) AS expected,
           l.t = w.t AND c.t = w.t AND s.t = w.t AS cast_free
    FROM aggs, types l, types c, types s, types a, types w
    WHERE w.rank = greatest(l.rank, c.rank, s.rank)
)
SELECT count(*) AS calls,
       count(*) FILTER (WHERE resolves_to(call) IS DISTINCT FROM expected) AS elsewhere,
       count(*) FILTER (WHERE cast_free AND casts_in(call) <> '') AS cast_where_none_needed,
       count(*) FILTER (WHERE NOT cast_free AND casts_in(call) = '') AS cast_missing
FROM calls;

-- the same values in every width give identical results, as an aggregate
-- and as a moving window, in each of the nine overloads of each aggregate
CREATE TABLE mixed_posts AS
SELECT g AS id, (g * 37 % 1000)::smallint AS l, (g * 11 % 90)::smallint AS c, (g % 7)::smallint AS s,
       (500 + g * 53 % 30000)::smallint AS a
FROM generate_series(1, 2000) g;
UPDATE mixed_posts SET a = 0 WHERE id % 97 = 0;        -- posts with no audience
UPDATE mixed_posts SET l = NULL WHERE id % 101 = 0;    -- and rows with a NULL

CREATE FUNCTION widths_result(f text, counts regtype, audience regtype) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    EXECUTE format('SELECT %1$s(l::%2$s, c::%2$s, s::%2$s, a::%3$s)::text || '' '' ||
                           (SELECT array_agg(w ORDER BY id)::text FROM
                              (SELECT id, %1$s(l::%2$s, c::%2$s, s::%2$s, a::%3$s)
                                       OVER (ORDER BY id ROWS 9 PRECEDING) AS w FROM mixed_posts) m)
                    FROM mixed_posts', f, counts, audience) INTO result;
    RETURN result;
END $$;

WITH types(t) AS (VALUES ('smallint'), ('integer'), ('bigint')),
aggs(f) AS (VALUES ('er_reach'), ('er_view'), ('er_post'), ('er_day'))
SELECT f, count(*) AS overloads,
       count(*) FILTER (WHERE widths_result(f, e.t::regtype, a.t::regtype)
                              IS NOT DISTINCT FROM widths_result(f, 'bigint', 'bigint')) AS equal_to_bigint,
       min(length(widths_result(f, e.t::regtype, a.t::regtype))) > 2000 AS has_values
FROM aggs, types e, types a
GROUP BY f ORDER BY f;

-- a negative count is reported by name whatever the width
INSERT INTO widths VALUES (1, 1, 1, 1);
SELECT er_reach(i, -i, i, b) FROM widths;
SELECT er_reach(i, i, i, -b) FROM widths;
SELECT er_post(b, b, -b, i) FROM widths;
SELECT er_view(s, s, s, (-i)::smallint) FROM widths;

-- the numeric forms: the formula on fractional counts, NULL for a zero
-- denominator, 22023 naming the argument for negative, NaN or infinite
SELECT er_reach(2.5, 200) AS err_1_25, ctr(0.5, 8) AS ctr_6_25, er_view(0.0, 5) AS zero,
       er_reach(3, 0.0) IS NULL AS zero_reach, love_rate(0.0, 0) IS NULL AS zero_by_zero,
       er_reach(sum(b), sum(b * 40)) AS err_of_sums_2_5 FROM widths;
SELECT er_reach(-0.5, 10);
SELECT er_reach(1, -0.001);
SELECT ctr('NaN'::numeric, 10);
SELECT response_rate(1, 'Infinity'::numeric);
SELECT talk_rate('-Infinity'::numeric, 1);
-- a quotient beyond the range of double precision, or too small for it: 22003
SELECT er_reach(1e300, 1e-300);
SELECT er_reach(1e-300, 1e300);

-- whole numbers give the bigint form's result, bit for bit, up to 2^63 - 1
SELECT n, d, er_reach(n::numeric, d::numeric) = er_reach(n, d) AS same_as_bigint
FROM (VALUES (1::bigint, 3::bigint), (2, 3), (12, 480), (9223372036854775807, 9223372036854775807),
             (9223372036854775807, 1), (1, 9223372036854775807), (9007199254740993, 3),
             (4611686018427387904, 6917529027641081856)) v(n, d);

-- otherwise within 1 ulp of the exact quotient; for these values the
-- correctly rounded one, which float8 input reads from the quotient
-- computed in numeric to 400 decimals (a dividend of scale 400 keeps them):
-- sums past 2^63 (sum(bigint)), fractions, tiny and huge values
SELECT what, er_reach(n, d) = (round(100 * n, 400) / d)::text::float8 AS correctly_rounded
FROM (VALUES ('sum past 2^63', 92233720368547758070::numeric, 3::numeric),
             ('sum past 2^128', 340282366920938463463374607431768211457, 3),
             ('one in 3 + 1e-21', 1, 3.000000000000000000001),
             ('0.1 in 0.3', 0.1, 0.3), ('2.5 in 7', 2.5, 7),
             ('fractions', 123456789.123456789, 987654321.987654321),
             ('tiny', 1e-200, 7e100), ('huge', 7e150, 3e-140)) v(what, n, d);

-- both below 10^-40: the quotient is in range, and exact
SELECT er_reach(1e-400::numeric, 1e-398::numeric) AS one, ctr(3e-700, 4e-699) AS seven_and_a_half,
       er_reach(1e-45, 3e-45) = 100.0 / 3 AS third, love_rate(2e-50, 3e-50::numeric) = 200.0 / 3 AS two_thirds;

-- money: the numeric count as a division written in SQL would give it
SELECT cpc(12.50, 5.0) AS cpc_2_5, cpl(100, 8::smallint) AS cpl_12_5,
       cost_per_engagement(sum(n * 10), sum(b * 4)) AS per_engagement_2_5,
       cost_per_follower(10, 0.0) IS NULL AS zero_followers FROM widths;
SELECT cpc(1, -1.5);
SELECT cpl(-1, 'NaN'::numeric);
SELECT cost_per_follower(1, 'Infinity'::numeric);

-- untyped arguments: a parameter that a client driver sends without a type
-- (PREPARE without types) and a quoted literal have no type; every
-- two-argument rate and cost resolves to its text form and gives the
-- bigint form's result for whole numbers (12 of 400, and 2^53 + 1 of 3,
-- which a double could not hold)
CREATE FUNCTION untyped_call(f text, a text, b text, OUT parameter_types regtype[], OUT same_as_bigint boolean)
    LANGUAGE plpgsql AS $$
DECLARE
    spend text := CASE WHEN f IN ('cpc', 'cpl', 'cost_per_engagement', 'cost_per_follower') THEN '12.5' END;
BEGIN
    EXECUTE format('PREPARE untyped AS SELECT %I($1, $2) AS r', f);
    SELECT p.parameter_types INTO parameter_types FROM pg_prepared_statements p WHERE p.name = 'untyped';
    EXECUTE format('CREATE TEMP TABLE untyped_result AS EXECUTE untyped(%L, %L)', coalesce(spend, a), b);
    EXECUTE format('SELECT r IS NOT DISTINCT FROM %I(%s, %s::bigint) FROM untyped_result', f,
                   coalesce(spend || '::numeric', a || '::bigint'), b)
        INTO same_as_bigint;
    DROP TABLE untyped_result;
    DEALLOCATE untyped;
END $$;
SELECT f, (untyped_call(f, '12', '400')).*, (untyped_call(f, '9007199254740993', '3')).same_as_bigint AS beyond_2_53,
       resolves_to(format('%s(%s, ''400'')', f, CASE WHEN f IN ('cpc', 'cpl', 'cost_per_engagement', 'cost_per_follower') THEN '12.5' ELSE '''12''' END)) AS quoted_literals
FROM (VALUES ('er_reach'), ('er_view'), ('er_post'), ('er_day'), ('er_unique'), ('love_rate'), ('talk_rate'),
             ('amplification_rate'), ('follower_growth'), ('ctr'), ('response_rate'),
             ('cpc'), ('cpl'), ('cost_per_engagement'), ('cost_per_follower')) v(f);
SELECT er_reach('12', '400') AS three, er_reach('2.5', '100') AS two_and_a_half, cpc('12.5', '5') AS two_and_a_half,
       er_reach(NULL, NULL) IS NULL AS null, ctr('0', '0') IS NULL AS zero_of_zero;
SELECT er_reach('12x', '400');
SELECT er_reach('-1', '400');
SELECT ctr('1', 'NaN');

-- the per-post aggregates likewise, their counts read as bigint (three
-- posts of 12 likes, 3 comments, 1 share and 400 of audience; 2^53 + 1
-- likes, which a double could not hold)
CREATE FUNCTION untyped_aggregate(f text, likes text, OUT parameter_types regtype[], OUT same_as_bigint boolean)
    LANGUAGE plpgsql AS $$
DECLARE
    one_argument boolean := f = 'amplification_rate';
BEGIN
    EXECUTE format('PREPARE untyped AS SELECT %I(%s) AS r FROM generate_series(1, 3)', f,
                   CASE WHEN one_argument THEN '$1' ELSE '$1, $2, $3, $4' END);
    SELECT p.parameter_types INTO parameter_types FROM pg_prepared_statements p WHERE p.name = 'untyped';
    EXECUTE format('CREATE TEMP TABLE untyped_result AS EXECUTE untyped(%s)',
                   CASE WHEN one_argument THEN quote_literal(likes) ELSE format('%L, ''3'', ''1'', ''400''', likes) END);
    EXECUTE format('SELECT r IS NOT DISTINCT FROM (SELECT %I(%s) FROM generate_series(1, 3)) FROM untyped_result', f,
                   CASE WHEN one_argument THEN likes || '::bigint'
                        ELSE likes || '::bigint, 3::bigint, 1::bigint, 400::bigint' END)
        INTO same_as_bigint;
    DROP TABLE untyped_result;
    DEALLOCATE untyped;
END $$;
SELECT f, (untyped_aggregate(f, '12')).*, (untyped_aggregate(f, '9007199254740993')).same_as_bigint AS beyond_2_53
FROM (VALUES ('er_reach'), ('er_view'), ('er_post'), ('er_day'), ('amplification_rate')) v(f);
SELECT er_reach('40', '8', '2', '1000') AS five, amplification_rate('3') AS three_hundred,
       er_post(NULL, NULL, NULL, NULL) IS NULL AS no_post
FROM generate_series(1, 1);
SELECT er_reach(l, '8', '2', r) AS five FROM (VALUES ('40', '1000'), ('40', '1000')) v(l, r);
SELECT er_reach('-1', '0', '0', '5');
SELECT er_view('1', '2', '3', '1e3') AS six_tenths;
SELECT er_view('1', '2', '3', '1.5');
