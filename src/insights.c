/*
 * insights.c
 *		Comparisons and explanations: did a proportion or an ER change
 *		(Newcombe's interval of a difference, the difference of two
 *		summaries' ER with an interval), the ER of a small cell shrunk
 *		towards its whole (empirical Bayes), and how far one post stands
 *		from its baseline (a z-score).  The intervals reuse the Wilson
 *		bounds and the ratio estimator's spread of spread_sums.c; the
 *		summaries are read with engagement_stats.c.
 */
#include "engagement_stats.h"

#include "utils/float.h"

/*
 * Newcombe's hybrid score interval of p1 - p2 (his method 10), in
 * percentage points: with the Wilson intervals (l1, u1) and (l2, u2) of
 * each proportion, δ - √((p1 - l1)² + (u2 - p2)²) .. δ + √((u1 - p1)² +
 * (p2 - l2)²), δ = p1 - p2.
 */
PG_FUNCTION_INFO_V1(proportion_diff_interval);
Datum
proportion_diff_interval(PG_FUNCTION_ARGS)
{
	int64		successes1 = count_arg(fcinfo, 0, "successes1");
	int64		trials1 = count_arg(fcinfo, 1, "trials1");
	int64		successes2 = count_arg(fcinfo, 2, "successes2");
	int64		trials2 = count_arg(fcinfo, 3, "trials2");
	double		z = confidence_z(PG_GETARG_FLOAT8(4));
	double		p1;
	double		p2;
	double		l1,
				u1,
				l2,
				u2;

	check_successes(successes1, trials1, "successes1", "trials1");
	check_successes(successes2, trials2, "successes2", "trials2");
	if (trials1 == 0 || trials2 == 0)
		PG_RETURN_NULL();
	wilson_bounds(successes1, trials1, z, &l1, &u1);
	wilson_bounds(successes2, trials2, z, &l2, &u2);
	p1 = (double) successes1 / (double) trials1;
	p2 = (double) successes2 / (double) trials2;
	return percent_range_datum(fcinfo,
							   Max(-100.0, 100 * ((p1 - p2) - hypot(p1 - l1, u2 - p2))),
							   Min(100.0, 100 * ((p1 - p2) + hypot(u1 - p1, p2 - l2))));
}

/*
 * The ratio estimator of a summary's ER by reach (or views): its spread
 * sums and x of ratio_spread; false when the summary kept no interval sums,
 * has fewer than 2 posts or no reach.
 */
static bool
stats_ratio_spread(const EngagementStats *stats, bool views, const SpreadSums **sums, double *x)
{
	*sums = views ? &stats->view_spread : &stats->reach_spread;
	return stats->spread_known &&
		ratio_spread(*sums, views ? stats->view_units : stats->reach_units, x);
}

/*
 * Two independent periods: 100·((R1 - R2) ± z·√(V1 + V2)), Vi the squared
 * standard error (x / Σr)² of each summary's ratio estimator.
 */
static Datum
stats_diff_interval(FunctionCallInfo fcinfo, bool views)
{
	EngagementStats *now = stats_arg(fcinfo, 0);
	EngagementStats *before = stats_arg(fcinfo, 1);
	double		z = confidence_z(PG_GETARG_FLOAT8(2));
	const SpreadSums *sums1;
	const SpreadSums *sums2;
	double		x1;
	double		x2;
	double		centre;
	double		half;

	if (!stats_ratio_spread(now, views, &sums1, &x1) ||
		!stats_ratio_spread(before, views, &sums2, &x2))
		PG_RETURN_NULL();
	centre = percent_of(sums1->e, sums1->r) - percent_of(sums2->e, sums2->r);
	half = 100 * z * hypot(x1 / (double) sums1->r, x2 / (double) sums2->r);
	return percent_range_datum(fcinfo, centre - half, centre + half);
}

PG_FUNCTION_INFO_V1(er_reach_diff_interval);
Datum
er_reach_diff_interval(PG_FUNCTION_ARGS)
{
	return stats_diff_interval(fcinfo, false);
}

