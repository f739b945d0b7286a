/*
 * survey_scales.c
 *		Surveys on agreement scales: the mean score of the Q12 statements
 *		on a 1-5 scale, the share of favourable answers (4 and 5), and the
 *		employee Net Promoter Score on a 0-10 question.
 *
 * q12_mean keeps Σ scores and the number of answers, percent_favourable the
 * favourable answers and the answers, both in engagement_ratio_state; enps
 * counts promoters, passives and detractors in engagement_nps_state.  Every
 * aggregate has integer and smallint forms (and integer[] and smallint[]
 * for the wide forms): a smallint[] column cast to integer[] would cost a
 * copy of every array.
 *
 * Their intervals (q12_mean_interval, percent_favourable_interval,
 * enps_interval) take respondents as units, in engagement_interval_state:
 * the ratio estimator of the Q12 interval, with e = a respondent's sum of
 * scores, favourable answers, or eNPS score + 1 (0, 1 or 2; r = 1), and r =
 * the answers.
 */
#include "fixed_sum.h"
#include "interval_state.h"
#include "nps_state.h"
#include "ratio_state.h"

#define Q12_QUESTIONS 12
#define SCALE_MIN 1
#define SCALE_MAX 5
#define FAVOURABLE_MIN 4

/* what a row's answers add to a state: answers, their sum, favourable ones */
typedef struct ScoreTally
{
	int64		answers;
	int64		sum;
	int64		favourable;
} ScoreTally;

pg_noreturn static void report_bad_score(const char *argname, int64 value, int max)
			pg_attribute_noreturn();

static pg_noinline void
report_bad_score(const char *argname, int64 value, int max)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must be from %d to %d, got " INT64_FORMAT, argname,
					max == NPS_MAX ? 0 : SCALE_MIN, max, value)));
}

/* a score of the argument's width, checked against the 1-5 scale */
static inline int64
scale_score(FunctionCallInfo fcinfo, int width)
{
	int64		score = int_arg_width(fcinfo, 1, "score", width);

	if (unlikely(score < SCALE_MIN || score > SCALE_MAX))
		report_bad_score("score", score, SCALE_MAX);
	return score;
}

static inline void
tally_add(ScoreTally *tally, int64 score)
{
	/* one unsigned comparison tests both ends of the scale */
	if (unlikely((uint64) (score - SCALE_MIN) > SCALE_MAX - SCALE_MIN))
		report_bad_score("scores", score, SCALE_MAX);
	tally->answers++;
	tally->sum += score;
	tally->favourable += score >= FAVOURABLE_MIN;
}

/*
 * The answers, their sum and the favourable ones of one row's array; with
 * q12 set the array must have the twelve Q12 statements.
 */
static pg_attribute_always_inline ScoreTally
tally_scores(Datum datum, int width, bool q12)
{
	ArrayView	array;
	ScoreTally	tally = {0, 0, 0};
	int			present = 0;

	array_view(datum, &array);
	if (array.ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("scores must be a one-dimensional array"),
				 errdetail("The array has %d dimensions.", array.ndim)));
	if (q12 && array.nitems != Q12_QUESTIONS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a Q12 questionnaire has %d answers, got %d",
						Q12_QUESTIONS, array.nitems)));
	if (array.nulls == NULL)
	{
		for (int i = 0; i < array.nitems; i++)
			tally_add(&tally, array_int_element(array.values, i, width));
		return tally;
	}
	/* NULL elements are unanswered questions and take no space in the data */
	for (int i = 0; i < array.nitems; i++)
		if (array.nulls[i / 8] & (1 << (i % 8)))
			tally_add(&tally, array_int_element(array.values, present++, width));
	return tally;
}

/*
 * q12_mean keeps Σ scores / answers, percent_favourable the answers of 4 or
 * 5 / answers (mean selects which).  The long forms add one answer a row;
 * the wide forms an array, for q12_mean a respondent's twelve.
 */
static pg_attribute_always_inline Datum
scale_add(FunctionCallInfo fcinfo, int width, bool mean, bool remove)
{
	int64		score;
	int64		num;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	score = scale_score(fcinfo, width);
	num = mean ? score : score >= FAVOURABLE_MIN;
	if (remove)
		return ratio_remove_row(fcinfo, num, 1);
	return ratio_add_row(fcinfo, num, 1);
}

