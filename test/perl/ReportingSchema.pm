# What the TAP tests of the reporting schema share: a node with the
# database analytics holding examples/reporting.sql (or another schema file)
# and the demo data, and the query counting the daily summaries that differ
# from a full rebuild (rows missing on either side, or with another
# summary or day bounds; = is exact equality of every count and sum); a
# day is the account's local day.
package ReportingSchema;

use strict;
use warnings;
use Exporter 'import';
use PostgreSQL::Test::Cluster;

our @EXPORT = qw(reporting_node $rebuild_differences);

our $rebuild_differences = q{
SELECT count(*) FROM (
    SELECT account_id, day, stats FROM reporting.account_day_summary s
    FULL JOIN (SELECT account_id, (published_at AT TIME ZONE a.time_zone)::date AS day,
                      a.time_zone,
                      engagement_agg(likes, comments, shares, reach, views, p.followers) AS rebuilt
               FROM posts p JOIN accounts a USING (account_id) GROUP BY 1, 2, 3) r USING (account_id, day)
    WHERE stats IS DISTINCT FROM rebuilt
       OR s.day_start IS DISTINCT FROM reporting.local_day_start(day, r.time_zone)
       OR s.day_end IS DISTINCT FROM reporting.local_day_start(day + 1, r.time_zone)) d};

# reporting_node(NAME[, SCHEMA_FILE, WHAT, NO_DEMO_DATA]): a started node,
# its database analytics loaded with SCHEMA_FILE (examples/reporting.sql)
# and, unless NO_DEMO_DATA, the demo data
sub reporting_node
{
	my ($name, $schema, $what, $no_demo_data) = @_;
	my $examples = "$ENV{TESTDIR}/examples";
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init;
	$node->start;
	$node->safe_psql('postgres', 'CREATE DATABASE analytics');
	$node->safe_psql('analytics', 'CREATE EXTENSION engagement');
	$node->command_ok(
		[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('analytics'),
		  '-f', $schema // "$examples/reporting.sql",
		  $no_demo_data ? () : ('-f', "$examples/demo-data.sql") ],
		$what // 'the reporting schema and the demo data load');
	return $node;
}

1;
