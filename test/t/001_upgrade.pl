# Every way to the newest version gives the same extension.  There is no
# complete install script after 1.0: CREATE EXTENSION runs the install
# script of 1.0 and then every update script, so each object is written
# once, in the script of the version that made or changed it, and every
# fresh install runs the updates.  Compared here: a fresh install, 1.0
# updated one ALTER EXTENSION at a time, and each later released version
# installed and then updated.
# The whole catalog entry of every member object is compared: functions
# with every attribute, aggregates with every pg_aggregate column, types,
# operators, operator classes with their operators and support functions,
# casts, and comments.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('postgres', 'CREATE DATABASE updated');

my $newest = $node->safe_psql('postgres',
	"SELECT default_version FROM pg_available_extensions WHERE name = 'engagement'");
isnt($newest, '1.0', "a version after 1.0 exists ($newest)");

my $sharedir = $node->safe_psql('postgres', "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'");
my @complete = map { m{/engagement--([\d.]+)\.sql$} ? $1 : () } glob("$sharedir/extension/engagement--*.sql");
is("@complete", '1.0', 'the only complete install script is that of 1.0; later versions are updates');

$node->safe_psql('updated', "CREATE EXTENSION engagement VERSION '1.0'");
my $before = $node->safe_psql('updated',
	"SELECT er_reach(l, c, s, r) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)");
