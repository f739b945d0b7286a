# What the TAP tests of the Grafana dashboard share: the dashboard file read
# as Grafana reads it, its panels, queries run as a reader role through
# psql, and the expansion of a panel's rawSql as Grafana's PostgreSQL data
# source expands it (template and global variables, then the macros) for a
# time range given as two instants.
#
#   my $dashboard = GrafanaDashboard->new($node, $dbname, $reader);
#   my ($ok, $rows, $err) = $dashboard->reader_query($sql);
#   $dashboard->set_variable('account', @values);
#   my $range = GrafanaDashboard::time_range($from_ms, $to_ms);
#   my $sql = $dashboard->expand($rawSql, '1d', $range);
package GrafanaDashboard;

use strict;
use warnings;
use IPC::Run;
use JSON::PP;
use POSIX ();

our $dashboard_file = "$ENV{TESTDIR}/examples/grafana/dashboards/engagement.json";
our $datasource_file = "$ENV{TESTDIR}/examples/grafana/provisioning/datasources/engagement.yaml";

# new(NODE, DBNAME, READER): the dashboard of examples/grafana, its panels
# read as READER (a login role) from DBNAME of NODE
sub new
{
	my ($class, $node, $dbname, $reader) = @_;
	open(my $fh, '<', $dashboard_file) or die "$dashboard_file: $!";
	# numbers as exact decimals: a threshold just above 50 must stay above 50
	my $json = JSON::PP->new->allow_bignum->decode(do { local $/; <$fh> });
	close($fh);
	return bless { node => $node, dbname => $dbname, reader => $reader, json => $json, variables => {} },
	  $class;
}

# the decoded dashboard
sub json { return $_[0]{json} }

# every panel, those inside rows included
sub panels
{
	my ($self) = @_;
	return map { $_->{type} eq 'row' ? @{ $_->{panels} || [] } : $_ } @{ $self->{json}{panels} };
}

# psql as the reader: (ok, rows as arrays, stderr); with DESCRIBE, the
# result's columns (name, type) instead of its rows
sub reader_query
{
	my ($self, $sql, $describe) = @_;
	my ($out, $err) = ('', '');
	my $ok = IPC::Run::run(
		[ 'psql', '-X', '-q', '-t', '-A', '-F', "\x1f", '-v', 'ON_ERROR_STOP=1',
		  '-d', $self->{node}->connstr($self->{dbname}) . " user=$self->{reader}" ],
		'<', \($sql . ($describe ? " \\gdesc\n" : ";\n")), '>', \$out, '2>', \$err);
	my @rows = map { [ split /\x1f/, $_, -1 ] } grep { length } split /\n/, $out;
	return ($ok, \@rows, $err);
}