static pg_attribute_always_inline Datum
scale_array_add(FunctionCallInfo fcinfo, int width, bool mean, bool remove)
{
	ScoreTally	tally;
	int64		num;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	tally = tally_scores(PG_GETARG_DATUM(1), width, mean);
	num = mean ? tally.sum : tally.favourable;
	if (remove)
		return ratio_remove_row(fcinfo, num, tally.answers);
	return ratio_add_row(fcinfo, num, tally.answers);
}

PG_FUNCTION_INFO_V1(q12_mean_transfn);
Datum
q12_mean_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 4, true, false);
}

PG_FUNCTION_INFO_V1(q12_mean_int2_transfn);
Datum
q12_mean_int2_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 2, true, false);
}

PG_FUNCTION_INFO_V1(q12_mean_array_transfn);
Datum
q12_mean_array_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 4, true, false);
}

PG_FUNCTION_INFO_V1(q12_mean_int2_array_transfn);
Datum
q12_mean_int2_array_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 2, true, false);
}

PG_FUNCTION_INFO_V1(percent_favourable_transfn);
Datum
percent_favourable_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 4, false, false);
}

PG_FUNCTION_INFO_V1(percent_favourable_int2_transfn);
Datum
percent_favourable_int2_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 2, false, false);
}

PG_FUNCTION_INFO_V1(percent_favourable_array_transfn);
Datum
percent_favourable_array_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 4, false, false);
}

PG_FUNCTION_INFO_V1(percent_favourable_int2_array_transfn);
Datum
percent_favourable_int2_array_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 2, false, false);
}

/* the inverses, for moving window frames */
PG_FUNCTION_INFO_V1(q12_mean_inv_transfn);
Datum
q12_mean_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 4, true, true);
}

PG_FUNCTION_INFO_V1(q12_mean_int2_inv_transfn);
Datum
q12_mean_int2_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 2, true, true);
}

PG_FUNCTION_INFO_V1(q12_mean_array_inv_transfn);
Datum
q12_mean_array_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 4, true, true);
}

PG_FUNCTION_INFO_V1(q12_mean_int2_array_inv_transfn);
Datum
q12_mean_int2_array_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 2, true, true);
}

PG_FUNCTION_INFO_V1(percent_favourable_inv_transfn);
Datum
percent_favourable_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 4, false, true);
}

PG_FUNCTION_INFO_V1(percent_favourable_int2_inv_transfn);
Datum
percent_favourable_int2_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_add(fcinfo, 2, false, true);
}

PG_FUNCTION_INFO_V1(percent_favourable_array_inv_transfn);
Datum
percent_favourable_array_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 4, false, true);
}

PG_FUNCTION_INFO_V1(percent_favourable_int2_array_inv_transfn);
Datum
percent_favourable_int2_array_inv_transfn(PG_FUNCTION_ARGS)
{
	return scale_array_add(fcinfo, 2, false, true);
}

