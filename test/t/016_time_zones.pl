# Time zones: every time-filtered panel of the Grafana dashboard, expanded
# as Grafana expands it for its relative ranges ("Today so far",
# "Yesterday", "Last 7 days", "This week", "Last 90 days") in a dashboard
# in UTC, New York and Tokyo, at several moments, run by a reporting_reader
# login role, against a direct computation from posts, account_daily and
# accounts.time_zone only (never from the summaries).
#
# The contract compared against: a day is the account's local day
# ((published_at AT TIME ZONE time_zone)::date, starting at
# day::timestamp AT TIME ZONE time_zone); a panel over days shows every
# account-day that overlaps the range [from, to] (day_start <= to AND
# day_end > from, so "Last 7 days" shows the partial first day), at
# greatest(day_start, from), with the metric of the whole local day; weeks
# start on Monday, local (date_trunc('week', day)), one weekly series per
# account, each week at the start of its first day shown; panels over posts keep
# published_at BETWEEN from AND to; the heatmap takes the local hours
# (weekday and hour of the account) that overlap the range.
#
# The "now" of a range is a fixed instant here (Grafana computes from and
# to itself; panels read only the expanded instants), data is placed around
# those instants.  Breakout reads now() in its view, so it is checked for
# consistency only.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use GrafanaDashboard;
use ReportingSchema;

my $node = reporting_node('time_zones', undef, 'the reporting schema loads', 1);
$node->safe_psql('analytics', 'CREATE ROLE grafana_reader LOGIN IN ROLE reporting_reader');

sub sql { $node->safe_psql('analytics', $_[0]) }

# psql as the owner, not stopping the test on an error: (ok, stdout, stderr)
sub try_sql
{
	my ($ret, $out, $err) = $node->psql('analytics', $_[0], on_error_stop => 1);
	return ($ret == 0, $out, $err);
}

# 1. the accounts' time zones
my ($has_zone) = sql(q{SELECT count(*) FROM pg_attribute
	WHERE attrelid = 'accounts'::regclass AND attname = 'time_zone' AND NOT attisdropped});
ok($has_zone, 'accounts have a time_zone column');
# without one, the column is added here so that the checks below show what
# the panels do with UTC days
sql(q{ALTER TABLE accounts ADD COLUMN time_zone text NOT NULL DEFAULT current_setting('TimeZone')})
  unless $has_zone;
is(sql(q{SET TimeZone = 'Asia/Kolkata';
	INSERT INTO accounts (account_id, name, followers_start) VALUES (99, 'default zone', 1);
	SELECT time_zone FROM accounts WHERE account_id = 99;
	DELETE FROM accounts WHERE account_id = 99}), 'Asia/Kolkata',
	"an account's time zone is the session's TimeZone unless given");

