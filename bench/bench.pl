#!/usr/bin/perl
# Times the engagement aggregates beside the plain SQL a user would write
# and beside the cost of just reading the columns.  Run by bench/run.sh
# against a cluster that already holds bench/data.sql; PGHOST, PGPORT,
# PGUSER and PGDATABASE name it.
#
#   bench.pl ROUNDS GROUPS_FOR_MEMORY
#
# Each round runs every query of a comparison one after the other, in an
# order that rotates from round to round, serial and then with 2 workers;
# the first round only warms up.  Ratios are taken within a round (ours
# against the floor and the plain SQL of the same round, serial against
# parallel of the same query) and their median over the rounds printed, so
# that the drift of a shared machine between rounds cancels out.
#
#   bench.pl --instructions DATADIR DATABASE ROWS
#
# Counts the instructions of each serial query instead, with callgrind, in a
# single-user backend over the stopped cluster in DATADIR (run by
# bench/instructions.sh).  Counts do not depend on what else the machine is
# doing, so their ratios repeat to the last digit.
use strict;
use warnings;
use File::Temp;

my $instructions = @ARGV && $ARGV[0] eq '--instructions';
shift @ARGV if $instructions;
my $psql = $ENV{PSQL} || 'psql';

my $sum4 = 'sum(likes), sum(comments), sum(shares), sum(reach)';
my $eng = 'likes + comments + shares';
my %day = (label => 'by day', sql => "date_bin('1 day', published_at, '2025-01-01')");
my %account = (label => 'by account', sql => 'account_id');
my %none = (label => '', sql => '');

# One comparison: a table, a grouping, the floor and pairs of ours / plain.
my @comparisons;
for my $table (qw(posts_int posts_big posts_mixed)) {
	for my $group (\%none, \%account, \%day) {
		my @pairs = (
			['er_reach', "er_reach(likes, comments, shares, reach)",
			 "100.0 * sum($eng) / nullif(sum(reach), 0)"],
			['er_view', "er_view(likes, comments, shares, views)",
			 "100.0 * sum($eng) / nullif(sum(views), 0)"],
			['er_post', "er_post(likes, comments, shares, followers)",
			 "avg(100.0 * ($eng) / nullif(followers, 0))"],
			['er_day', "er_day(likes, comments, shares, followers)",
			 "sum(100.0 * ($eng) / nullif(followers, 0))"],
		);
		push @pairs, ['amplification_rate', 'amplification_rate(shares)',
					  '100.0 * sum(shares) / nullif(count(shares), 0)']
			if $group == \%none;
		# the upper bound of the 95 % interval in one pass of plain SQL, from
		# numeric sums of squares (the target compares it with er_reach)
		my $e = "($eng)::numeric";
		my $ratio = "(sum($e) / nullif(sum(reach), 0))";
		push @pairs, ['er_reach_interval', 'er_reach_interval(likes, comments, shares, reach)',
					  "100 * ($ratio + 1.959963984540054 * sqrt((sum($e * $e) - 2 * $ratio * sum($e * reach)"
					  . " + $ratio ^ 2 * sum(reach::numeric * reach)) / nullif(count(*) - 1, 0) / count(*))"
					  . " / (sum(reach) / count(*)))"]
			if $group != \%day;
		push @comparisons, {
			table => $table, group => $group,
			floors => [['count(*)', 'count(*)'], ['4 x sum()', $sum4]],
			pairs => \@pairs,
		};
	}
}
push @comparisons, {
	table => 'survey_wide', group => \%none,
	floors => [['count(*)', 'count(*)']],
	pairs => [
		['q12_index(boolean[])', 'q12_index(answers)',
		 '100.0 * sum(cardinality(array_positions(answers, true)))'
		 . ' / nullif(sum(cardinality(array_remove(answers, NULL))), 0)'],
		['engagement_index', 'engagement_index(work, management, events)',
		 'avg(work) + avg(management) + avg(events)'],
	],
};
# the plain SQL a user writes for the scales: unnest for the mean,
# array_positions for the favourable answers
push @comparisons, {
	table => 'survey_scales', group => \%none,
	floors => [['count(*)', 'count(*)']],
	pairs => [
		['q12_mean(integer[])', 'q12_mean(scores)', 'avg(x)', 'survey_scales, unnest(scores) AS x'],
		['percent_favourable(integer[])', 'percent_favourable(scores)',
		 '100.0 * sum(cardinality(array_positions(scores, 4)) + cardinality(array_positions(scores, 5)))'
		 . ' / nullif(sum(cardinality(array_remove(scores, NULL))), 0)'],
		['enps', 'enps(nps)',
		 '100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0)'],
		# key drivers: one pass against one corr() per item (the target: 3 x)
		['driver_correlations(12 items)', 'driver_correlations(scores, nps)',
		 'ARRAY[' . join(', ', map { "corr(scores[$_], nps)" } 1 .. 12) . ']'],
	],
};
# breakout posts: each post against the summary of the 30 posts before it
# of its account (a moving frame of engagement_agg), beside er_reach over
# the same frame (the target: within 2 x); both read one row per post
my $frame = 'OVER (PARTITION BY account_id ORDER BY published_at ROWS BETWEEN 30 PRECEDING AND 1 PRECEDING)';
push @comparisons, {
	table => 'posts_int', group => \%none,
	floors => [['count(*)', 'count(*)']],
	pairs => [
		['er_reach_zscore(30-post frame)', 'sum(z)',
		 'sum(z)', "(SELECT er_reach(likes, comments, shares, reach) $frame AS z FROM posts_int) f",
		 "(SELECT er_reach_zscore(likes, comments, shares, reach, engagement_agg(likes, comments, shares, reach, views, followers) $frame) AS z FROM posts_int) f"],
	],
};
push @comparisons, {
	table => 'survey_long', group => \%none,
	floors => [['count(*)', 'count(*)'], ['count(answer)', 'count(answer)']],
	pairs => [
		['q12_index(boolean)', 'q12_index(answer)',
		 '100.0 * count(*) FILTER (WHERE answer) / nullif(count(answer), 0)'],
	],
};