PG_FUNCTION_INFO_V1(er_view_diff_interval);
Datum
er_view_diff_interval(PG_FUNCTION_ARGS)
{
	return stats_diff_interval(fcinfo, true);
}

/*
 * Empirical-Bayes ER by reach of a cell: 100·(Σe_cell + m·R) / (Σr_cell + m)
 * with R the overall ratio and m the prior reach.  Without one, m is the
 * overall mean reach Σr/n, m·R = Σe/n, and the result is the exact ratio
 * 100·(n·Σe_cell + Σe) / (n·Σr_cell + Σr), rounded once when it fits.  Not
 * STRICT: a NULL prior_reach asks for that default.
 */
PG_FUNCTION_INFO_V1(er_reach_shrunk);
Datum
er_reach_shrunk(PG_FUNCTION_ARGS)
{
	const EngagementStats *cell;
	const EngagementStats *overall;
	double		prior;
	double		num;
	double		den;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	cell = stats_arg(fcinfo, 0);
	overall = stats_arg(fcinfo, 1);
	prior = PG_ARGISNULL(2) ? -1 : score_arg(fcinfo, 2, "prior_reach");
	if (overall->reach.den == 0)
		PG_RETURN_NULL();
	if (prior < 0)
	{
		int128		n;
		int128		exact_num;
		int128		exact_den;

		/* a summary of 1.1 does not know how many posts its reach is over */
		if (!overall->spread_known)
			PG_RETURN_NULL();
		n = overall->reach_units;
		if (!__builtin_mul_overflow(n, cell->reach.num, &exact_num) &&
			!__builtin_mul_overflow(n, cell->reach.den, &exact_den) &&
			!__builtin_add_overflow(exact_num, overall->reach.num, &exact_num) &&
			!__builtin_add_overflow(exact_den, overall->reach.den, &exact_den) &&
			exact_num <= STATE_SUM_LIMIT && exact_den <= STATE_SUM_LIMIT)
			PG_RETURN_FLOAT8(percent_of(exact_num, exact_den));
		prior = (double) overall->reach.den / (double) n;
	}
	num = (double) cell->reach.num +
		prior * ((double) overall->reach.num / (double) overall->reach.den);
	den = (double) cell->reach.den + prior;
	if (den == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100 * num / den);
}

/*
 * How far one post stands from its baseline: with R, s and r̄ of the
 * baseline's ratio estimator, z = (e - R·r) / (s·√(r / r̄)), and since
 * s = x/√n and r̄ = Σr/n, s·√(r / r̄) = x·√(r / Σr).  e - R·r is
 * (e·Σr - Σe·r) / Σr, exact in 128 bits when the counts are below 2^63.
 * NULL for r = 0, a baseline without interval sums, fewer than 2 posts or
 * no spread.  One worker for every width of the counts (insights_widths.inc).
 */
static inline Datum
post_zscore(FunctionCallInfo fcinfo, int width, int audience_width)
{
	int64		likes = count_arg_width(fcinfo, 0, "likes", width);
	int64		comments = count_arg_width(fcinfo, 1, "comments", width);
	int64		shares = count_arg_width(fcinfo, 2, "shares", width);
	int64		reach = count_arg_width(fcinfo, 3, "reach", audience_width);
	const EngagementStats *baseline = stats_arg(fcinfo, 4);
	const SpreadSums *sums;
	int128		e = (int128) likes + comments + shares;
	double		x;
	double		excess;
	double		z;

	if (reach == 0 || !stats_ratio_spread(baseline, false, &sums, &x) || x == 0)
		PG_RETURN_NULL();
	if ((e >> 63) == 0 && (sums->e >> 63) == 0 && (sums->r >> 63) == 0)
		excess = (double) (e * sums->r - sums->e * reach) / (double) sums->r;
	else
		excess = (double) ((long double) e -
						   (long double) sums->e / (long double) sums->r * reach);
	z = excess / (x * sqrt((double) reach / (double) sums->r));
	if (!isfinite(z))
		float_overflow_error();
	PG_RETURN_FLOAT8(z);
}

#include "insights_widths.inc"