# 2. the data: four accounts, a few posts a day at chosen local times (at
# and around local midnight) from 20 November 2025 to 15 November 2026;
# audience rows for most local days but not all
sql(q{
INSERT INTO accounts (account_id, name, followers_start, time_zone) VALUES
    (1, 'UTC account', 5000, 'UTC'),
    (2, 'New York account', 8000, 'America/New_York'),
    (3, 'Tokyo account', 12000, 'Asia/Tokyo'),
    (4, 'Kolkata account', 3000, 'Asia/Kolkata');

INSERT INTO account_daily (account_id, day, followers, new_followers, lost_followers)
SELECT account_id, day, followers_start + 3 * (day - date '2025-11-20') + h % 7,
       h % 41, (h / 41) % 23
FROM (SELECT a.account_id, a.followers_start, d::date AS day,
             abs(hashtext(a.account_id || '/' || d::date)::bigint) AS h
      FROM accounts a, generate_series(date '2025-11-20', date '2026-11-15', interval '1 day') d) x
WHERE h % 10 <> 0;

INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT account_id, at,
       CASE WHEN h % 97 = 0 THEN NULL ELSE (h / 11) % 300 END,
       (h / 13) % 40, (h / 17) % 20,
       CASE WHEN h % 89 = 0 THEN 0 ELSE 60 + (h / 7) % 4000 + (h / 19) % 900 END,
       CASE WHEN h % 89 = 0 THEN 0 ELSE 50 + (h / 7) % 4000 END,
       1000 * account_id + (h / 23) % 50
FROM (SELECT a.account_id, (d::date + s.at)::timestamp AT TIME ZONE a.time_zone AS at,
             abs(hashtext(a.account_id || '/' || d::date || '/' || s.n)::bigint) AS h
      FROM accounts a, generate_series(date '2025-11-20', date '2026-11-15', interval '1 day') d,
           (VALUES (1, interval '0'), (2, '00:00:01'), (3, '00:29'), (4, '07:45'), (5, '12:10'),
                   (6, '18:00'), (7, '23:30'), (8, '23:59:59.9995')) s(n, at)) x
WHERE h % 100 < 35;

-- on purpose: Monday 08:00 in Tokyo (Sunday 23:00 UTC), the top posts of
-- their weeks; New York around its DST changes (8 March 02:00 EST is
-- 03:00 EDT; 1 November 02:00 EDT is 01:00 EST, 01:30 comes twice)
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers) VALUES
    (3, '2026-11-09 08:00+09', 9001, 400, 300, 300000, 250000, 12500),
    (3, '2026-11-02 08:00+09', 8001, 300, 200, 280000, 240000, 12400),
    (2, '2026-03-08 01:59-05', 11, 2, 1, 900, 800, 8100),
    (2, '2026-03-08 03:00-04', 13, 0, 0, 700, 600, 8100),
    (2, '2026-03-08 03:30-04', 17, 5, 1, 500, 400, 8100),
    (2, '2026-03-08 23:59:59.9999-04', 19, 1, 0, 300, 200, 8100),
    (2, '2026-03-09 00:00-04', 23, 0, 2, 300, 250, 8100),
    (2, '2026-11-01 00:00-04', 29, 3, 0, 400, 350, 8900),
    (2, '2026-11-01 00:59-04', 31, 4, 1, 600, 500, 8900),
    (2, '2026-11-01 01:30-04', 37, 2, 2, 800, 700, 8900),
    (2, '2026-11-01 01:30-05', 41, 6, 3, 900, 800, 8900),
    (2, '2026-11-01 02:00-05', 43, 0, 0, 300, 300, 8900),
    (2, '2026-11-01 23:59:59.9999-05', 47, 1, 1, 200, 150, 8900),
    (2, '2026-11-02 00:00-05', 53, 2, 0, 250, 200, 8900);
CALL reporting.refresh_account_day_summary();
});
cmp_ok(sql('SELECT count(*) FROM posts'), '>', 3000, 'posts loaded');