/* num / den, correctly rounded; NULL when nothing was counted */
PG_FUNCTION_INFO_V1(ratio_mean_finalfn);
Datum
ratio_mean_finalfn(PG_FUNCTION_ARGS)
{
	RatioState *state = (RatioState *) PG_GETARG_POINTER(0);

	if (state->den == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(exact_quotient((uint128) state->num, (uint128) state->den));
}

/*
 * eNPS: promoters (9-10), passives (7-8) and detractors (0-6) of a 0-10
 * question; 100 * (promoters - detractors) / answers, from -100 to 100.
 * The state is an NpsState (nps_state.h).
 */
static pg_attribute_always_inline Datum
enps_add(FunctionCallInfo fcinfo, int width, bool remove)
{
	NpsState   *state;
	int64		score;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	score = int_arg_width(fcinfo, 1, "score", width);
	if (unlikely(score < 0 || score > NPS_MAX))
		report_bad_score("score", score, NPS_MAX);
	state = agg_state_for_update(fcinfo, sizeof(NpsState));
	if (remove)
		nps_subtract(state, score);
	else
		nps_add(state, score);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(enps_transfn);
Datum
enps_transfn(PG_FUNCTION_ARGS)
{
	return enps_add(fcinfo, 4, false);
}

PG_FUNCTION_INFO_V1(enps_int2_transfn);
Datum
enps_int2_transfn(PG_FUNCTION_ARGS)
{
	return enps_add(fcinfo, 2, false);
}

PG_FUNCTION_INFO_V1(enps_inv_transfn);
Datum
enps_inv_transfn(PG_FUNCTION_ARGS)
{
	return enps_add(fcinfo, 4, true);
}

PG_FUNCTION_INFO_V1(enps_int2_inv_transfn);
Datum
enps_int2_inv_transfn(PG_FUNCTION_ARGS)
{
	return enps_add(fcinfo, 2, true);
}

PG_FUNCTION_INFO_V1(enps_finalfn);
Datum
enps_finalfn(PG_FUNCTION_ARGS)
{
	NpsState   *state = (NpsState *) PG_GETARG_POINTER(0);
	int64		answers = state->promoters + state->passives + state->detractors;

	if (answers == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of((int128) state->promoters - state->detractors, answers));
}

/*
 * The interval aggregates: one respondent (a row) is one unit.  kind is
 * what e counts; width the width of the scores (4 integer, 2 smallint);
 * after them come a headcount (headcount_width 8 bigint, 4 integer, 0
 * none) and a confidence, if has_confidence.  Each SQL signature has a C
 * function of its own (survey_intervals_widths.inc), as the Q12 interval's
 * have: a Citus worker calls them without the expression that would tell
 * the argument types.
 */
typedef enum ScaleIntervalKind
{
	SCALE_INTERVAL_MEAN,		/* e = Σ scores, of the twelve Q12 statements */
	SCALE_INTERVAL_FAVOURABLE,	/* e = answers of 4 or 5 */
	SCALE_INTERVAL_NPS			/* e = +1 / 0 / -1 for 9-10 / 7-8 / 0-6, plus 1; r = 1 */
} ScaleIntervalKind;

static pg_attribute_always_inline Datum
scale_interval_step(FunctionCallInfo fcinfo, ScaleIntervalKind kind, int width,
					int headcount_width, bool has_confidence, bool remove)
{
	double		confidence;
	int64		headcount;
	int64		e;
	int64		r;

	for (int i = 1; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			RETURN_STATE_UNCHANGED();
	if (kind == SCALE_INTERVAL_NPS)
	{
		int64		score = int_arg_width(fcinfo, 1, "score", width);

		if (unlikely(score < 0 || score > NPS_MAX))
			report_bad_score("score", score, NPS_MAX);
		e = 1 + (score >= 9) - (score <= 6);
		r = 1;
	}
	else
	{
		ScoreTally	tally = tally_scores(PG_GETARG_DATUM(1), width,
										 kind == SCALE_INTERVAL_MEAN);

		e = kind == SCALE_INTERVAL_MEAN ? tally.sum : tally.favourable;
		r = tally.answers;
	}
	interval_group_args(fcinfo, 2, headcount_width, has_confidence, &headcount, &confidence);
	if (r == 0)
		RETURN_STATE_UNCHANGED();
	return interval_unit(fcinfo, e, r, confidence, headcount, remove);
}

#include "survey_intervals_widths.inc"

/*
 * centre ± half as a range within lo .. hi: both bounds clamped, so that a
 * state of another aggregate given to the final function directly still
 * gives a range
 */
static Datum
clamped_range(FunctionCallInfo fcinfo, double centre, double half, double lo, double hi)
{
	return percent_range_datum(fcinfo, Min(hi, Max(lo, centre - half)),
							   Min(hi, Max(lo, centre + half)));
}

/* the interval of the mean score, within the scale's 1 .. 5 */
PG_FUNCTION_INFO_V1(q12_mean_interval_finalfn);
Datum
q12_mean_interval_finalfn(PG_FUNCTION_ARGS)
{
	IntervalState *state = (IntervalState *) PG_GETARG_POINTER(0);
	double		centre;
	double		half;

	if (!interval_half_width(state, &half))
		PG_RETURN_NULL();
	centre = exact_quotient((uint128) state->sums.e, (uint128) state->sums.r);
	return clamped_range(fcinfo, centre, half / 100, SCALE_MIN, SCALE_MAX);
}

/* 100 · (mean of +1 / 0 / -1) ± the half-width, within -100 .. 100 */
PG_FUNCTION_INFO_V1(enps_interval_finalfn);
Datum
enps_interval_finalfn(PG_FUNCTION_ARGS)
{
	IntervalState *state = (IntervalState *) PG_GETARG_POINTER(0);
	double		centre;
	double		half;

	if (!interval_half_width(state, &half))
		PG_RETURN_NULL();
	/* e holds each score + 1, and r one per respondent */
	centre = percent_of(state->sums.e - state->sums.r, state->sums.r);
	return clamped_range(fcinfo, centre, half, -100, 100);
}