# Every query gets a key, "TABLE|GROUPING|KIND|NAME"; %query holds its SQL.
my (%query, @order);
for my $c (@comparisons) {
	my $g = $c->{group};
	my $from = "FROM $c->{table}" . ($g->{sql} ? " GROUP BY $g->{sql}" : '');
	my $select = $g->{sql} ? "SELECT $g->{sql}, " : 'SELECT ';
	my @keys;
	for my $f (@{ $c->{floors} }) {
		next if $g->{sql} && $f->[0] eq 'count(*)';
		my $key = "$c->{table}|$g->{label}|floor|$f->[0]";
		$query{$key} = "$select$f->[1] $from";
		push @keys, $key;
	}
	for my $p (@{ $c->{pairs} }) {
		for my $kind (qw(ours plain)) {
			my $key = "$c->{table}|$g->{label}|$kind|$p->[0]";
			# a plain formula may read its own FROM list (unnest), and so may
			# ours (a window in a subquery)
			my $own = $kind eq 'plain' ? $p->[3] : $p->[4];
			my $from_list = $own ? $from =~ s/^FROM \S+/FROM $own/r : $from;
			$query{$key} = $select . ($kind eq 'ours' ? $p->[1] : $p->[2]) . " $from_list";
			push @keys, $key;
		}
	}
	$c->{keys} = \@keys;
	push @order, @keys;
}

sub median {
	my @s = sort { $a <=> $b } @_;
	return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}

# median and range of a list of numbers
sub spread {
	my @s = sort { $a <=> $b } @_;
	return { median => median(@s), min => $s[0], max => $s[-1] };
}

