/*
 * insights.c
 *		Comparisons and explanations: did a proportion or an ER change
 *		(Newcombe's interval of a difference, the difference of two
 *		summaries' ER with an interval), the ER of a small cell shrunk
 *		towards its whole (empirical Bayes), and how far one post stands
 *		from its baseline (a z-score); and what drives engagement, the
 *		correlation of each survey item with an outcome.  The intervals
 *		reuse the Wilson bounds and the ratio estimator's spread of
 *		spread_sums.c; the summaries are read with engagement_stats.c; the
 *		correlations keep their sums in drivers_state.c.
 */
#include "drivers_state.h"
#include "engagement_stats.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/float.h"
#include "utils/guc.h"

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

/*
 * driver_correlations(items, outcome): one row's answers added to (or, for
 * a moving frame, taken back from) the sums of each item, on the rows
 * where the item and the outcome were answered.  width is that of the
 * items and the outcome (4 integer, 2 smallint).
 */
static pg_attribute_always_inline Datum
drivers_row(FunctionCallInfo fcinfo, int width, bool remove)
{
	ArrayView	array;
	DriversState *state;
	int64		y;
	int			present = 0;

	/*
	 * A row without answers is skipped; the first gives a state of no items
	 * (its length not yet known), since a moving frame's state must never
	 * be NULL
	 */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) ||
		ArrayGetNItems(ARR_NDIM(PG_GETARG_ARRAYTYPE_P(1)), ARR_DIMS(PG_GETARG_ARRAYTYPE_P(1))) == 0)
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_POINTER(drivers_state_for_update(fcinfo, 0));
		RETURN_STATE_UNCHANGED();
	}
	array_view(PG_GETARG_DATUM(1), &array);
	if (array.ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("items must be a one-dimensional array"),
				 errdetail("The array has %d dimensions.", array.ndim)));
	if (array.nitems > DRIVERS_MAX_ITEMS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("items must have at most %d elements, got %d", DRIVERS_MAX_ITEMS, array.nitems)));
	y = count_arg_width(fcinfo, 2, "outcome", width);
	state = drivers_state_for_update(fcinfo, array.nitems);
	for (int i = 0; i < array.nitems; i++)
	{
		int64		x;

		/* NULL elements are unanswered items and take no space in the data */
		if (array.nulls != NULL && !(array.nulls[i / 8] & (1 << (i % 8))))
			continue;
		x = array_int_element(array.values, present++, width);
		if (unlikely(x < 0))
			report_negative_count("items", x);
		if (remove || !driver_try_add(&state->item[i], x, y))
			drivers_step(state, i, x, y, remove ? -1 : 1);
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(driver_correlations_transfn);
Datum
driver_correlations_transfn(PG_FUNCTION_ARGS)
{
	return drivers_row(fcinfo, 4, false);
}

PG_FUNCTION_INFO_V1(driver_correlations_inv_transfn);
Datum
driver_correlations_inv_transfn(PG_FUNCTION_ARGS)
{
	return drivers_row(fcinfo, 4, true);
}

PG_FUNCTION_INFO_V1(driver_correlations_int2_transfn);
Datum
driver_correlations_int2_transfn(PG_FUNCTION_ARGS)
{
	return drivers_row(fcinfo, 2, false);
}

PG_FUNCTION_INFO_V1(driver_correlations_int2_inv_transfn);
Datum
driver_correlations_int2_inv_transfn(PG_FUNCTION_ARGS)
{
	return drivers_row(fcinfo, 2, true);
}

/*
 * Pearson's r of one item from its exact sums: with the numerator
 * nΣxy - ΣxΣy and the variances' nΣx² - (Σx)², nΣy² - (Σy)² computed
 * exactly in 256 bits and each rounded to a long double (64-bit mantissa),
 * the one quotient and square root add far less than the final rounding to
 * a double: within 1 ulp of the exact value.  false (NULL) below min_n rows
 * or for a variance of 0.
 */
static bool
driver_r(const DriverItem *item, int64 min_n, double *r)
{
	const SpreadSums *s = &item->sums;
	long double numerator;
	long double var_x;
	long double var_y;

	if (item->n < min_n)
		return false;
	var_x = product_difference(item->n, s->ee, s->e, s->e);
	var_y = product_difference(item->n, s->rr, s->r, s->r);
	if (var_x <= 0 || var_y <= 0)
		return false;
	numerator = product_difference(item->n, s->er, s->e, s->r);
	*r = (double) (numerator / sqrtl(var_x * var_y));
	/* a state no rows gave may pass Cauchy–Schwarz's bound by a rounding */
	*r = Max(-1.0, Min(1.0, *r));
	return true;
}

/* the smallest group a correlation is shown for: greatest(20, engagement.min_group_size) */
static int64
drivers_min_n(void)
{
	const char *setting = GetConfigOption("engagement.min_group_size", true, false);
	int64		k = setting != NULL ? strtol(setting, NULL, 10) : 0;

	return Max(20, k);
}

PG_FUNCTION_INFO_V1(driver_correlations_finalfn);
Datum
driver_correlations_finalfn(PG_FUNCTION_ARGS)
{
	const DriversState *state = (const DriversState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	int64		min_n = drivers_min_n();

	int			dims[1] = {(int) state->items};
	int			lbs[1] = {1};
	Datum	   *values;
	bool	   *nulls;
	bool		answered = false;

	/*
	 * No row with an answered item: NULL, however many rows without one
	 * came (and left, over a moving frame)
	 */
	for (int i = 0; i < state->items; i++)
		answered |= state->item[i].n > 0;
	if (!answered)
		PG_RETURN_NULL();
	values = palloc(state->items * sizeof(Datum));
	nulls = palloc(state->items * sizeof(bool));

	for (int i = 0; i < state->items; i++)
	{
		double		r;

		nulls[i] = !driver_r(&state->item[i], min_n, &r);
		values[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(r);
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(values, nulls, 1, dims, lbs, FLOAT8OID,
											 sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