my @path = split /\n/, $node->safe_psql('updated',
	"SELECT unnest(string_to_array(path, '--'))
	 FROM pg_extension_update_paths('engagement') WHERE source = '1.0' AND target = '$newest'");
cmp_ok(scalar @path, '>=', 2, 'an update path from 1.0: ' . join(' -> ', @path));
shift @path;
for my $step (@path) {
	$node->safe_psql('updated', "ALTER EXTENSION engagement UPDATE TO '$step'");
}
is($node->safe_psql('updated', "SELECT extversion FROM pg_extension WHERE extname = 'engagement'"),
	$newest, 'updating step by step reaches the default version');

$node->safe_psql('fresh', 'CREATE EXTENSION engagement');

my $members = q{
WITH members AS (
    SELECT d.classid, d.objid
    FROM pg_depend d JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
    WHERE e.extname = 'engagement' AND d.deptype = 'e'
)
SELECT pg_describe_object(m.classid, m.objid, 0)
       || coalesce((SELECT ' | ' || CASE WHEN p.prokind = 'a' THEN
                               format('aggregate %s(%s) -> %s', p.proname,
                                      pg_get_function_arguments(p.oid), p.prorettype::regtype)
                           ELSE pg_get_functiondef(p.oid) END
                    FROM pg_proc p WHERE m.classid = 'pg_proc'::regclass AND p.oid = m.objid), '')
       || coalesce((SELECT format(' | kind=%s final_modify=%s mfinal_modify=%s sfunc=%s final=%s combine=%s'
                                  ' serial=%s deserial=%s msfunc=%s minv=%s mfinal=%s final_extra=%s'
                                  ' mfinal_extra=%s sortop=%s stype=%s sspace=%s mstype=%s msspace=%s'
                                  ' init=%s minit=%s numdirect=%s',
                                  a.aggkind, a.aggfinalmodify, a.aggmfinalmodify, a.aggtransfn,
                                  a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
                                  a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggfinalextra,
                                  a.aggmfinalextra, a.aggsortop::regoperator, a.aggtranstype::regtype,
                                  a.aggtransspace, a.aggmtranstype::regtype, a.aggmtransspace,
                                  a.agginitval, a.aggminitval, a.aggnumdirectargs)
                    FROM pg_aggregate a WHERE m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid), '')
       || coalesce((SELECT format(' | len=%s byval=%s type=%s category=%s preferred=%s align=%s storage=%s'
                                  ' in=%s out=%s recv=%s send=%s modin=%s analyze=%s delim=%s elem=%s'
                                  ' array=%s subscript=%s collation=%s range=%s',
                                  t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred,
                                  t.typalign, t.typstorage, t.typinput, t.typoutput, t.typreceive,
                                  t.typsend, t.typmodin, t.typanalyze, t.typdelim, t.typelem::regtype,
                                  t.typarray::regtype, t.typsubscript, t.typcollation,
                                  (SELECT format('%s %s %s %s', r.rngsubtype::regtype, r.rngsubopc,
                                                 r.rngcanonical, r.rngsubdiff)
                                   FROM pg_range r WHERE r.rngtypid = t.oid))
                    FROM pg_type t WHERE m.classid = 'pg_type'::regclass AND t.oid = m.objid), '')
       || coalesce((SELECT format(' | code=%s left=%s right=%s result=%s commutator=%s negator=%s'
                                  ' restrict=%s join=%s merges=%s hashes=%s',
                                  o.oprcode, o.oprleft::regtype, o.oprright::regtype,
                                  o.oprresult::regtype, o.oprcom::regoperator, o.oprnegate::regoperator,
                                  o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
                    FROM pg_operator o WHERE m.classid = 'pg_operator'::regclass AND o.oid = m.objid), '')
       || coalesce((SELECT format(' | default=%s type=%s operators=%s support=%s', c.opcdefault,
                                  c.opcintype::regtype,
                                  (SELECT string_agg(format('%s:%s', ao.amopstrategy, ao.amopopr::regoperator),
                                                     ',' ORDER BY ao.amopstrategy)
                                   FROM pg_amop ao WHERE ao.amopfamily = c.opcfamily),
                                  (SELECT string_agg(format('%s:%s', ap.amprocnum, ap.amproc::regprocedure),
                                                     ',' ORDER BY ap.amprocnum)
                                   FROM pg_amproc ap WHERE ap.amprocfamily = c.opcfamily))
                    FROM pg_opclass c WHERE m.classid = 'pg_opclass'::regclass AND c.oid = m.objid), '')
       || coalesce((SELECT format(' | cast func=%s context=%s method=%s', k.castfunc::regprocedure,
                                  k.castcontext, k.castmethod)
                    FROM pg_cast k WHERE m.classid = 'pg_cast'::regclass AND k.oid = m.objid), '')
       || ' | comment: ' || coalesce(obj_description(m.objid, c.relname::text), '(none)')
FROM members m JOIN pg_class c ON c.oid = m.classid
ORDER BY 1
};

my $fresh = $node->safe_psql('fresh', $members);
my $updated = $node->safe_psql('updated', $members);
my @objects = split /\n/, $fresh;
cmp_ok(scalar @objects, '>', 80, 'the extension has its member objects (' . scalar(@objects) . ')');
is($updated, $fresh, '1.0 updated step by step and a fresh install have identical member objects');

# every released version after 1.0, installed and then updated
my @released = grep { $_ ne '1.0' && $_ ne $newest } split /\n/, $node->safe_psql('postgres',
	"SELECT version FROM pg_available_extension_versions WHERE name = 'engagement' ORDER BY string_to_array(version, '.')::int[]");
cmp_ok(scalar @released, '>=', 1, "released versions between 1.0 and $newest: @released");
for my $version (@released) {
	(my $db = "from_$version") =~ s/\./_/g;
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION engagement VERSION '$version'");
	$node->safe_psql($db, 'ALTER EXTENSION engagement UPDATE');
	is($node->safe_psql($db, $members), $fresh, "$version installed and updated equals a fresh install");
}

# Since PostgreSQL 17 the array type that CREATE TYPE makes beside each type
# is a member of the extension too (before, it belonged to its type only);
# such an array type has no comment of its own.  Every other member has one.
my $server_version = $node->safe_psql('postgres', 'SHOW server_version_num');
my $arrays_are_members = $server_version >= 170000;
my $arrays = $node->safe_psql('fresh', q{
	SELECT count(*) FILTER (WHERE EXISTS (
	           SELECT FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	           WHERE e.extname = 'engagement' AND d.deptype = 'e'
	             AND d.classid = 'pg_type'::regclass AND d.objid = t.typarray)) || '/' || count(*)
	FROM pg_type t
	WHERE t.typarray <> 0 AND t.oid IN (
	    SELECT d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	    WHERE e.extname = 'engagement' AND d.deptype = 'e' AND d.classid = 'pg_type'::regclass)});
my ($array_members, $types) = split m{/}, $arrays;
cmp_ok($types, '>', 5, "the extension has types with array types ($types)");
is($array_members, $arrays_are_members ? $types : 0,
	'array types are members ' . ($arrays_are_members ? 'since PostgreSQL 17' : 'not before PostgreSQL 17'));
my @uncommented = grep { /comment: \(none\)$/ && !/^type \S+\[\] \|/ } @objects;
is(join("\n", @uncommented), '', 'every member object but the array types has a comment');

# the objects of 1.0 keep working after the update, and the new ones work
is($node->safe_psql('updated',
		"SELECT er_reach(l, c, s, r) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)"),
	$before, 'a 1.0 aggregate gives the same result after the update');
is($node->safe_psql('updated',
		"SELECT er_reach(engagement_agg(l, c, s, r, r, r)) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)"),
	$before, 'the summary added by the update gives the same rate');

$node->stop;
done_testing();
