# The rows of examples/reporting.sql's views and summaries:
# - an account renamed shows under its new name at once, in every view, as
#   one series;
# - posts on a day without an account_daily row are kept in daily_metrics;
# - a post without an account or with an infinite publication time is
#   refused by a constraint, and nothing noted is lost;
# - a rebuild and a refresh rewrite only the summaries that change;
# - reporting.grant_posts_writer() gives a role what it needs to write posts.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use ReportingSchema;

my $examples = "$ENV{TESTDIR}/examples";
my $node = reporting_node('rows');

my $differences = $rebuild_differences;
sub sql { $node->safe_psql('analytics', $_[0]) }

# 1. a rename, without a refresh
sql(q{UPDATE accounts SET name = 'Renamed' WHERE account_id = 1});
for my $view (qw(daily_metrics weekly_metrics monthly_metrics rolling_7_days monthly_er_change top_posts)) {
	is(sql("SELECT string_agg(DISTINCT account, ',') FROM reporting.$view WHERE account_id = 1"), 'Renamed',
		"$view: the renamed account shows under its new name, one series");
}
is(sql(q{SELECT string_agg(DISTINCT a.name, ',') FROM reporting.account_day_summary s JOIN reporting.accounts a USING (account_id)
	WHERE account_id = 1}), 'Renamed', 'the summaries joined to reporting.accounts (as the panels do): one series');

# 2. posts on days without an account_daily row
sql(q{INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
	VALUES (2, current_date + 3 + time '10:00', 10, 2, 1, 400, 200, 12000),
	       (2, current_date + 3 + time '11:00', 30, 0, 0, 400, 300, 12000),
	       (3, current_date - 400 + time '10:00', 5, 0, 0, 100, 100, 9000);
	CALL reporting.refresh_account_day_summary()});
is(sql(q{SELECT posts || '|' || coalesce(followers::text, 'null') || '|' || er_reach FROM reporting.daily_metrics
	WHERE account_id = 2 AND day = current_date + 3}), '2|null|8.6',
	'a day with posts but no account_daily row: its 2 posts, ER by reach 43/500 = 8.6 %, no audience');
is(sql(q{SELECT posts FROM reporting.daily_metrics WHERE account_id = 3 AND day = current_date - 400}), '1',
	'and one long before the audience rows begin');
is(sql(q{SELECT (SELECT sum(posts) FROM reporting.daily_metrics) = (SELECT count(*) FROM posts)}), 't',
	'daily_metrics counts every post');
is(sql(q{SELECT count(*) FROM (SELECT account_id, day FROM reporting.daily_metrics GROUP BY 1, 2 HAVING count(*) > 1) d}), '0',
	'one row per account and day');

# 3. no account, an infinite time: refused, nothing noted is lost
sql(q{INSERT INTO posts (account_id, published_at, likes, reach, followers) VALUES (1, current_date - 1 + time '09:00', 99, 999, 12000)});
my $noted = sql('SELECT count(*) FROM reporting.summary_changes');
cmp_ok($noted, '>', 0, 'a change is noted');
for my $case (
	[ 'no account', q{INSERT INTO posts (account_id, published_at, likes) VALUES (NULL, now(), 1)},
	  qr/null value in column "account_id" of relation "posts" violates not-null constraint/ ],
	[ 'published at infinity', q{INSERT INTO posts (account_id, published_at, likes) VALUES (1, 'infinity', 1)},
	  qr/violates check constraint "posts_published_at_finite"/ ],
	[ 'published at -infinity', q{INSERT INTO posts (account_id, published_at, likes) VALUES (1, '-infinity', 1)},
	  qr/violates check constraint "posts_published_at_finite"/ ],
	[ 'moved to infinity', q{UPDATE posts SET published_at = 'infinity' WHERE post_id = (SELECT min(post_id) FROM posts)},
	  qr/violates check constraint "posts_published_at_finite"/ ],
	[ 'its account removed', q{UPDATE posts SET account_id = NULL WHERE post_id = (SELECT min(post_id) FROM posts)},
	  qr/violates not-null constraint/ ]) {
	my ($stdout, $stderr) = ('', '');
	$node->psql('analytics', $case->[1], stdout => \$stdout, stderr => \$stderr);
	like($stderr, $case->[2], "a post $case->[0]: refused by a constraint");
}
is(sql('SELECT count(*) FROM reporting.summary_changes'), $noted, 'the changes noted before are all still noted');
sql('CALL reporting.refresh_account_day_summary()');
is(sql($differences), '0', 'and the refresh leaves the summaries equal to a full rebuild');

