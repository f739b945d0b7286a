# The daily summaries of examples/reporting.sql are kept current
# incrementally: after any mix of inserts, updates (late metrics, a post
# moved to another day or account) and deletes of posts, and a TRUNCATE,
# reporting.refresh_account_day_summary() leaves exactly what a full
# rebuild from the posts gives, and it re-aggregates only the days that
# changed.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use ReportingSchema;

my $examples = "$ENV{TESTDIR}/examples";
my $node = reporting_node('incremental');

# the summaries against a full rebuild: rows missing on either side, or
# with another summary (= is exact equality of every count and sum)
my $differences = $rebuild_differences;
is($node->safe_psql('analytics', $differences), '0', 'after the first load: equal to a full rebuild');
cmp_ok($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.account_day_summary'), '>', 200,
	'the summaries cover the demo');
is($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.summary_changes'), '0',
	'nothing is left to do after a refresh');

my @changes = (
	[ 'new posts for today',
	  q{INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
	    SELECT 1 + g % 3, now() - g * interval '1 minute', g, g % 5, g % 3, 100 * g, 50 * g, 12000
	    FROM generate_series(1, 40) g} ],
	[ 'late metrics for the last 7 days',
	  q{UPDATE posts SET likes = coalesce(likes, 0) + 7, reach = reach + 100
	    WHERE published_at >= current_date - 7} ],
	[ 'a post moved to another day',
	  q{UPDATE posts SET published_at = published_at - interval '3 days'
	    WHERE post_id = (SELECT min(post_id) FROM posts)} ],
	[ 'a post moved to another account',
	  q{UPDATE posts SET account_id = 1 + account_id % 3 WHERE post_id = (SELECT max(post_id) FROM posts)} ],
	[ 'every post of one account-day deleted',
	  q{DELETE FROM posts p USING accounts a WHERE p.account_id = 2 AND a.account_id = 2
	    AND (published_at AT TIME ZONE a.time_zone)::date = (SELECT min(day) + 10 FROM account_daily)} ],
	[ 'counts back to NULL', q{UPDATE posts SET likes = NULL WHERE post_id % 97 = 0} ],
	[ 'an update that changes nothing', q{UPDATE posts SET likes = likes WHERE post_id % 5 = 0} ],
	[ 'inserts and deletes in one transaction',
	  q{BEGIN;
	    INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
	    VALUES (3, current_date - 40, 5, 1, 0, 300, 200, 3100);
	    DELETE FROM posts WHERE post_id % 11 = 0;
	    COMMIT} ],
);
for my $change (@changes) {
	my ($name, $sql) = @$change;
	$node->safe_psql('analytics', $sql);
	my $noted = $node->safe_psql('analytics', 'SELECT count(DISTINCT (account_id, utc_day)) FROM reporting.summary_changes');
	cmp_ok($noted, '>', 0, "$name: the changed days are noted ($noted)");
	$node->safe_psql('analytics', 'CALL reporting.refresh_account_day_summary()');
	is($node->safe_psql('analytics', $differences), '0', "$name: equal to a full rebuild");
}

# only the noted days are re-aggregated: the others keep their row versions
my $xmin_before = $node->safe_psql('analytics',
	q{SELECT string_agg(xmin::text, ',' ORDER BY account_id, day) FROM reporting.account_day_summary WHERE day < current_date - 20});
$node->safe_psql('analytics', q{UPDATE posts SET likes = likes + 1 WHERE published_at >= current_date - 7});
$node->safe_psql('analytics', 'CALL reporting.refresh_account_day_summary()');
is($node->safe_psql('analytics',
	q{SELECT string_agg(xmin::text, ',' ORDER BY account_id, day) FROM reporting.account_day_summary WHERE day < current_date - 20}),
	$xmin_before, 'days older than the change are not rewritten');
is($node->safe_psql('analytics', $differences), '0', 'and the summaries equal a full rebuild');

# a range rebuilt on request, and TRUNCATE
$node->safe_psql('analytics', q{UPDATE reporting.account_day_summary SET stats = rollup_of.s
	FROM (SELECT rollup(stats) AS s FROM reporting.account_day_summary) rollup_of
	WHERE (account_id, day) = (SELECT account_id, day FROM reporting.account_day_summary
	                           WHERE day >= current_date - 90 ORDER BY day, account_id LIMIT 1)});
isnt($node->safe_psql('analytics', $differences), '0', 'a damaged summary differs from a rebuild');
$node->safe_psql('analytics', q{CALL reporting.rebuild_account_day_summary(current_date - 100, current_date)});
is($node->safe_psql('analytics', $differences), '0', 'rebuild_account_day_summary repairs a range');
$node->safe_psql('analytics', 'TRUNCATE posts');
is($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.account_day_summary'), '0',
	'TRUNCATE posts empties the summaries');

$node->stop;
done_testing();
