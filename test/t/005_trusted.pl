# Trusted install and a hostile search_path.  A role with nothing but CREATE
# on a database installs the extension (it is trusted), updates it, and
# calls every function and aggregate.  Then, with hostile look-alikes of
# functions and operators in a schema ahead of the extension's and of
# pg_catalog in search_path, the extension is created, updated and every
# object run again: nothing hostile may ever be called.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('trusted');
$node->init;
$node->start;

$node->safe_psql('postgres', q{
CREATE ROLE app_owner LOGIN;
CREATE DATABASE app;
CREATE DATABASE app_hostile;
GRANT CREATE ON DATABASE app TO app_owner;
GRANT CREATE ON DATABASE app_hostile TO app_owner;
});
is($node->safe_psql('postgres', "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = 'app_owner'"),
	'f', 'app_owner has no special attributes');

# calls every function and aggregate of the extension with typical
# arguments, each fully qualified, under the session's search_path; its own
# bookkeeping runs under a safe one, so that only the extension's objects
# meet the hostile ones.  Reports how many ran and lists any that failed.
my $call_everything = q{
DO $$
DECLARE
    f record;
    typical jsonb := jsonb_build_object(
        'bigint', '1', 'integer', '1', 'smallint', '1', 'double precision', '50',
        'numeric', '10.5', 'interval', '''1 hour''', 'boolean', 'true',
        'boolean[]', '''{t,f,t,f,t,f,t,f,t,f,t,NULL}''',
        'engagement_ratio_state', '''(3,4)''', 'engagement_mean_state', '''(1,2,0)''',
        'engagement_index_state', '''(1,2,0,1,3,0,1,4,0)''',
        'engagement_stats', '''(1,1,3,3,4,3,5,1,1,1,2,0,1,3,0,1,4,0)''',
        'engagement_stats_1_1', '''(1,1,3,3,4,3,5,1,1,1,2,0,1,3,0,1,4,0)''',
        'timestamp with time zone', '''2026-11-01 00:00+00''',
        'follower_growth_state', '''v2(3,0,5,5,86400000000,6,6)''',
        'integer[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}''', 'smallint[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}''',
        'engagement_nps_state', '''v2(1,2,3)''',
        'engagement_drivers_state', '''v2(12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''',
        'engagement_interval_state', '''v2(0,0,0,0,0,0,0,0)''', 'percent_range', '''[1,2]''',
        'percent_range[]', '''{"[1,2]"}''', 'text', '''12''', 'text[]', '''{}''');
    args text;
    calls int := 0;
    failed text := '';
    session_path text := current_setting('search_path');
BEGIN
    PERFORM set_config('search_path', 'pg_catalog, eng', true);
    FOR f IN
        SELECT p.oid, p.prokind, n.nspname, p.proname,
               ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) t) AS types
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement'
        WHERE NOT p.proargtypes::oid[] && ARRAY['cstring'::regtype, 'internal'::regtype]::oid[]
          -- not the constructors PostgreSQL makes for the range type
          AND NOT (p.prokind OPERATOR(pg_catalog.=) 'f' AND p.prolang OPERATOR(pg_catalog.=) 12)
          AND p.prorettype NOT IN ('cstring'::regtype, 'bytea'::regtype)
    LOOP
        -- the interval functions take a confidence level and a headcount
        -- (enps_interval also a score from 0 to 10: 10 serves for both);
        -- a range's text argument says which bounds it includes, the text
        -- forms of the rates take a number
        SELECT string_agg(format('(%s)::%s', CASE WHEN t = 'text' AND f.proname LIKE 'percent_%range' THEN '''[]'''
                                                   WHEN f.proname NOT LIKE '%interval%' THEN typical ->> t
                                                   WHEN t = 'double precision' THEN '0.95'
                                                   WHEN t IN ('bigint', 'integer') AND f.proname LIKE 'enps%' THEN '10'
                                                   WHEN t IN ('bigint', 'integer') THEN '1000'
                                                   ELSE typical ->> t END, t), ', ')
        INTO args FROM unnest(f.types) t;
        -- an inverse transition function takes back a row its state holds
        IF f.proname LIKE '%\_inv\_transfn' THEN
            args := format('%I.%I(%s), ', f.nspname, replace(f.proname, '_inv_transfn', '_transfn'), args)
                    || (SELECT string_agg(format('(%s)::%s', CASE WHEN f.proname NOT LIKE '%interval%' THEN typical ->> t
                                                                   WHEN t = 'double precision' THEN '0.95'
                                                                   WHEN t IN ('bigint', 'integer') AND f.proname LIKE 'enps%' THEN '10'
                                                                   WHEN t IN ('bigint', 'integer') THEN '1000'
                                                                   ELSE typical ->> t END, t), ', ')
                        FROM unnest(f.types[2:]) t);
        END IF;
        PERFORM set_config('search_path', session_path, true);
        BEGIN
            IF f.prokind OPERATOR(pg_catalog.=) 'a' THEN
                EXECUTE format('SELECT %I.%I(%s) FROM generate_series(1, 3)', f.nspname, f.proname, args);
            ELSIF f.prokind OPERATOR(pg_catalog.=) 'w' THEN
                EXECUTE format('SELECT %I.%I(%s) OVER (PARTITION BY i) FROM generate_series(1, 3) i', f.nspname, f.proname, args);
            ELSE
                EXECUTE format('SELECT %I.%I(%s)', f.nspname, f.proname, args);
            END IF;
            calls := calls + 1;
        EXCEPTION WHEN others THEN
            failed := failed || format(' %s(%s): %s', f.proname, args, SQLERRM);
        END;
        PERFORM set_config('search_path', 'pg_catalog, eng', true);
    END LOOP;
    -- the summary's = operator, qualified
    PERFORM set_config('search_path', session_path, true);
    PERFORM '(1,1,3,3,4,3,5,1,1,1,2,0,1,3,0,1,4,0)'::eng.engagement_stats
            OPERATOR(eng.=) '(1,1,3,3,4,3,5,1,1,1,2,0,1,3,0,1,4,0)'::eng.engagement_stats;
    PERFORM set_config('search_path', 'pg_catalog, eng', true);
    RAISE NOTICE 'calls: %, failed:%', calls, CASE WHEN length(failed) > 0 THEN failed ELSE ' none' END;