# set_variable(NAME, VALUES...): a template variable as the SQL data
# sources format a multi-value one ("All", the dashboard's default, is
# every value): each value quoted, comma-separated
sub set_variable
{
	my ($self, $name, @values) = @_;
	$self->{variables}{$name} = join ',', map { (my $q = $_) =~ s/'/''/g; "'$q'" } @values;
	return $self->{variables}{$name};
}

sub variable { return $_[0]{variables}{ $_[1] } }

# Grafana's interval strings ("1d", "30m", "500ms") as seconds
sub interval_seconds
{
	my ($text) = @_;
	my %unit = (ms => 0.001, s => 1, m => 60, h => 3600, d => 86400, w => 604800);
	$text =~ /^(\d+)(ms|s|m|h|d|w)$/ or die "cannot parse interval $text";
	return $1 * $unit{$2};
}

# an instant (milliseconds since the epoch) as Grafana writes it into the
# SQL: UTC, RFC 3339, with the fraction only when it is not zero (Go's
# RFC3339Nano drops trailing zeros)
sub instant_text
{
	my ($ms) = @_;
	my $seconds = POSIX::floor($ms / 1000);
	my $fraction = $ms - $seconds * 1000;
	my @t = gmtime($seconds);
	my $text = sprintf('%04d-%02d-%02dT%02d:%02d:%02d', $t[5] + 1900, $t[4] + 1, @t[ 3, 2, 1, 0 ]);
	$text .= sprintf('.%03d', $fraction) =~ s/0+$//r if $fraction;
	return "${text}Z";
}

# time_range(FROM_MS, TO_MS): the range a dashboard shows, from two
# instants in milliseconds since the epoch: {from, to} as Grafana writes
# them, {from_epoch, to_epoch} in whole seconds, {from_ms, to_ms}
sub time_range
{
	my ($from_ms, $to_ms) = @_;
	return {
		from => instant_text($from_ms), to => instant_text($to_ms),
		from_epoch => POSIX::floor($from_ms / 1000), to_epoch => POSIX::floor($to_ms / 1000),
		from_ms => $from_ms, to_ms => $to_ms };
}

sub evaluate_macro
{
	my ($range, $name, @args) = @_;
	if ($name eq '__time') { return qq{$args[0] AS "time"} }
	if ($name eq '__timeEpoch') { return qq{extract(epoch from $args[0]) as "time"} }
	if ($name eq '__timeFilter') { return "$args[0] BETWEEN '$range->{from}' AND '$range->{to}'" }
	if ($name eq '__timeFrom') { return "'$range->{from}'" }
	if ($name eq '__timeTo') { return "'$range->{to}'" }
	if ($name eq '__timeGroup' || $name eq '__timeGroupAlias') {
		(my $text = $args[1]) =~ s/^'|'$//g;
		my $s = interval_seconds($text);
		my $group = "floor(extract(epoch from $args[0])/$s)*$s";
		return $name eq '__timeGroupAlias' ? qq{$group AS "time"} : $group;
	}
	if ($name eq '__unixEpochFilter') {
		return "$args[0] >= $range->{from_epoch} AND $args[0] <= $range->{to_epoch}";
	}
	if ($name eq '__unixEpochGroup' || $name eq '__unixEpochGroupAlias') {
		(my $text = $args[1]) =~ s/^'|'$//g;
		my $s = interval_seconds($text);
		my $group = "floor(($args[0])/$s)*$s";
		return $name eq '__unixEpochGroupAlias' ? qq{$group AS "time"} : $group;
	}
	die "unknown macro $name";
}

# expand(SQL, INTERVAL, RANGE): in the order Grafana applies them: template
# and global variables, then the data source's macros; a $__timeGroup
# directly followed by a comma gets the alias, as Grafana does for
# dashboards from before 5.3
sub expand
{
	my ($self, $sql, $interval, $range) = @_;
	my $ms = interval_seconds($interval) * 1000;
	my %variables = %{ $self->{variables} };
	for my $name (keys %variables) {
		$sql =~ s/\$\{$name(?::[a-z]+)?\}|\[\[$name\]\]|\$$name\b/$variables{$name}/g;
	}
	$sql =~ s/\$__interval_ms/$ms/g;
	$sql =~ s/\$__interval/$interval/g;
	$sql =~ s/\$__unixEpochFrom\(\)/$range->{from_epoch}/g;
	$sql =~ s/\$__unixEpochTo\(\)/$range->{to_epoch}/g;
	my $original = $sql;
	$sql =~ s{\$([_a-zA-Z0-9]+)\(([^\)]*)\)}{
		my ($whole, $name, $args) = ($&, $1, $2);
		my $at = index($original, $whole) + length($whole);
		$name = '__timeGroupAlias' if $name eq '__timeGroup' && substr($original, $at, 1) eq ',';
		evaluate_macro($range, $name, map { s/^\s+|\s+$//gr } split /,/, $args, -1);
	}ge;
	return $sql;
}

# whether a query reads the dashboard's time range
sub time_filtered
{
	my ($sql) = @_;
	return $sql =~ /\$__(time|unixEpoch)/;
}

1;
