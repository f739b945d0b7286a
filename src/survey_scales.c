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
 */
#include "fixed_sum.h"
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

/* element i of the packed non-NULL values, of 2 or 4 bytes */
static inline int64
score_element(const char *values, int i, int width)
{
	if (width == 2)
	{
		int16		value;

		memcpy(&value, values + i * 2, sizeof(value));
		return value;
	}
	return read_int32(values + i * 4);
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
			tally_add(&tally, score_element(array.values, i, width));
		return tally;
	}
	/* NULL elements are unanswered questions and take no space in the data */
	for (int i = 0; i < array.nitems; i++)
		if (array.nulls[i / 8] & (1 << (i % 8)))
			tally_add(&tally, score_element(array.values, present++, width));
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