END $$;
};

sub as_owner {
	my ($db, $sql) = @_;
	my ($ret, $out, $err) = $node->psql($db, "SET ROLE NONE;\n$sql",
		extra_params => [ '-U', 'app_owner', '-v', 'ON_ERROR_STOP=1' ]);
	return ($ret, $out, $err);
}

# 1. a plain database owner-to-be, with only CREATE
my ($ret, $out, $err) = as_owner('app', q{
CREATE SCHEMA eng;
CREATE EXTENSION engagement SCHEMA eng VERSION '1.0';
ALTER EXTENSION engagement UPDATE;
SET search_path = eng, public;
} . $call_everything);
is($ret, 0, 'app_owner installs and updates the trusted extension') or diag $err;
my ($calls) = $err =~ /calls: (\d+), failed: none/;
ok(defined $calls && $calls > 70, 'app_owner calls every function and aggregate (' . ($calls // 'failures') . ')')
	or diag $err;
is($node->safe_psql('app', q{SELECT pg_get_userbyid(extowner) FROM pg_extension WHERE extname = 'engagement'}),
	'app_owner', 'the extension belongs to app_owner');
is($node->safe_psql('app', q{SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement' WHERE p.prosecdef}),
	'0', 'no function is SECURITY DEFINER');

# 2. hostile look-alikes ahead of everything in search_path
$node->safe_psql('app_hostile', q{
CREATE SCHEMA hostile;
GRANT USAGE ON SCHEMA hostile TO PUBLIC;
CREATE FUNCTION hostile.trap() RETURNS boolean LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'hostile object called'; END $$;
CREATE FUNCTION hostile.er_reach(integer, integer) RETURNS double precision
    LANGUAGE sql AS 'SELECT hostile.trap()::int::float8';
CREATE FUNCTION hostile.er_reach(bigint, bigint) RETURNS double precision
    LANGUAGE sql AS 'SELECT hostile.trap()::int::float8';
CREATE FUNCTION hostile.engagement_volume(bigint, bigint, bigint) RETURNS bigint
    LANGUAGE sql AS 'SELECT hostile.trap()::int::bigint';
CREATE FUNCTION hostile.q12_index(boolean) RETURNS double precision
    LANGUAGE sql AS 'SELECT hostile.trap()::int::float8';
CREATE FUNCTION hostile.numeric_div(numeric, numeric) RETURNS numeric
    LANGUAGE sql AS 'SELECT hostile.trap()::int::numeric';
CREATE FUNCTION hostile.int8_trap(bigint, bigint) RETURNS boolean
    LANGUAGE sql AS 'SELECT hostile.trap()';
CREATE FUNCTION hostile.int8_plus_trap(bigint, bigint) RETURNS bigint
    LANGUAGE sql AS 'SELECT hostile.trap()::int::bigint';
CREATE FUNCTION hostile.text_trap(text, text) RETURNS boolean
    LANGUAGE sql AS 'SELECT hostile.trap()';
CREATE OPERATOR hostile.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = hostile.int8_trap);
CREATE OPERATOR hostile.< (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = hostile.int8_trap);
CREATE OPERATOR hostile.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = hostile.int8_plus_trap);
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.text_trap);
});
my (undef, undef, $live) = $node->psql('app_hostile',
	'SET search_path = hostile, pg_catalog; SELECT 1::bigint = 1::bigint');
like($live, qr/hostile object called/, 'the hostile operators are live: they fire when used');

($ret, $out, $err) = as_owner('app_hostile', q{
SET search_path = hostile, pg_catalog, eng, public;
CREATE SCHEMA eng;
CREATE EXTENSION engagement SCHEMA eng VERSION '1.0';
ALTER EXTENSION engagement UPDATE;
} . $call_everything);
is($ret, 0, 'create and update under a hostile search_path') or diag $err;
unlike($err, qr/hostile object called/, 'nothing hostile was called');
($calls) = $err =~ /calls: (\d+), failed: none/;
ok(defined $calls && $calls > 70, 'every function and aggregate runs under the hostile search_path ('
	  . ($calls // 'failures') . ')') or diag $err;

$node->stop;
done_testing();