# 3. the direct computation, by the owner, from posts and accounts only
sql(q{
CREATE SCHEMA direct;
-- every post with its account's local day
CREATE VIEW direct.local_posts AS
    SELECT p.*, a.name, a.time_zone, (p.published_at AT TIME ZONE a.time_zone)::date AS day
    FROM posts p JOIN accounts a USING (account_id);
-- the account-days with posts overlapping [f, t], each with its whole day
CREATE FUNCTION direct.days(f timestamptz, t timestamptz, accts int[])
RETURNS TABLE (account_id int, name text, time_zone text, day date,
               day_start timestamptz, day_end timestamptz, stats engagement_stats)
LANGUAGE sql STABLE AS $$
    SELECT * FROM (
        SELECT account_id, name, time_zone, day,
               day::timestamp AT TIME ZONE time_zone, (day + 1)::timestamp AT TIME ZONE time_zone,
               engagement_agg(likes, comments, shares, reach, views, followers)
        FROM direct.local_posts WHERE account_id = ANY (accts)
        GROUP BY account_id, name, time_zone, day) d (account_id, name, time_zone, day, day_start, day_end, stats)
    WHERE day_start <= t AND day_end > f
$$;
-- one summary of a set of posts
CREATE FUNCTION direct.posts_stats(account int, first_day date, last_day date) RETURNS engagement_stats
LANGUAGE sql STABLE AS $$
    SELECT engagement_agg(likes, comments, shares, reach, views, followers)
    FROM direct.local_posts WHERE account_id = account AND day BETWEEN first_day AND last_day
$$;

-- what a panel returned, normalised: time (a time column, or published),
-- metric (metric, account or hour), the other columns as float8 in order
CREATE TABLE direct.got (combo text, panel text, ord bigint, at timestamptz, metric text, vals float8[]);
CREATE FUNCTION direct.panel_rows(rows json)
RETURNS TABLE (ord bigint, at timestamptz, metric text, vals float8[])
LANGUAGE sql AS $$
    SELECT e.ord,
           (SELECT CASE json_typeof(v) WHEN 'number' THEN to_timestamp((v #>> '{}')::float8)
                                      WHEN 'string' THEN (v #>> '{}')::timestamptz END
            FROM json_each(e.j) k(key, v) WHERE key IN ('time', 'published') LIMIT 1),
           (SELECT v #>> '{}' FROM json_each(e.j) k(key, v) WHERE key IN ('metric', 'account', 'hour') LIMIT 1),
           ARRAY(SELECT (v #>> '{}')::float8 FROM json_each(e.j) WITH ORDINALITY k(key, v, n)
                 WHERE key NOT IN ('time', 'published', 'metric', 'account', 'hour') ORDER BY n)
    FROM json_array_elements(rows) WITH ORDINALITY e(j, ord)
$$;

-- a panel's rows against the expected ones (a query giving ord, time,
-- metric, vals): matched on (time, metric), or on the position when
-- by_key is false (then time and metric are compared where expected gives
-- them); rows whose values are all NULL left out on both sides when
-- ignore_null (a point Grafana does not draw)
CREATE FUNCTION direct.compare(c text, p text, expected text, by_key boolean, ignore_null boolean)
RETURNS TABLE (n_got bigint, n_expected bigint, n_wrong bigint, sample text)
LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS e (ord bigint, at timestamptz, metric text, vals float8[]);
    TRUNCATE e;
    EXECUTE 'INSERT INTO e SELECT coalesce(ord, row_number() OVER ()), at, metric, vals FROM (' || expected || ') x (ord, at, metric, vals)';
    IF ignore_null THEN
        DELETE FROM e WHERE NOT EXISTS (SELECT FROM unnest(e.vals) v WHERE v IS NOT NULL);
    END IF;
    RETURN QUERY EXECUTE format($q$
    WITH g AS (
        SELECT r.ord, r.at, r.metric, r.vals FROM direct.got r
        WHERE r.combo = $1 AND r.panel = $2
          AND NOT ($3 AND NOT EXISTS (SELECT FROM unnest(r.vals) v WHERE v IS NOT NULL))
    ), pairs AS (
        SELECT g.ord AS g_ord, g.at AS g_at, g.metric AS g_metric, g.vals AS g_vals,
               e.ord AS e_ord, e.at AS e_at, e.metric AS e_metric, e.vals AS e_vals
        FROM g FULL JOIN e ON %s
    ), wrong AS (
        SELECT *, row_number() OVER (ORDER BY coalesce(g_at, e_at), coalesce(g_metric, e_metric), coalesce(g_ord, e_ord)) AS n
        FROM pairs
        WHERE g_ord IS NULL OR e_ord IS NULL OR g_vals IS DISTINCT FROM e_vals
           OR (NOT $4 AND e_at IS NOT NULL AND g_at IS DISTINCT FROM e_at)
           OR (NOT $4 AND e_metric IS NOT NULL AND g_metric IS DISTINCT FROM e_metric)
    )
    SELECT (SELECT count(*) FROM g), (SELECT count(*) FROM e), (SELECT count(*) FROM wrong),
           (SELECT string_agg(format(E'\n  %%s %%s: panel %%s, direct %%s',
                                     coalesce(g_metric, e_metric), coalesce(g_at, e_at),
                                     CASE WHEN g_ord IS NULL THEN 'no row' ELSE coalesce(g_vals::text, 'NULL') END,
                                     CASE WHEN e_ord IS NULL THEN 'no row' ELSE coalesce(e_vals::text, 'NULL') END), '' ORDER BY n)
            FROM wrong WHERE n <= 8)
    $q$, CASE WHEN by_key THEN $j$coalesce(g.at, '-infinity') = coalesce(e.at, '-infinity') AND coalesce(g.metric, '') = coalesce(e.metric, '')$j$ ELSE 'g.ord = e.ord' END)
    USING c, p, ignore_null, by_key;
END $$;
});

# the expected rows of each kind of panel, for [f, t] and the accounts
# (SQL literals); values in the panel's column order
my %expected = (
	day => sub {
		my ($f, $t, $accts, $values) = @_;
		return "SELECT NULL::bigint, greatest(day_start, $f), name, ARRAY[$values]::float8[]
			FROM direct.days($f, $t, $accts) d(account_id, name, time_zone, day, day_start, day_end, s)";
	},
	rolling => sub {
		my ($f, $t, $accts, $values) = @_;
		return "SELECT NULL::bigint, greatest(day_start, $f), name, ARRAY[$values]::float8[]
			FROM (SELECT d.*, direct.posts_stats(account_id, day - 6, day) AS s
			      FROM direct.days($f, $t, $accts) d) d";
	},
	growth => sub {
		my ($f, $t, $accts, $values) = @_;
		return "SELECT NULL::bigint, greatest(day_start, $f), name,
			       ARRAY[follower_growth(new_followers, lost_followers, followers)]::float8[]
			FROM (SELECT a.name, x.day, d.new_followers, d.lost_followers, d.followers,
			             x.day::timestamp AT TIME ZONE a.time_zone AS day_start,
			             (x.day + 1)::timestamp AT TIME ZONE a.time_zone AS day_end
			      FROM accounts a
			      JOIN (SELECT account_id, day FROM account_daily
			            UNION SELECT account_id, day FROM direct.local_posts) x USING (account_id)
			      LEFT JOIN account_daily d USING (account_id, day)
			      WHERE a.account_id = ANY ($accts)) x
			WHERE day_start <= $t AND day_end > $f";
	},
	week => sub {
		my ($f, $t, $accts, $values) = @_;
		# one series per account: its weeks of local days, Monday to Sunday,
		# each at the start of its first day shown
		return "SELECT NULL::bigint, greatest(day_start, $f), name, ARRAY[$values]::float8[]
			FROM (SELECT d.account_id, d.name, min(d.day_start) AS day_start,
			             engagement_agg(p.likes, p.comments, p.shares, p.reach, p.views, p.followers) AS s
			      FROM direct.local_posts p JOIN direct.days($f, $t, $accts) d USING (account_id, day)
			      GROUP BY d.account_id, d.name, date_trunc('week', d.day::timestamp)) w";
	},
	top => sub {
		my ($f, $t, $accts) = @_;
		return "SELECT row_number() OVER (ORDER BY reach DESC NULLS LAST, post_id), published_at, name,
			       ARRAY[reach, likes, comments, shares,
			             er_reach(engagement_volume(likes, comments, shares), reach),
			             er_post(engagement_volume(likes, comments, shares), followers)]::float8[]
			FROM direct.local_posts
			WHERE account_id = ANY ($accts) AND published_at BETWEEN $f AND $t
			ORDER BY 1 LIMIT 5";
	},
	heatmap => sub {
		my ($f, $t, $accts) = @_;
		return "WITH p AS (
			    SELECT *, date_trunc('hour', published_at AT TIME ZONE time_zone) AS local_hour
			    FROM direct.local_posts WHERE account_id = ANY ($accts)
			), q AS (
			    SELECT * FROM p
			    WHERE local_hour AT TIME ZONE time_zone <= $t
			      AND (local_hour AT TIME ZONE time_zone) + interval '1 hour' > $f
			), cells AS (
			    SELECT extract(isodow FROM local_hour)::int AS weekday, extract(hour FROM local_hour)::int AS hour,
			           engagement_agg(likes, comments, shares, reach, views, followers) AS cell
			    FROM q GROUP BY 1, 2
			), overall AS (
			    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS o FROM q
			)
			SELECT NULL::bigint, NULL::timestamptz, hour::text,
			       ARRAY[max(er) FILTER (WHERE weekday = 1), max(er) FILTER (WHERE weekday = 2),
			             max(er) FILTER (WHERE weekday = 3), max(er) FILTER (WHERE weekday = 4),
			             max(er) FILTER (WHERE weekday = 5), max(er) FILTER (WHERE weekday = 6),
			             max(er) FILTER (WHERE weekday = 7)]::float8[]
			FROM (SELECT weekday, hour, er_reach_shrunk(cell, o) AS er FROM cells, overall) c
			GROUP BY hour";
	},
);

# the time-filtered panels: the kind of each, its values as SQL over a
# summary s, whether rows match on (time, metric) and whether all-NULL
# points are left out
my %panel_kind = (
	'ER by reach' => [ 'day', 'er_reach(s)', 1 ],
	'Average ER post' => [ 'day', 'er_post(s)', 1 ],
	'Love and talk rate' => [ 'day', 'love_rate(s), talk_rate(s)', 1 ],
	'Rolling 7-day ER by reach' => [ 'rolling', 'er_reach(s)', 1 ],
	'Net follower growth' => [ 'growth', '', 1, 1 ],
	'Weekly ER by reach with its 95 % interval' =>
	  [ 'week', 'er_reach(s), lower(er_reach_interval(s)), upper(er_reach_interval(s))', 1 ],
	'Top 5 posts by reach' => [ 'top', '', 0 ],
	'When to post: ER by reach per weekday and hour (shrunk)' => [ 'heatmap', '', 1 ],
	'Breakout posts of the last 30 days' => [ 'breakout' ],
);

my $dashboard = GrafanaDashboard->new($node, 'analytics', 'grafana_reader');
is($dashboard->json->{weekStart} // '', 'monday', 'the dashboard says weeks start on Monday');
for my $v (@{ $dashboard->json->{templating}{list} }) {
	my ($ok, $rows, $err) = $dashboard->reader_query($v->{query});
	ok($ok && @$rows, "variable $v->{name}: its query returns values") or diag $err;
	$dashboard->set_variable($v->{name}, map { $_->[ $#$_ ] } @$rows);
}
is(join(',', sort split /,/, $dashboard->variable('account')), q{'1','2','3','4'}, 'All is the four accounts');

my @panels;
for my $panel ($dashboard->panels) {
	my @targets = grep { GrafanaDashboard::time_filtered($_->{rawSql} // '') } @{ $panel->{targets} || [] };
	next unless @targets;
	ok($panel_kind{ $panel->{title} }, "$panel->{title}: a time-filtered panel with a direct computation here");
	push @panels, [ $panel, $_ ] for @targets;
}
cmp_ok(scalar @panels, '>=', 9, 'the time-filtered panels are found');

# the instants as Grafana writes them
my $range = GrafanaDashboard::time_range(
	split /\|/, sql(q{SELECT extract(epoch FROM timestamptz '2026-12-03 05:00+00') * 1000,
	                        extract(epoch FROM timestamptz '2026-12-03 23:59:59.999+00') * 1000}));
is("$range->{from} $range->{to} $range->{from_epoch} $range->{to_epoch}",
	'2026-12-03T05:00:00Z 2026-12-03T23:59:59.999Z 1796274000 1796342399',
	'instants are written in UTC, RFC 3339, milliseconds only when not zero; epochs in seconds');

# 4. every panel, for each dashboard time zone, moment and relative range
my @zones = ([ 'UTC', 'UTC' ], [ 'New York', 'America/New_York' ], [ 'Tokyo', 'Asia/Tokyo' ]);
my @moments = (
	[ 'just after midnight in Tokyo', '2026-11-04 00:05+09' ],
	[ 'just before midnight in New York', '2026-11-03 23:55-05' ],
	[ 'on the New York fall-back day', '2026-11-01 12:00-05' ],
	[ 'on the New York spring-forward day', '2026-03-08 12:00-04' ],
	[ 'on a Monday morning in Tokyo', '2026-11-09 08:30+09' ],
);
# Grafana's date math, in the dashboard's time zone: now/d is the local
# midnight, now-7d seven calendar days back, /w the Monday
my $ranges_sql = q{
	SELECT name, (extract(epoch FROM f) * 1000)::bigint, (extract(epoch FROM t) * 1000)::bigint
	FROM (SELECT timestamptz '%s' AS n) x,
	LATERAL (VALUES
	    (1, 'Today so far', date_trunc('day', n), n),
	    (2, 'Yesterday', date_trunc('day', n - interval '1 day'),
	                     date_trunc('day', n - interval '1 day') + interval '1 day' - interval '1 millisecond'),
	    (3, 'Last 7 days', n - interval '7 days', n),
	    (4, 'This week', date_trunc('week', n), date_trunc('week', n) + interval '7 days' - interval '1 millisecond'),
	    (5, 'Last 90 days', n - interval '90 days', n)) r(i, name, f, t)
	ORDER BY i};

sql(q{CREATE TABLE direct.combos (combo text PRIMARY KEY, zone text, time_zone text, moment text,
	now timestamptz, range text, f timestamptz, t timestamptz)});

# check_panels(COMBO, RANGE, ACCOUNTS, PANELS[, NAME]): each panel (a
# [panel, target] pair) expanded for RANGE and run as the reader (in one
# session, or one by one when one fails, to tell which), its rows stored in
# direct.got and compared with the direct computation for ACCOUNTS (an
# SQL int[]); NAME names the check of a single panel
sub check_panels
{
	my ($combo, $range, $accts, $pts, $name) = @_;
	my ($f, $t) = ("'$range->{from}'::timestamptz", "'$range->{to}'::timestamptz");
	my @sql = map {
		my ($panel, $target) = @$_;
		my $sql = $dashboard->expand($target->{rawSql}, $panel->{interval} || '1d', $range);
		$sql =~ s/;\s*$//;
		$sql;
	} @$pts;
	my %rows;
	my ($ok, $rows, $err) = $dashboard->reader_query(
		join '', map { "\\echo \x1e$_\nSELECT to_json(p) FROM (\n$sql[$_]\n) p;\n" } 0 .. $#sql);
	if ($ok) {
		my $i;
		for (@$rows) {
			if ($_->[0] =~ /^\x1e(\d+)$/) { $i = $1; $rows{$i} = []; next }
			push @{ $rows{$i} }, $_->[0];
		}
	}
	else {
		for my $i (0 .. $#sql) {
			($ok, $rows, $err) = $dashboard->reader_query("SELECT to_json(p) FROM (\n$sql[$i]\n) p");
			if ($ok) { $rows{$i} = [ map { $_->[0] } @$rows ] }
			else {
				fail("$combo, $pts->[$i][0]{title}: runs");
				diag "$err\n$sql[$i]";
			}
		}
	}
	(my $c = $combo) =~ s/'/''/g;
	my ($script, @checked) = ('');
	for my $i (sort { $a <=> $b } keys %rows) {
		my $title = $pts->[$i][0]{title};
		(my $p = $title) =~ s/'/''/g;
		my ($kind, $values, $by_key, $ignore_null) = @{ $panel_kind{$title} };
		my $json = '[' . join(',', @{ $rows{$i} }) . ']';
		$script .= "INSERT INTO direct.got SELECT '$c', '$p', * FROM direct.panel_rows(\$JSON\$$json\$JSON\$);\n";
		if ($kind eq 'breakout') {
			$script .= qq{SELECT $i, count(*), count(*), count(*) FILTER (WHERE NOT (
				    g.at BETWEEN $f AND $t AND g.vals[cardinality(g.vals)] >= 3
				    AND EXISTS (SELECT FROM direct.local_posts l WHERE l.published_at = g.at
				                AND l.name = g.metric AND l.account_id = ANY ($accts)))), ''
				FROM direct.got g WHERE combo = '$c' AND panel = '$p';\n};
			push @checked, [ $i, $name // "$combo, $title: every breakout post is a post of the range, with z >= 3", '' ];
			next;
		}
		my $expected = $expected{$kind}->($f, $t, $accts, $values);
		(my $e = $expected) =~ s/'/''/g;
		$script .= "SELECT $i, n_got, n_expected, n_wrong, replace(coalesce(sample, ''), E'\\n', '<NL>')
			FROM direct.compare('$c', '$p', '$e', " . ($by_key ? 'true' : 'false') . ', '
		  . ($ignore_null ? 'true' : 'false') . ");\n";
		push @checked, [ $i, $name // "$combo, $title: the direct computation's rows", $expected ];
	}
	my %result = map { my @r = split /\|/, $_, 5; ($r[0] => \@r) } split /\n/, sql($script);
	for my $check (@checked) {
		my ($i, $check_name, $expected) = @$check;
		my (undef, $n_got, $n_expected, $n_wrong, $sample) = @{ $result{$i} };
		$sample =~ s/<NL>/\n/g;
		ok($n_wrong == 0 && $n_got == $n_expected, $check_name)
		  or diag "panel rows $n_got, direct rows $n_expected, wrong $n_wrong:$sample"
		  . ($expected ? "\ndirect:\n$expected" : '');
	}
	return scalar @checked;
}

my $all = q{'{1,2,3,4}'::int[]};
for my $zone (@zones) {
	my ($zone_name, $time_zone) = @$zone;
	for my $moment (@moments) {
		my ($moment_name, $now) = @$moment;
		for my $r (split /\n/, sql("SET TimeZone = '$time_zone';" . sprintf($ranges_sql, $now))) {
			my ($range_name, $from_ms, $to_ms) = split /\|/, $r;
			my $range = GrafanaDashboard::time_range($from_ms, $to_ms);
			my $combo = "$zone_name, $range_name $moment_name";
			my ($f, $t) = ("'$range->{from}'::timestamptz", "'$range->{to}'::timestamptz");
			sql(qq{INSERT INTO direct.combos VALUES ('$combo', '$zone_name', '$time_zone', '$moment_name',
				'$now', '$range_name', $f, $t)});
			check_panels($combo, $range, $all, [ grep { $panel_kind{ $_->[0]{title} } } @panels ]);
		}
	}
}

# the same panels read in a session whose TimeZone is neither the
# dashboard's nor an account's: the same rows
sql(q{CREATE ROLE reader_in_adelaide LOGIN IN ROLE reporting_reader;
	ALTER ROLE reader_in_adelaide SET TimeZone = 'Australia/Adelaide'});
{
	my $main_dashboard = $dashboard;
	$dashboard = GrafanaDashboard->new($node, 'analytics', 'reader_in_adelaide');
	$dashboard->set_variable('account', 1, 2, 3, 4);
	for my $r (split /\n/, sql(q{SET TimeZone = 'America/New_York';} . sprintf($ranges_sql, '2026-11-01 12:00-05'))) {
		my ($range_name, $from_ms, $to_ms) = split /\|/, $r;
		next unless $range_name eq 'Last 7 days';
		check_panels("New York, Last 7 days on the fall-back day, read in Australia/Adelaide",
			GrafanaDashboard::time_range($from_ms, $to_ms), $all,
			[ grep { $panel_kind{ $_->[0]{title} } } @panels ]);
	}
	$dashboard = $main_dashboard;
}

# 5. the symptoms, by name
for my $zone (@zones) {
	my ($zone_name, $time_zone) = @$zone;
	for my $range_name ('Today so far', 'Yesterday', 'Last 7 days') {
		my ($posts, $missing) = split /\|/, sql(qq{
			SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (
			           SELECT FROM direct.got er
			           WHERE er.combo = tp.combo AND er.panel = 'ER by reach' AND er.metric = tp.metric
			             AND er.at = greatest(((tp.at AT TIME ZONE a.time_zone)::date)::timestamp
			                                    AT TIME ZONE a.time_zone, c.f)))
			FROM direct.got tp JOIN direct.combos c USING (combo) JOIN accounts a ON a.name = tp.metric
			WHERE c.zone = '$zone_name' AND c.range = '$range_name' AND tp.panel = 'Top 5 posts by reach'});
		ok($posts > 0 && $missing == 0,
			"$zone_name, $range_name: an ER row for every account-day with a post shown in Top posts")
		  or diag "$missing of $posts top posts without the ER row of their local day";
	}
	# the account in the dashboard's own zone: its day is the range's day
	my ($rows, $other) = split /\|/, sql(qq{
		SELECT count(*), count(*) FILTER (WHERE er.at <> c.f)
		FROM direct.got er JOIN direct.combos c USING (combo) JOIN accounts a ON a.name = er.metric
		WHERE c.zone = '$zone_name' AND a.time_zone = c.time_zone AND er.panel = 'ER by reach'
		  AND c.range IN ('Today so far', 'Yesterday')});
	ok($rows > 0 && $other == 0,
		"$zone_name, Today so far and Yesterday: the account in the dashboard's zone shows that local day only, at its midnight")
	  or diag "$other of $rows rows at another time";
	my ($partial, $shown) = split /\|/, sql(qq{
		SELECT count(*), count(er.combo)
		FROM direct.combos c
		JOIN LATERAL direct.days(c.f, c.f, '{1,2,3,4}') d ON d.day_start < c.f
		LEFT JOIN direct.got er ON er.combo = c.combo AND er.panel = 'ER by reach'
		                        AND er.metric = d.name AND er.at = c.f
		WHERE c.zone = '$zone_name' AND c.range = 'Last 7 days'});
	ok($partial > 0 && $partial == $shown, "$zone_name, Last 7 days: the partial first day is shown, at the range's start")
	  or diag "$shown of $partial partial first days shown";
}

my $tokyo_monday = sql(q{
	SELECT er.at = timestamptz '2026-11-09 00:00+09'
	       AND er.vals = ARRAY[er_reach(direct.posts_stats(3, '2026-11-09', '2026-11-09'))]
	       AND EXISTS (SELECT FROM direct.local_posts WHERE account_id = 3 AND day = '2026-11-09'
	                   AND published_at = '2026-11-08 23:00+00')
	FROM direct.got er
	WHERE er.combo = 'Tokyo, Today so far on a Monday morning in Tokyo' AND er.panel = 'ER by reach'
	  AND er.metric = 'Tokyo account'});
is($tokyo_monday, 't', 'Tokyo: a post on Monday 08:00 +09 counts on Monday (Today so far, Monday 08:30 +09)');

# the weekly panel for the Tokyo account alone, in a UTC dashboard's "This
# week" ending Sunday 8 November 23:59:59.999 UTC: Tokyo's Monday 9
# November has begun (15:00 UTC), so two weeks, the second that Monday alone
my ($weekly) = grep { $_->[0]{title} =~ /^Weekly/ } @panels;
$dashboard->set_variable('account', 3);
my $week_range = GrafanaDashboard::time_range(
	split /\|/, sql(q{SELECT extract(epoch FROM timestamptz '2026-11-02 00:00+00') * 1000,
	                        extract(epoch FROM timestamptz '2026-11-08 23:59:59.999+00') * 1000}));
if ($weekly) {
	check_panels('Tokyo account alone, UTC, This week', $week_range, q{'{3}'::int[]}, [$weekly],
		'Tokyo: a post on Monday 08:00 +09 counts in that Monday\'s week (weekly buckets start on Monday, local)');
	is(sql(q{SELECT string_agg(vals[1]::text, ',' ORDER BY ord) FROM direct.got
		WHERE combo = 'Tokyo account alone, UTC, This week'}),
		sql(q{SELECT er_reach(direct.posts_stats(3, '2026-11-02', '2026-11-08')) || ','
		          || er_reach(direct.posts_stats(3, '2026-11-09', '2026-11-09'))}),
		'weekly buckets start on Monday: the week of 2 November, then Monday 9 November (+09) alone');
}
else {
	fail('a weekly panel');
}
$dashboard->set_variable('account', 1, 2, 3, 4);

# the weekly panel's points: each at a time within the range, and, in
# each account's series, no two at the same time
for my $w ([ 'NOT (at BETWEEN f AND t)', 'weekly: every week at a time within the range' ],
	[ 'previous >= at', 'weekly: each account\'s weeks in ascending order of time, no two at the same time' ]) {
	my ($condition, $name) = @$w;
	my ($count, $list) = split /\|/, sql(qq{
		SELECT count(*), string_agg(format(E'\n%s: %s after %s (range %s to %s)', combo, at, previous, f, t), '' ORDER BY combo)
		FROM (
		    SELECT g.combo, g.at, c.f, c.t, lag(g.at) OVER (PARTITION BY g.combo, g.metric ORDER BY g.ord) AS previous
		    FROM direct.got g JOIN direct.combos c USING (combo)
		    WHERE g.panel LIKE 'Weekly%') w
		WHERE $condition}), 2;
	is($count, 0, $name) or diag "weeks at the wrong time: $list";
}

# the New York days of the DST changes: 23 and 25 hours, every post in
is(sql(q{SELECT string_agg(format('%s %s %s', day, day_end - day_start, post_count(stats)), ', ' ORDER BY day)
	FROM direct.days('2026-03-08 12:00-04', '2026-03-08 12:00-04', '{2}')}),
	sql(q{SELECT '2026-03-08 23:00:00 ' || count(*) FROM direct.local_posts WHERE account_id = 2 AND day = '2026-03-08'}),
	'the direct computation: 8 March in New York is 23 hours long');
for my $day ([ '2026-03-08', 'spring-forward' ], [ '2026-11-01', 'fall-back' ]) {
	my ($date, $what) = @$day;
	is(sql(qq{SELECT count(*) FROM direct.got er JOIN direct.combos c USING (combo)
		WHERE c.zone = 'New York' AND c.range = 'Today so far' AND c.moment = 'on the New York $what day'
		  AND er.panel = 'ER by reach' AND er.metric = 'New York account'
		  AND er.at = c.f AND c.f = '$date'::timestamp AT TIME ZONE 'America/New_York'
		  AND er.vals = ARRAY[er_reach(direct.posts_stats(2, '$date', '$date'))]}), 1,
		"New York, Today so far on the $what day: one row, at local midnight, with every post of that local day");
}

# 6. the summaries themselves: one row per account and local day with
# posts, with that day's midnights
my ($ok, $out, $err) = try_sql(q{
	SELECT count(*) FROM (
	    SELECT account_id, day, day_start, day_end, stats FROM reporting.account_day_summary
	    FULL JOIN (SELECT account_id, day, day_start AS ds, day_end AS de, stats AS s
	               FROM direct.days('-infinity', 'infinity', '{1,2,3,4}')) d USING (account_id, day)
	    WHERE stats IS DISTINCT FROM s OR day_start IS DISTINCT FROM ds OR day_end IS DISTINCT FROM de) x});
ok($ok && $out eq '0', 'the daily summaries are one per account and local day with posts, with its midnights')
  or diag "$out$err";

$node->stop;
done_testing();
