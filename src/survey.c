/*
 * survey.c
 *		Employee-engagement survey metrics: the Q12 index in
 *		its three forms and its levels, the three-component engagement index
 *		and its levels, participation.
 */
#include "survey.h"

#include "index_state.h"
#include "mean_state.h"
#include "ratio_state.h"

#include "utils/builtins.h"
#include "utils/float.h"

#define Q12_QUESTIONS 12

/* long form: one row per answer */
PG_FUNCTION_INFO_V1(q12_index_bool_transfn);
Datum
q12_index_bool_transfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	return ratio_add_row(fcinfo, PG_GETARG_BOOL(1), 1);
}

/* its inverse, for moving window frames */
PG_FUNCTION_INFO_V1(q12_index_bool_inv_transfn);
Datum
q12_index_bool_inv_transfn(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	return ratio_remove_row(fcinfo, PG_GETARG_BOOL(1), 1);
}

/* Counts the true and the non-NULL elements of one respondent's answers. */
void
count_q12_answers(Datum datum, int64 *yes, int64 *answered)
{
	ArrayView	array;
	const bool *values;

	array_view(datum, &array);
	if (array.ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a Q12 questionnaire must be a one-dimensional array"),
				 errdetail("The array has %d dimensions.", array.ndim)));
	if (array.nitems != Q12_QUESTIONS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a Q12 questionnaire has %d answers, got %d",
						Q12_QUESTIONS, array.nitems)));
	values = (const bool *) array.values;

	if (array.nulls == NULL)
	{
		/*
		 * Twelve bytes of 0 or 1, summed 8 and 4 at a time: multiplying by
		 * 0x0101... adds every byte into the top one, and no sum passes 255.
		 */
		uint64		first8;
		uint32		last4;

		StaticAssertStmt(Q12_QUESTIONS == 12, "the byte sums below read 12 answers");
		memcpy(&first8, values, sizeof(first8));
		memcpy(&last4, values + 8, sizeof(last4));
		*answered = Q12_QUESTIONS;
		*yes = ((first8 * UINT64CONST(0x0101010101010101)) >> 56) +
			((last4 * 0x01010101U) >> 24);
		return;
	}

	/* NULL elements are unanswered questions and take no space in the data */
	{
		int			count = 0;
		int			present = 0;

		for (int i = 0; i < Q12_QUESTIONS; i++)
		{
			if (!(array.nulls[i / 8] & (1 << (i % 8))))
				continue;
			count += values[present];
			present++;
		}
		*answered = present;
		*yes = count;
	}
}

/* wide form: one row per respondent, an array of 12 answers */
PG_FUNCTION_INFO_V1(q12_index_array_transfn);
Datum
q12_index_array_transfn(PG_FUNCTION_ARGS)
{
	int64		yes;
	int64		answered;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	count_q12_answers(PG_GETARG_DATUM(1), &yes, &answered);
	return ratio_add_row(fcinfo, yes, answered);
}

PG_FUNCTION_INFO_V1(q12_index_array_inv_transfn);
Datum
q12_index_array_inv_transfn(PG_FUNCTION_ARGS)
{
	int64		yes;
	int64		answered;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	count_q12_answers(PG_GETARG_DATUM(1), &yes, &answered);
	return ratio_remove_row(fcinfo, yes, answered);
}

/* 100 * yes_answers / (12 * respondents), from totals already counted */
PG_FUNCTION_INFO_V1(q12_index);
Datum
q12_index(PG_FUNCTION_ARGS)
{
	int64		yes_answers = count_arg(fcinfo, 0, "yes_answers");
	int64		respondents = count_arg(fcinfo, 1, "respondents");
	int128		answers = (int128) respondents * Q12_QUESTIONS;

	if (respondents == 0)
		PG_RETURN_NULL();
	if (yes_answers > answers)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("yes_answers must not exceed %d answers per respondent",
						Q12_QUESTIONS),
				 errdetail("yes_answers: " INT64_FORMAT ", respondents: " INT64_FORMAT ".",
						   yes_answers, respondents)));
	PG_RETURN_FLOAT8(percent_of(yes_answers, answers));
}

PG_FUNCTION_INFO_V1(q12_level);
Datum
q12_level(PG_FUNCTION_ARGS)
{
	double		index = score_arg(fcinfo, 0, "index");

	if (index > 100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index must not exceed 100"),
				 errdetail("Value: %s.", float8out_internal(index))));
	if (index <= 50)
		PG_RETURN_TEXT_P(cstring_to_text("alarming"));
	if (index < 70)
		PG_RETURN_TEXT_P(cstring_to_text("satisfactory"));
	PG_RETURN_TEXT_P(cstring_to_text("high"));
}

/*
 * avg(work) + avg(management) + avg(events), each mean over its own
 * non-NULL values: a NULL score is a missing answer, not a skipped row.
 * Scores are summed exactly, so the index does not depend on the order of
 * the rows; a sum past 2^120 is ERROR 22003.  The state changed layout in
 * 1.2, so the C names carry _v2 (see engagement_mean_state_in_v2).
 */
PG_FUNCTION_INFO_V1(engagement_index_transfn_v2);
Datum
engagement_index_transfn_v2(PG_FUNCTION_ARGS)
{
	IndexState *state;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2) && PG_ARGISNULL(3))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(IndexState));
	if (!PG_ARGISNULL(1))
		mean_add(&state->work, score_arg(fcinfo, 1, "work"));
	if (!PG_ARGISNULL(2))
		mean_add(&state->management, score_arg(fcinfo, 2, "management"));
	if (!PG_ARGISNULL(3))
		mean_add(&state->events, score_arg(fcinfo, 3, "events"));
	PG_RETURN_POINTER(state);
}

/* its inverse, for moving window frames */
PG_FUNCTION_INFO_V1(engagement_index_inv_transfn);
Datum
engagement_index_inv_transfn(PG_FUNCTION_ARGS)
{
	IndexState *state;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2) && PG_ARGISNULL(3))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(IndexState));
	if (!PG_ARGISNULL(1))
		mean_subtract(&state->work, score_arg(fcinfo, 1, "work"));
	if (!PG_ARGISNULL(2))
		mean_subtract(&state->management, score_arg(fcinfo, 2, "management"));
	if (!PG_ARGISNULL(3))
		mean_subtract(&state->events, score_arg(fcinfo, 3, "events"));
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_finalfn_v2);
Datum
engagement_index_finalfn_v2(PG_FUNCTION_ARGS)
{
	double		index;

	if (!index_value((IndexState *) PG_GETARG_POINTER(0), &index))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(index);
}

PG_FUNCTION_INFO_V1(engagement_level);
Datum
engagement_level(PG_FUNCTION_ARGS)
{
	double		index = score_arg(fcinfo, 0, "index");

	if (index <= 30)
		PG_RETURN_TEXT_P(cstring_to_text("low"));
	if (index <= 60)
		PG_RETURN_TEXT_P(cstring_to_text("medium"));
	PG_RETURN_TEXT_P(cstring_to_text("high"));
}

PG_FUNCTION_INFO_V1(participation_rate);
Datum
participation_rate(PG_FUNCTION_ARGS)
{
	int64		participants = count_arg(fcinfo, 0, "participants");
	int64		headcount = count_arg(fcinfo, 1, "headcount");

	if (headcount == 0)
		PG_RETURN_NULL();
	if (participants > headcount)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("participants must not exceed headcount"),
				 errdetail("participants: " INT64_FORMAT ", headcount: " INT64_FORMAT ".",
						   participants, headcount)));
	PG_RETURN_FLOAT8(percent_of(participants, headcount));
}
