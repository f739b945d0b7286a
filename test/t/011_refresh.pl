# The refresh of examples/reporting.sql in a long-lived session and
# under every isolation level:
# - a session whose first refresh found the change table empty (and
#   vacuumed) refreshes 2 000, 4 000, 8 000 and 16 000 account-days later
#   on: no plan step over the changes runs once per changed day, and no
#   plan reads every post (auto_explain shows every plan the procedure
#   runs; bench/dashboard.sh times it);
# - a refresh or rebuild at REPEATABLE READ or SERIALIZABLE is refused up
#   front with a message saying how to call it, never failed halfway by a
#   concurrent run; at READ COMMITTED two concurrent runs and concurrent
#   writers leave the summaries equal to a full rebuild.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use ReportingSchema;

my $examples = "$ENV{TESTDIR}/examples";
my $node = reporting_node('refresh');

my $differences = $rebuild_differences;

#
# 1. a long-lived session
#
$node->safe_psql('analytics', q{
INSERT INTO accounts SELECT a, 'account ' || a, 1000 FROM generate_series(1000, 1199) a;
-- a history of 500 posts per account (two a day in 1999), stored in time
-- order as a loader appends them, the accounts' posts interleaved
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT a, date '1999-01-01' + n / 2 + time '08:00' + n % 2 * interval '8 hours', 3, 1, 0, 150, 90, 1000
FROM generate_series(0, 499) n, generate_series(1000, 1199) a ORDER BY n, a;
CALL reporting.refresh_account_day_summary();
ANALYZE posts;
DELETE FROM reporting.summary_changes;
VACUUM ANALYZE reporting.summary_changes;});
is($node->safe_psql('analytics', q{SELECT reltuples FROM pg_class WHERE oid = 'reporting.summary_changes'::regclass}),
	'0', 'the change table is empty and vacuumed');

# one session: the first call finds nothing to do; then batches of 2 000,
# 4 000, 8 000 and 16 000 new account-days (200 accounts, days never seen
# before), each refreshed; then a rebuild of them all.  Every plan of the
# procedure's statements is shown (as notices), with its row counts.
my $script = q{
-- costs as where the posts do not fit in memory (a real history)
SET effective_cache_size = '8MB';
LOAD 'auto_explain';
SET auto_explain.log_analyze = on;
SET auto_explain.log_timing = off;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_level = notice;
SET client_min_messages = notice;
SET auto_explain.log_min_duration = 0;
CALL reporting.refresh_account_day_summary();
SET auto_explain.log_min_duration = -1;
};
my $first_day = 0;
for my $n (2000, 4000, 8000, 16000) {
	my $days = $n / 200;
	$script .= qq{
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT a, date '2000-01-01' + $first_day + d + time '12:00', 5, 1, 1, 200, 100, 1000
FROM generate_series(1000, 1199) a, generate_series(0, $days - 1) d;
SET auto_explain.log_min_duration = 0;
CALL reporting.refresh_account_day_summary();
SET auto_explain.log_min_duration = -1;
};
	$first_day += $days;
}
$script .= q{
SET auto_explain.log_min_duration = 0;
CALL reporting.rebuild_account_day_summary(date '2000-01-01', date '2001-01-01');
SET auto_explain.log_min_duration = -1;
};
my ($out, $err) = ('', '');
my $status = $node->psql('analytics', $script, stdout => \$out, stderr => \$err, on_error_stop => 1);
is($status, 0, 'the session refreshes every batch') or diag $err;

# the plans of the refresh statement, one per call
my @plans = grep { /DELETE FROM reporting\.summary_changes RETURNING/ } split /NOTICE:\s+duration:/, $err;
is(scalar @plans, 6, 'auto_explain showed the refresh statement of every call (' . scalar(@plans) . ')');
my @batches = ('the first, empty call', '2 000 account-days', '4 000 account-days', '8 000 account-days',
	'16 000 account-days', 'the rebuild of 30 000 account-days');
