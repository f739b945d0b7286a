# The README's SQL runs as shown.  Every ```sql block of README.md is run,
# as written and in order, on a fresh database: the blocks create the
# extension, the tables and their rows themselves, and this test adds
# nothing of its own.  It is done twice: once as written (the posts table of
# Getting started with integer likes, comments and shares and bigint
# audiences), and once with that CREATE TABLE rewritten to bigint counts;
# both must give the same output, block for block.
#
# Fences (the info string after ```):
#   sql   run, every one of them, in order; a block that fails fails the
#         test, and so does a query in it that returns no rows
#   sh    shell commands: not run
#   text  not run; it must begin with a line "-- not run: REASON", the one
#         way to show SQL that cannot run on one node (postgres_fdw, Citus)
# Any other fence fails the test, so no SQL escapes it unseen.  Today no
# block is "text": the SQL that needs other servers is in
# doc/scaling-out.md, and 003_fdw_shards.pl runs its query on shards.
#
# Finally, every function, aggregate and type the extension creates (but
# support functions: transition, final, combine, serialisation and
# input/output functions) is named in the README or a page of doc/.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

sub slurp {
	my ($file) = @_;
	open(my $fh, '<', $file) or die "$file: $!";
	local $/;
	return <$fh>;
}

my $readme = slurp("$ENV{TESTDIR}/README.md");
my (@sql, @not_run);
while ($readme =~ /^```(\S*)[ \t]*\n(.*?)^```/msg) {
	my ($fence, $body) = ($1, $2);
	if ($fence eq 'sql') {
		push @sql, $body;
	} elsif ($fence eq 'sh') {
		next;
	} elsif ($fence eq 'text') {
		like($body, qr/\A-- not run: \S/, 'a text block of the README says why it is not run');
		push @not_run, $body;
	} else {
		fail("README block fenced ```$fence: use sql, sh or text (see the top of this test)");
	}
}
ok(@sql >= 10, 'the README has SQL blocks (' . scalar(@sql) . ')');
diag(scalar(@not_run) . ' README block(s) fenced as not run') if @not_run;
like($sql[0], qr/^CREATE EXTENSION engagement;/m, 'the first SQL block creates the extension');
my @creates_posts = grep { $sql[$_] =~ /CREATE TABLE posts \(/ } 0 .. $#sql;
is(scalar(@creates_posts), 1, 'one block creates the posts table');

my $node = PostgreSQL::Test::Cluster->new('readme');
$node->init;
$node->start;

my %output;
for my $variant ('as written', 'bigint counts') {
	my $db = $variant eq 'as written' ? 'readme_int' : 'readme_bigint';
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	my @blocks = @sql;
	if ($variant eq 'bigint counts') {
		my $i = $creates_posts[0];
		$blocks[$i] =~ s/\b(account_id\s+)int\b/${1}bigint/
			and $blocks[$i] =~ s/likes int, comments int, shares int/likes bigint, comments bigint, shares bigint/
			or BAIL_OUT('the posts table of Getting started changed: update this test');
	}
	for my $i (0 .. $#blocks) {
		my $n = $i + 1;
		# unaligned, with headers and the "(N rows)" footer of every query
		my ($ret, $out, $err) = $node->psql($db, $blocks[$i],
			on_error_stop => 1, extra_params => [ '-P', 'tuples_only=off', '-P', 'footer=on' ]);
		is($ret, 0, "README SQL block $n runs ($variant)") or diag "$blocks[$i]\n$err";
		unlike($out, qr/^\(0 rows\)$/m, "every query of README SQL block $n returns rows ($variant)")
			or diag "$blocks[$i]\n$out";
		push @{ $output{$variant} }, $out;
	}
	my $types = $node->safe_psql($db,
		q{SELECT string_agg(atttypid::regtype::text, ',' ORDER BY attnum) FROM pg_attribute
		  WHERE attrelid = 'posts'::regclass AND attname IN ('likes', 'reach')});
	is($types, $variant eq 'as written' ? 'integer,bigint' : 'bigint,bigint',
		"the posts table has the counts of the variant ($variant)");
}
for my $i (0 .. $#sql) {
	is($output{'bigint counts'}[$i], $output{'as written'}[$i],
		'README SQL block ' . ($i + 1) . ' gives the same output with bigint counts');
}

# what the README says its examples give
my $all = join("\n", @{ $output{'as written'} });
like($output{'as written'}[0], qr/^err\n5\n/m, 'the first example gives 5, as its comment says');
like($all, qr/^same\nt$/m, 'the merged daily summaries equal the summary of all posts');
like($all, qr/^Design\|2\|\nEngineering\|6\|\d[\d.]*\nResearch\|5\|$/m,
	'Confidentiality: Engineering shown, Design and Research hidden, as the README says');

# every function, aggregate and type of the extension is in the reference
my $documented = join("\n", $readme, map { slurp($_) } glob("$ENV{TESTDIR}/doc/*.md"));
my @names = split /\n/, $node->safe_psql('readme_int', q{
	SELECT DISTINCT name FROM (
		SELECT p.proname::text AS name
		FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
		WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
		  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'engagement')
		UNION
		SELECT t.typname::text
		FROM pg_depend d JOIN pg_type t ON d.classid = 'pg_type'::regclass AND d.objid = t.oid
		WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
		  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'engagement')
		  AND t.typcategory <> 'A'
	) s
	WHERE name !~ '_(transfn|finalfn|combinefn|serialfn|deserialfn|in|out|recv|send|sfunc|ffunc)$'
	ORDER BY 1});
ok(@names >= 40, 'the extension has functions, aggregates and types (' . scalar(@names) . ')');
my @missing = grep { $documented !~ /\b\Q$_\E\b/ } @names;
is(join(', ', @missing), '', 'every function, aggregate and type is named in the README or doc/');

$node->stop;
done_testing();
