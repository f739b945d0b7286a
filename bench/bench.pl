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
# the first round only warms up.  Prints medians and their min-max spread.
use strict;
use warnings;
use File::Temp;

my ($rounds, $memory_groups) = @ARGV;
$rounds ||= 5;
$memory_groups ||= 1000000;
my $psql = $ENV{PSQL} || 'psql';

my $sum4 = 'sum(likes), sum(comments), sum(shares), sum(reach)';
my $eng = 'likes + comments + shares';
my %day = (label => 'by day', sql => "date_bin('1 day', published_at, '2025-01-01')");
my %account = (label => 'by account', sql => 'account_id');
my %none = (label => '', sql => '');

# One comparison: a table, a grouping, the floor and pairs of ours / plain.
my @comparisons;
for my $table (qw(posts_int posts_big)) {
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
push @comparisons, {
	table => 'survey_long', group => \%none,
	floors => [['count(*)', 'count(*)'], ['count(answer)', 'count(answer)']],
	pairs => [
		['q12_index(boolean)', 'q12_index(answer)',
		 '100.0 * count(*) FILTER (WHERE answer) / nullif(count(answer), 0)'],
	],
};

# Every query gets a key; %query holds its SQL, %times its timings.
my (%query, %times, @order);
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
			$query{$key} = $select . ($kind eq 'ours' ? $p->[1] : $p->[2]) . " $from";
			push @keys, $key;
		}
	}
	$c->{keys} = \@keys;
	push @order, @keys;
}

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
			push @{ $times{$current} }, $1 if $round > 0;
			undef $current;
		}
	}
	printf STDERR "round %d of %d done%s\n", $round, $rounds, $round ? '' : ' (warm-up)';
}

sub median {
	my @s = sort { $a <=> $b } @_;
	return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}

sub stats {
	my ($key) = @_;
	my @t = @{ $times{$key} || [] };
	return undef unless @t;
	my @s = sort { $a <=> $b } @t;
	return { median => median(@t), min => $s[0], max => $s[-1] };
}

printf "%-12s %-11s %-32s %9s %17s %8s %8s %9s %8s\n",
	'table', 'grouping', 'query', 'median ms', 'min-max', 'x floor', 'x plain', 'par. ms', 'speedup';
for my $c (@comparisons) {
	# the floor of a comparison: 4 x sum() where the table has it, else count(*)
	my ($floor_key) = grep { /\|floor\|4 x sum/ } @{ $c->{keys} };
	($floor_key) = grep { /\|floor\|count\(\*\)/ } @{ $c->{keys} } unless $floor_key;
	my $floor = stats("0 $floor_key");
	for my $key (@{ $c->{keys} }) {
		my ($table, $group, $kind, $name) = split /\|/, $key;
		my $s = stats("0 $key");
		my $p = stats("2 $key");
		my $vs_plain = '';
		if ($kind eq 'ours') {
			(my $plain_key = $key) =~ s/\|ours\|/|plain|/;
			my $pl = stats("0 $plain_key");
			$vs_plain = sprintf '%.2f', $s->{median} / $pl->{median};
		}
		my $label = $kind eq 'ours' ? $name : $kind eq 'plain' ? "  plain SQL for $name" : "floor: $name";
		printf "%-12s %-11s %-32s %9.1f %17s %8.2f %8s %9.1f %8.2f\n",
			$table, $group, $label, $s->{median},
			sprintf('%.1f-%.1f', $s->{min}, $s->{max}),
			$s->{median} / $floor->{median}, $vs_plain, $p->{median},
			$s->{median} / $p->{median};
	}
}

# peak memory of a hash aggregate into many groups, ours beside plain SQL
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
