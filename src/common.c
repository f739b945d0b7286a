/*
 * common.c
 *		The errors every part of the extension reports, the reading of a
 *		count given as text, and the copy of an aggregate state that a
 *		direct call updates (common.h).
 */
#include "common.h"

#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

void
report_negative_count(const char *argname, int64 value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative", argname),
			 errdetail("Value: " INT64_FORMAT ".", value)));
}

int64
text_arg_as_bigint(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	char	   *digits = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	Numeric		value = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(digits),
															ObjectIdGetDatum(InvalidOid),
															Int32GetDatum(-1)));
	Datum		whole;

	if (numeric_is_nan(value) || numeric_is_inf(value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", argname),
				 errdetail("Value: %s.", digits)));
	whole = DirectFunctionCall2(numeric_trunc, NumericGetDatum(value), Int32GetDatum(0));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, whole, NumericGetDatum(value))) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a whole number", argname),
				 errdetail("Value: %s.", digits)));
	/* past the range of a bigint: 22003, as a bigint argument would */
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, whole));
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

void
report_sum_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("aggregate sum out of range")));
}

/*
 * An inverse transition function asked to take back what its state does
 * not hold: in a window frame, a bug; called directly, a bad argument.
 */
void
report_never_added(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove a row the state does not hold")));
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