# 4. a rebuild rewrites only the summaries that change
my $versions = q{SELECT string_agg(account_id || ' ' || day || ' ' || xmin, ',' ORDER BY account_id, day) FROM reporting.account_day_summary};
my $before = sql($versions);
sql(q{CALL reporting.rebuild_account_day_summary(current_date - 500, current_date + 10)});
is(sql($versions), $before, 'a rebuild of every day, nothing changed: no summary rewritten');
sql(q{UPDATE posts SET likes = likes + 1 WHERE post_id = (SELECT max(post_id) FROM posts WHERE account_id = 1 AND published_at < current_date - 10)});
sql(q{DELETE FROM reporting.summary_changes});
sql(q{CALL reporting.rebuild_account_day_summary(current_date - 500, current_date + 10)});
is(sql(qq{SELECT count(*) FROM (SELECT unnest(string_to_array(($versions), ','))
	EXCEPT SELECT unnest(string_to_array('$before', ','))) c}), '1', 'one post changed: the rebuild rewrites its summary only');
is(sql($differences), '0', 'equal to a full rebuild');
$before = sql($versions);
sql(q{UPDATE posts SET likes = likes WHERE account_id = 2; CALL reporting.refresh_account_day_summary()});
is(sql($versions), $before, 'a refresh of noted days that come out the same: no summary rewritten');

# 6. clocks going back over midnight: in the Azores on 29 October 2023
# (01:00 +00 back to 00:00 -01) and in Havana on 5 November 2023 (01:00
# -04 back to 00:00 -05) local midnight comes twice; a post in the first
# hour after the first midnight is on the new day (it was summarised on
# the day before, or on no day at all)
sql(q{INSERT INTO accounts (account_id, name, followers_start, time_zone)
	VALUES (11, 'Azores', 100, 'Atlantic/Azores'), (12, 'Havana', 100, 'America/Havana');
	CALL reporting.refresh_account_day_summary();
	INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
	VALUES (11, '2023-10-28 23:30+00', 1, 0, 0, 10, 10, 100),  -- 28 October, 23:30 +00
	       (11, '2023-10-29 00:30+00', 2, 0, 0, 10, 10, 100),  -- 29 October, the first 00:30 (+00)
	       (11, '2023-10-29 01:30+00', 4, 0, 0, 10, 10, 100),  -- 29 October, the second 00:30 (-01)
	       (12, '2023-11-05 04:30+00', 8, 0, 0, 10, 10, 100);  -- 5 November, the first 00:30 (-04)
	CALL reporting.refresh_account_day_summary()});
is(sql(q{SELECT string_agg(format('%s %s %s %s', account_id, day, day_start AT TIME ZONE 'UTC', post_count(stats)), ', '
	ORDER BY account_id, day) FROM reporting.account_day_summary WHERE account_id IN (11, 12)}),
	'11 2023-10-28 2023-10-28 00:00:00 1, 11 2023-10-29 2023-10-29 00:00:00 2, 12 2023-11-05 2023-11-05 04:00:00 1',
	'a local midnight that comes twice: the day starts at the first (Azores 00:00 UTC, Havana 04:00 UTC), every post on its local day');
is(sql($differences), '0', 'and the summaries equal a full rebuild');

# 5. a writer role
sql(q{CREATE ROLE loader});
my ($stdout, $stderr) = ('', '');
$node->psql('analytics', q{SET ROLE loader; INSERT INTO posts (account_id, published_at, likes) VALUES (1, now(), 1)},
	stdout => \$stdout, stderr => \$stderr);
like($stderr, qr/permission denied/, 'a role without rights cannot write posts');
sql(q{CALL reporting.grant_posts_writer('loader')});
is($node->psql('analytics', q{SET ROLE loader;
	INSERT INTO posts (account_id, published_at, likes, reach, followers) VALUES (1, current_date - 2 + time '15:00', 7, 70, 12000);
	UPDATE posts SET likes = likes + 1 WHERE account_id = 3 AND published_at > current_date - 5;
	DELETE FROM posts WHERE post_id = (SELECT min(post_id) FROM posts WHERE account_id = 2);
	MERGE INTO posts p USING (SELECT 1 AS account_id) s ON false
	WHEN NOT MATCHED THEN INSERT (account_id, published_at, likes) VALUES (s.account_id, current_date - 3 + time '01:00', 4);},
	stdout => \$stdout, stderr => \$stderr, on_error_stop => 1), 0,
	'after reporting.grant_posts_writer(): the role inserts, updates, deletes and merges posts') or diag $stderr;
sql('CALL reporting.refresh_account_day_summary()');
is(sql($differences), '0', 'its changes were noted: equal to a full rebuild after a refresh');
$node->psql('analytics', q{SET ROLE loader; SELECT * FROM reporting.account_day_summary LIMIT 1},
	stdout => \$stdout, stderr => \$stderr);
like($stderr, qr/permission denied/, 'the writer still cannot read or change the summaries');

$node->stop;
done_testing();