# the floor of a comparison: 4 x sum() where the table has it, else count(*)
sub floor_key {
	my ($c) = @_;
	my ($key) = grep { /\|floor\|4 x sum/ } @{ $c->{keys} };
	($key) = grep { /\|floor\|count\(\*\)/ } @{ $c->{keys} } unless $key;
	return $key;
}

sub plain_key {
	my ($key) = @_;
	return $key =~ /\|ours\|/ ? $key =~ s/\|ours\|/|plain|/r : undef;
}

sub label {
	my ($key) = @_;
	my ($table, $group, $kind, $name) = split /\|/, $key;
	return ($table, $group,
		$kind eq 'ours' ? $name : $kind eq 'plain' ? "  plain SQL for $name" : "floor: $name");
}

if ($instructions) {
	count_instructions(@ARGV);
} else {
	time_queries(@ARGV);
}
exit 0;

sub run_psql {
	my ($script) = @_;
	my $file = File::Temp->new(SUFFIX => '.sql');
	print $file $script;
	close($file);
	open(my $fh, '-|', $psql, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $file->filename)
		or die "cannot run psql: $!";
	local $/;
	my $out = <$fh>;
	close($fh) or die "psql failed\n";
	return $out;
}

sub time_queries {
	my ($rounds, $memory_groups) = @_;
	$rounds ||= 5;
	$memory_groups ||= 1000000;

	# $times{"WORKERS KEY"}[ROUND - 1]: every query runs in every round
	my %times;
	for my $round (0 .. $rounds) {
		my $script = "\\timing on\n";
		for my $c (@comparisons) {
			my @keys = @{ $c->{keys} };
			my $shift = $round % @keys;
			@keys = (@keys[$shift .. $#keys], @keys[0 .. $shift - 1]);
			for my $key (@keys) {
				for my $workers (0, 2) {
					$script .= "SET max_parallel_workers_per_gather = $workers;\n"
						. "\\echo \@\@ $workers $key\n$query{$key} \\g /dev/null\n";
				}
			}
		}
		my $out = run_psql($script);
		my $current;
		for my $line (split /\n/, $out) {
			if ($line =~ /^\@\@ (\d) (.*)$/) {
				$current = "$1 $2";
			} elsif ($line =~ /^Time: ([\d.]+) ms/ && defined $current) {
				$times{$current}[$round - 1] = $1 if $round > 0;
				undef $current;
			}
		}
		printf STDERR "round %d of %d done%s\n", $round, $rounds, $round ? '' : ' (warm-up)';
	}

	# per-round ratios of two queries' times
	my $ratios = sub {
		my ($a, $b) = @_;
		return spread(map { $times{$a}[$_] / $times{$b}[$_] } 0 .. $rounds - 1);
	};
	my $range = sub { sprintf '%.2f-%.2f', $_[0]{min}, $_[0]{max} };

	printf "%-12s %-11s %-32s %9s %15s %7s %9s %7s %9s %8s %7s %9s\n",
		'table', 'grouping', 'query', 'median ms', 'min-max', 'x floor', 'range', 'x plain',
		'range', 'par. ms', 'speedup', 'range';
	for my $c (@comparisons) {
		my $floor = floor_key($c);
		for my $key (@{ $c->{keys} }) {
			my $s = spread(@{ $times{"0 $key"} });
			my $p = spread(@{ $times{"2 $key"} });
			my $vs_floor = $ratios->("0 $key", "0 $floor");
			my $speedup = $ratios->("0 $key", "2 $key");
			my ($vs_plain, $plain_range) = ('', '');
			if (my $plain = plain_key($key)) {
				my $r = $ratios->("0 $key", "0 $plain");
				($vs_plain, $plain_range) = (sprintf('%.2f', $r->{median}), $range->($r));
			}
			printf "%-12s %-11s %-32s %9.1f %15s %7.2f %9s %7s %9s %8.1f %7.2f %9s\n",
				label($key), $s->{median},
				sprintf('%.0f-%.0f', $s->{min}, $s->{max}),
				$vs_floor->{median}, $range->($vs_floor), $vs_plain, $plain_range,
				$p->{median}, $speedup->{median}, $range->($speedup);
		}
	}
	print "\nratios are medians of the per-round ratios, with their range over the $rounds rounds\n";
	memory_report($memory_groups);
}

# peak memory of a hash aggregate into many groups, ours beside plain SQL
sub memory_report {
	my ($memory_groups) = @_;
	print "\nhash aggregate into $memory_groups groups, serial (EXPLAIN ANALYZE):\n";
	for my $table (qw(posts_int posts_big)) {
		for my $pair (['er_reach', "er_reach(likes, comments, shares, reach)",
					   "100.0 * sum($eng) / nullif(sum(reach), 0)"],
					  ['er_post', "er_post(likes, comments, shares, followers)",
					   "avg(100.0 * ($eng) / nullif(followers, 0))"]) {
			for my $kind (1, 2) {
				my $out = run_psql(
					"SET max_parallel_workers_per_gather = 0; SET enable_sort = off; "
					. "SET work_mem = '4GB'; SET hash_mem_multiplier = 1; "
					. "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT $pair->[$kind] "
					. "FROM $table GROUP BY post_id % $memory_groups");
				my ($kb) = $out =~ /Memory Usage: (\d+)kB/;
				my ($ms) = $out =~ /Execution Time: ([\d.]+) ms/;
				printf "%-12s %-32s %10s kB %10.1f ms\n", $table,
					$kind == 1 ? $pair->[0] : "  plain SQL for $pair->[0]", $kb // '?', $ms // 0;
			}
		}
	}
}

# Every serial query once, in one single-user backend under callgrind, after
# pg_prewarm has read the tables into shared buffers; callgrind zeroes its
# counters when a query's portal starts and writes them out when it ends,
# one file per query.
sub count_instructions {
	my ($datadir, $database, $rows) = @_;
	my %rows_of = (posts_int => $rows, posts_big => $rows, posts_mixed => $rows,
				   survey_wide => int($rows / 10), survey_scales => int($rows / 10), survey_long => 12 * int($rows / 10));
	my $dir = File::Temp->newdir();
	my $input = "SET max_parallel_workers_per_gather = 0;\n"
		. join('', map { "SELECT pg_prewarm('$_');\n" } sort keys %rows_of);
	my $first = 1 + 1 + keys %rows_of;    # the dumps before the first query
	$input .= "$query{$_};\n" for @order;
	my $in = File::Temp->new(SUFFIX => '.sql');
	print $in $input;
	close($in);
	my $bin = $ENV{PG_BIN} || '/usr/lib/postgresql/15/bin';
	system("valgrind --tool=callgrind --callgrind-out-file=$dir/cg"
		. " --zero-before=PortalRun --dump-after=PortalRun"
		. " $bin/postgres --single -D '$datadir' -c shared_buffers=2GB -c jit=off"
		. " $database < '$in' > '$dir/out' 2> '$dir/log'") == 0
		or die "postgres --single under callgrind failed:\n" . `tail -20 '$dir/log'`;

	my %count;
	for my $i (0 .. $#order) {
		my $file = "$dir/cg." . ($first + $i);
		open(my $fh, '<', $file) or die "no callgrind dump $file\n";
		while (<$fh>) {
			$count{ $order[$i] } = $1 if /^summary: (\d+)/;
		}
		close($fh);
	}

	printf "%-12s %-11s %-32s %12s %8s %8s\n",
		'table', 'grouping', 'query', 'instr./row', 'x floor', 'x plain';
	for my $c (@comparisons) {
		my $floor = floor_key($c);
		my $n = $rows_of{ $c->{table} };
		for my $key (@{ $c->{keys} }) {
			my $plain = plain_key($key);
			printf "%-12s %-11s %-32s %12.1f %8.3f %8s\n",
				label($key), $count{$key} / $n, $count{$key} / $count{$floor},
				$plain ? sprintf('%.3f', $count{$key} / $count{$plain}) : '';
		}
	}
}
