/*
 * engagement.c
 *		Module magic and the helpers every part of the extension shares.
 */
#include "engagement.h"

#include "utils/float.h"

PG_MODULE_MAGIC;

void
report_negative_count(const char *argname, int64 value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative", argname),
			 errdetail("Value: " INT64_FORMAT ".", value)));
}

void
report_negative_double(const char *argname, double value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative", argname),
			 errdetail("Value: %s.", float8out_internal(value))));
}

void
report_not_finite(const char *argname, double value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must be a finite number", argname),
			 errdetail("Value: %s.", float8out_internal(value))));
}

void
report_bigint_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("bigint out of range")));
}

void *
agg_state_copy(FunctionCallInfo fcinfo, Size size)
{
	void	   *state;

	if (PG_ARGISNULL(0))
		return palloc0(size);
	state = PG_GETARG_POINTER(0);
	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	return memcpy(palloc(size), state, size);
}

Datum
ratio_add_to_copy(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	RatioState *state = agg_state_copy(fcinfo, sizeof(RatioState));

	ratio_add(state, num, den);
	PG_RETURN_POINTER(state);
}

Datum
rate_add_to_copy(FunctionCallInfo fcinfo, double rate, int128 engagements, int64 followers)
{
	RateState  *state = agg_state_copy(fcinfo, sizeof(RateState));

	rate_add(state, rate, engagements, followers);
	PG_RETURN_POINTER(state);
}

Datum
ratio_remove_row(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	RatioState *state = agg_state_for_update(fcinfo, sizeof(RatioState));

	ratio_subtract(state, num, den);
	PG_RETURN_POINTER(state);
}

Datum
rate_remove_row(FunctionCallInfo fcinfo, double rate, int128 engagements, int64 followers)
{
	RateState  *state = agg_state_for_update(fcinfo, sizeof(RateState));

	rate_subtract(state, rate, engagements, followers);
	PG_RETURN_POINTER(state);
}
