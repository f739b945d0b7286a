# Survey confidentiality across levels, attacked on thousands of random
# hierarchies: a company, its divisions and their departments, with small
# groups and small headcounts, published together with
# disclosable(path, respondents, headcount) in one partition per survey, and
# read by a role with no rights beyond calling the extension's functions.
#  (a) for every shown group, its respondents minus those of the shown
#      groups nearest below it (at any level) are 0 or at least k, against
#      the true counts;
#  (b) whether one person in a group of headcount below k answered (two
#      surveys alike but for that) changes no published cell but ones over
#      at least k respondents;
# and the same with a larger minimum asked for by the argument.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('levels');
$node->init;
$node->start;
$node->safe_psql('postgres', q{
	CREATE EXTENSION engagement;
	CREATE ROLE reader LOGIN;
	SELECT setseed(0.27);
	-- departments of 1 to 20 people, most of them small, of 1 to 4 per
	-- division and 1 to 4 divisions per company; anybody may not answer
	CREATE TABLE departments AS
	SELECT survey, division, department, headcount, floor(random() * (headcount + 1))::bigint AS respondents
	FROM (SELECT survey, division, department, 1 + floor(random() * random() * 20)::bigint AS headcount
	      FROM (SELECT survey, division, generate_series(1, 1 + floor(random() * 4)::int) AS department
	            FROM (SELECT survey, generate_series(1, 1 + floor(random() * 4)::int) AS division
	                  FROM generate_series(1, 3000) AS survey) s) d) h;
	-- a twin of each survey that has a department of headcount below 5:
	-- alike but for whether one person of it answered (0 against 1)
	CREATE TABLE twins AS
	SELECT DISTINCT ON (survey) survey, division, department
	FROM departments WHERE headcount < 5 ORDER BY survey, random();
	CREATE FUNCTION levels(world int) RETURNS TABLE (survey int, path text[], respondents bigint, headcount bigint)
	LANGUAGE sql STABLE AS $$
	    WITH dep AS (
	        SELECT d.survey, d.division, d.department, d.headcount,
	               CASE WHEN t.survey IS NULL THEN d.respondents ELSE world END AS respondents
	        FROM departments d LEFT JOIN twins t USING (survey, division, department))
	    SELECT survey, ARRAY[division::text, department::text], respondents,
	           -- headcounts are unknown in one survey in four
	           CASE WHEN survey % 4 <> 0 THEN headcount END
	    FROM dep
	    UNION ALL
	    SELECT survey, ARRAY[division::text], sum(respondents), CASE WHEN survey % 4 <> 0 THEN sum(headcount) END
	    FROM dep GROUP BY survey, division
	    UNION ALL
	    SELECT survey, '{}', sum(respondents), CASE WHEN survey % 4 <> 0 THEN sum(headcount) END
	    FROM dep GROUP BY survey
	$$;
	CREATE FUNCTION published(world int, k int)
	RETURNS TABLE (survey int, path text[], respondents bigint, shown boolean, shown_respondents bigint)
	LANGUAGE sql STABLE AS $$
	    SELECT survey, path, respondents, shown, CASE WHEN shown THEN respondents END
	    FROM (SELECT l.*, disclosable(path, respondents, headcount, k) OVER (PARTITION BY survey) AS shown
	          FROM levels(world) l) p
	$$;
	-- (a): a shown group less the shown groups nearest below it (its shown
	-- children, and any shown group under a hidden one: a reader subtracts
	-- whatever is published, across levels)
	CREATE FUNCTION small_differences(world int, k int) RETURNS TABLE (survey int, path text[], rest bigint)
	LANGUAGE sql STABLE AS $$
	    WITH p AS (SELECT * FROM published(world, k))
	    SELECT p.survey, p.path, p.respondents - coalesce(sum(c.respondents), 0)
	    FROM p LEFT JOIN p c ON c.survey = p.survey AND c.shown AND cardinality(c.path) > cardinality(p.path)
	                         AND c.path[1:cardinality(p.path)] = p.path
	                         AND NOT EXISTS (SELECT FROM p m WHERE m.survey = p.survey AND m.shown
	                                         AND cardinality(m.path) > cardinality(p.path)
	                                         AND cardinality(m.path) < cardinality(c.path)
	                                         AND c.path[1:cardinality(m.path)] = m.path)
	    WHERE p.shown
	    GROUP BY p.survey, p.path, p.respondents
	    HAVING p.respondents - coalesce(sum(c.respondents), 0) NOT IN (0)
	       AND p.respondents - coalesce(sum(c.respondents), 0) < k
	$$;
	GRANT SELECT ON departments, twins TO reader;
});

is($node->safe_psql('postgres', q{
	SELECT count(DISTINCT survey) >= 3000, count(*) FILTER (WHERE headcount < 5) > 1000,
	       count(*) FILTER (WHERE respondents = 0) > 100, count(*) > 10000
	FROM departments}),
	't|t|t|t', 'thousands of surveys with many small groups and groups where nobody answered');

for my $k (5, 7) {
	for my $world (0, 1) {
		my ($shown, $hidden, $bad) = split /\|/, $node->safe_psql('postgres', qq{
			SELECT count(*) FILTER (WHERE shown), count(*) FILTER (WHERE NOT shown),
			       (SELECT count(*) FROM small_differences($world, $k))
			FROM published($world, $k)}, extra_params => [ '-U', 'reader' ]);
		ok($shown > 1000 && $hidden > 1000, "k = $k, world $world: many groups shown ($shown) and hidden ($hidden)");
		is($bad, 0, "k = $k, world $world: (a) no shown group less the shown groups below it leaves 1 to k - 1 respondents");
	}

	# (b) the two worlds differ in one person of a group of headcount below
	# 5; a published cell that differs is one over at least k respondents
	my ($twins, $differ, $small) = split /\|/, $node->safe_psql('postgres', qq{
		SELECT (SELECT count(*) FROM twins), count(*),
		       count(*) FILTER (WHERE a.shown_respondents < $k OR b.shown_respondents < $k)
		FROM published(0, $k) a JOIN published(1, $k) b USING (survey, path)
		WHERE a.shown_respondents IS DISTINCT FROM b.shown_respondents}, extra_params => [ '-U', 'reader' ]);
	ok($twins > 1000 && $differ > 0, "k = $k: $twins twin surveys, $differ published cells differ between them");
	is($small, 0, "k = $k: (b) every cell that differs is over at least $k respondents");
}

$node->stop;
done_testing();