for my $i (0 .. $#plans) {
	# a step over the changes (the change table, the CTEs made from it, or
	# what materialises them) run more than once is a nested loop over them
	my @repeated = grep { /(CTE Scan|Seq Scan on summary_changes|Materialize|Hash Join|Hash Anti Join|Hash\b).*loops=([2-9]|\d\d+)\)/ } split /\n/, $plans[$i];
	is(join("\n", @repeated), '', "$batches[$i]: no step over the changed days runs once per day")
	  or diag $plans[$i];
	# the posts of the changed days only: never every post (a hash join
	# reading them all when the change table looked small)
	my @whole = grep { /Seq Scan on posts/ } split /\n/, $plans[$i];
	is(join("\n", @whole), '', "$batches[$i]: only the posts of the changed days are read")
	  or diag $plans[$i];
}
is($node->safe_psql('analytics', $differences), '0', 'the summaries equal a full rebuild');
is($node->safe_psql('analytics',
	q{SELECT count(*) FROM reporting.account_day_summary WHERE account_id >= 1000 AND day >= '2000-01-01'}), '30000',
	'every new account-day has its summary');

#
# 2. isolation levels
#
$node->safe_psql('analytics', q{INSERT INTO posts (account_id, published_at, likes, reach, followers)
	SELECT 1 + g % 3, now() - g * interval '1 hour', g, 100 * g, 12000 FROM generate_series(1, 50) g});
for my $level ('REPEATABLE READ', 'SERIALIZABLE') {
	for my $call ('CALL reporting.refresh_account_day_summary()',
		q{CALL reporting.rebuild_account_day_summary(current_date - 10, current_date)}) {
		my ($ok, $stdout, $stderr) = (undef, '', '');
		$status = $node->psql('analytics', "BEGIN ISOLATION LEVEL $level; $call; COMMIT;",
			stdout => \$stdout, stderr => \$stderr, on_error_stop => 1);
		like($stderr, qr/runs at READ COMMITTED, not at $level.*HINT:.*BEGIN ISOLATION LEVEL READ COMMITTED/s,
			"$level, $call: refused up front, with how to call it");
		$status = $node->psql('analytics', "SET default_transaction_isolation = '" . lc($level) . "'; $call;",
			stdout => \$stdout, stderr => \$stderr, on_error_stop => 1);
		like($stderr, qr/runs at READ COMMITTED, not at $level/,
			"$level as the session default, $call: refused up front");
	}
}
cmp_ok($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.summary_changes'), '>', 0,
	'a refused refresh leaves the changes noted');

# two refreshes at once, and a writer between them: the second waits for
# the first and re-aggregates what the writer committed meanwhile
my $first = $node->background_psql('analytics', on_error_stop => 0);
my $second = $node->background_psql('analytics', on_error_stop => 0);
my $writer = $node->background_psql('analytics', on_error_stop => 0);
$writer->query_safe(q{BEGIN; INSERT INTO posts (account_id, published_at, likes, reach, followers)
	SELECT 1 + g % 3, now() - g * interval '2 hours', 3 * g, 50 * g, 12000 FROM generate_series(1, 30) g});
$first->query_safe('BEGIN ISOLATION LEVEL READ COMMITTED');
$first->query_safe('CALL reporting.refresh_account_day_summary()');
$second->query_until(qr/waiting/, "\\echo waiting\nCALL reporting.refresh_account_day_summary();\n");
$writer->query_safe('COMMIT');
$node->poll_query_until('analytics',
	q{SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted})
  or die 'the second refresh does not wait for the first';
$first->query_safe('COMMIT');
$second->query('SELECT 1');
is($second->{stderr}, '', 'the second refresh ran after the first, without an error');
$first->quit;
$second->quit;
$writer->quit;
$node->safe_psql('analytics', 'CALL reporting.refresh_account_day_summary()');
is($node->safe_psql('analytics', $differences), '0', 'after concurrent refreshes and a writer: equal to a full rebuild');
is($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.summary_changes'), '0', 'nothing left to do');

$node->stop;
done_testing();
