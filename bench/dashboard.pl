#!/usr/bin/perl
# The dashboard benchmark's measurements (bench/dashboard.sh runs it as the
# cluster's user): every panel of examples/grafana/dashboards/engagement.json
# that reads the posts or their summaries, expanded as Grafana expands it
# with "All" accounts, over the last 7 days and over the whole history,
# under EXPLAIN (ANALYZE, BUFFERS); then the cost of bringing the summaries
# up to date after a day of posts and a week of late metrics, against a
# full rebuild; then the refresh in a long-lived session whose first call
# found no change, at 2 000 to 16 000 account-days (LONG_SESSION_ROUNDS
# sessions, default 5).
#   perl dashboard.pl DASHBOARD.json DATABASE...
use strict;
use warnings;
use JSON::PP;
use Time::HiRes qw(time);

my ($dashboard_file, @databases) = @ARGV;
my $psql = ($ENV{PG_BIN} || '/usr/lib/postgresql/15/bin') . '/psql';

sub psql {
	my ($db, $sql) = @_;
	open(my $fh, '-|', $psql, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-c', $sql)
	  or die "psql: $!";
	my $out = do { local $/; <$fh> };
	close($fh) or die "psql failed on: $sql\n";
	chomp $out;
	return $out;
}

open(my $fh, '<', $dashboard_file) or die "$dashboard_file: $!";
my $dashboard = JSON::PP->new->decode(do { local $/; <$fh> });
close($fh);
my @panels = grep { ($_->{targets}[0]{rawSql} // '') =~ /account_day_summary|account_days|daily_metrics|top_posts/ }
  @{ $dashboard->{panels} };

# Grafana's macros for a range, "All" accounts and a one-day interval
sub expand {
	my ($sql, $from, $to, $accounts) = @_;
	$sql =~ s/\$__timeGroupAlias\(([^,]+),\s*\$__interval\)/floor(extract(epoch from $1)\/86400)*86400 AS "time"/g;
	$sql =~ s/\$__timeFilter\(([^)]+)\)/$1 BETWEEN '$from' AND '$to'/g;
	$sql =~ s/\$__timeFrom\(\)/'$from'/g;
	$sql =~ s/\$__timeTo\(\)/'$to'/g;
	$sql =~ s/\$account\b/$accounts/g;
	return $sql;
}

# (shared buffers hit + read, execution ms) of one run
sub measure {
	my ($db, $sql) = @_;
	my $plan = decode_json(psql($db, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $sql"))->[0];
	my $top = $plan->{Plan};
	return ($top->{'Shared Hit Blocks'} + $top->{'Shared Read Blocks'}, $plan->{'Execution Time'});
}

sub median { my @s = sort { $a <=> $b } @_; return $s[$#s / 2] }

my %result;
for my $db (@databases) {
	my ($first, $last, $posts) = split /\|/, psql($db,
		q{SELECT min(day), max(day) + 1, (SELECT count(*) FROM posts) FROM account_daily});
	my $accounts = psql($db, q{SELECT string_agg(account_id::text, ',' ORDER BY account_id) FROM accounts});
	my $week_from = psql($db, "SELECT (date '$last' - 7)::text");
	printf "%s: %d posts, %s to %s\n", $db, $posts, $first, $last;
	for my $panel (@panels) {
		my $raw = $panel->{targets}[0]{rawSql};
		my %run;
		for my $span (['7 days', "${week_from}T00:00:00Z", "${last}T00:00:00Z"],
					  ['history', "${first}T00:00:00Z", "${last}T00:00:00Z"]) {
			my $sql = expand($raw, $span->[1], $span->[2], $accounts);
			my (@buffers, @ms);
			for (1 .. 3) {
				my ($b, $ms) = measure($db, $sql);
				push @buffers, $b;
				push @ms, $ms;
			}
			$run{ $span->[0] } = [ median(@buffers), median(@ms) ];
		}
		$result{$db}{ $panel->{title} } = \%run;
		printf "  %-42s 7 days: %8d buffers %9.1f ms   history: %9d buffers %10.1f ms\n",
		  $panel->{title}, @{ $run{'7 days'} }, @{ $run{history} };
	}
}

if (@databases == 2) {
	my ($small, $large) = @databases;
	print "\n7-day panels, $large against $small: buffers (target <= 1.1), and 7 days against the whole\n"
	  . "history of $large in time (target <= 0.05)\n";
	for my $panel (@panels) {
		my $t = $panel->{title};
		my $s = $result{$small}{$t}{'7 days'};
		my $l = $result{$large}{$t}{'7 days'};
		my $h = $result{$large}{$t}{history};
		printf "  %-42s buffers %6.3f   time 7 days / history %6.3f\n", $t,
		  $s->[0] ? $l->[0] / $s->[0] : 0, $h->[1] ? $l->[1] / $h->[1] : 0;
	}
}

# one more day of posts, and late metrics for the 7 days before it
my $db = $databases[-1];
my ($last, $per_day) = split /\|/, psql($db,
	q{SELECT max(day), (SELECT count(*) FROM posts) / count(DISTINCT day) FROM account_daily});
print "\nbringing the summaries of $db up to date after a day of posts ($per_day) and a week of late metrics:\n";
psql($db, qq{INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
	SELECT 1 + g % 1000, date '$last' + 1 + (g % 86400) * interval '1 second', g % 300, g % 20, g % 7,
	       1000 + g % 5000, 800 + g % 4000, 10000
	FROM generate_series(1, $per_day) g});
psql($db, qq{UPDATE posts SET likes = likes + 1
	WHERE published_at >= date '$last' - 6 AND published_at < date '$last' + 1 AND post_id % 10 = 0});
my $days = psql($db, 'SELECT count(DISTINCT (account_id, utc_day)) FROM reporting.summary_changes');
my $start = time;
psql($db, 'CALL reporting.refresh_account_day_summary()');
my $incremental = time - $start;
$start = time;
psql($db, q{CREATE TABLE rebuilt AS
	SELECT account_id, (published_at AT TIME ZONE a.time_zone)::date AS day,
	       engagement_agg(likes, comments, shares, reach, views, p.followers) AS stats
	FROM posts p JOIN accounts a USING (account_id) GROUP BY 1, 2});
my $full = time - $start;
my $differences = psql($db, q{SELECT count(*) FROM reporting.account_day_summary s
	FULL JOIN rebuilt r USING (account_id, day) WHERE s.stats IS DISTINCT FROM r.stats});
psql($db, 'DROP TABLE rebuilt');
printf "  %d account-days re-aggregated in %.2f s; a full rebuild %.2f s; ratio %.3f (target <= 0.05);\n"
  . "  summaries different from the rebuild: %d\n", $days, $incremental, $full, $incremental / $full, $differences;

# A long-lived session: its first refresh finds the change table empty (and
# vacuumed, as after a quiet night), then it refreshes 2 000, 4 000, 8 000
# and 16 000 new account-days (1 000 accounts, 2 posts a day, days never
# seen before).  Time per account-day of each, median over ROUNDS sessions;
# the target: every size within 1.5 x of the cheapest per account-day.
my $rounds = $ENV{LONG_SESSION_ROUNDS} || 5;
my @sizes = (2000, 4000, 8000, 16000);
print "\none long-lived session of $db, whose first refresh found no change, refreshing new account-days ($rounds sessions):\n";
my %per_day;
my $offset = 30;
for my $round (1 .. $rounds) {
	psql($db, 'VACUUM ANALYZE reporting.summary_changes');
	my $script = "SET client_min_messages = warning;\nCALL reporting.refresh_account_day_summary();\n";
	for my $n (@sizes) {
		my $days = $n / 1000;
		$script .= qq{
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT a, date '$last' + $offset + d + time '06:00' + p * interval '8 hours', 20 + a % 50, a % 7, p, 3000, 2000 + a, 10000
FROM generate_series(1, 1000) a, generate_series(0, $days - 1) d, generate_series(0, 1) p;
SELECT clock_timestamp() AS started \\gset
CALL reporting.refresh_account_day_summary();
SELECT 'refreshed $n ' || extract(epoch FROM clock_timestamp() - :'started'::timestamptz);
};
		$offset += $days;
	}
	my $file = "/tmp/long-session-$$.sql";
	open(my $w, '>', $file) or die "$file: $!";
	print $w $script;
	close($w);
	open(my $r, '-|', $psql, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-f', $file)
	  or die "psql: $!";
	while (my $line = <$r>) {
		push @{ $per_day{$1} }, $2 / $1 if $line =~ /^refreshed (\d+) ([\d.]+)/;
	}
	close($r) or die "psql failed on the long session\n";
	unlink $file;
}
my %median = map { $_ => median(@{ $per_day{$_} }) } @sizes;
my ($cheapest) = sort { $a <=> $b } values %median;
for my $n (@sizes) {
	printf "  %6d account-days: %.3f ms per account-day (median; range %.3f-%.3f), %.2f x the cheapest\n",
	  $n, 1000 * $median{$n}, 1000 * (sort { $a <=> $b } @{ $per_day{$n} })[0],
	  1000 * (sort { $a <=> $b } @{ $per_day{$n} })[-1], $median{$n} / $cheapest;
}
my ($worst) = sort { $b <=> $a } values %median;
printf "  worst / cheapest per account-day: %.2f (target <= 1.5)\n", $worst / $cheapest;
psql($db, qq{DELETE FROM posts WHERE published_at >= date '$last' + 30});
psql($db, 'CALL reporting.refresh_account_day_summary()');
