/*
 * drivers_state.c
 *		The state of driver_correlations (drivers_state.h): the invariant, a
 *		row added or taken back, merging, and the SQL functions of the type
 *		engagement_drivers_state.
 */
#include "drivers_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

#define DRIVERS_STATE_TYPE "engagement_drivers_state"

/* what only sums of whole numbers have: one row's sums are its own, x² - x is even */
static bool
driver_item_valid(const DriverItem *item)
{
	const SpreadSums *s = &item->sums;

	if (item->n < 0 || !spread_valid(s, item->n))
		return false;
	if (item->n == 1 && (s->ee != s->e * s->e || s->rr != s->r * s->r || s->er != s->e * s->r))
		return false;
	return ((s->ee - s->e) & 1) == 0 && ((s->rr - s->r) & 1) == 0;
}

static void
check_drivers(const DriversState *state, bool binary)
{
	if (state->items < 0 || state->items > DRIVERS_MAX_ITEMS)
		report_bad_state(DRIVERS_STATE_TYPE, binary, "A state has from 0 to 100 items.");
	for (int64 i = 0; i < state->items; i++)
		if (!driver_item_valid(&state->item[i]))
			report_bad_state(DRIVERS_STATE_TYPE, binary,
							 "Each item's sums must be between 0 and 2^120 and ones some rows could give.");
}

static DriversState *
drivers_new(int64 items)
{
	DriversState *state = palloc0(DRIVERS_STATE_SIZE(items));

	SET_VARSIZE(state, DRIVERS_STATE_SIZE(items));
	state->version = STATE_FORMAT_VERSION;
	state->items = items;
	return state;
}

DriversState *
drivers_state_for_update(FunctionCallInfo fcinfo, int64 items)
{
	DriversState *state;

	if (PG_ARGISNULL(0))
		return drivers_new(items);
	if (agg_state_in_place(fcinfo))
		state = (DriversState *) PG_GETARG_POINTER(0);
	else
		state = (DriversState *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	if (VARSIZE(state) != DRIVERS_STATE_SIZE(state->items) || state->version != STATE_FORMAT_VERSION)
		elog(ERROR, "engagement_drivers_state value of unexpected size %u", (unsigned) VARSIZE(state));
	/* a state of no items has counted no row: the first row sets the length */
	if (items == 0)
		return state;
	if (state->items == 0)
		return drivers_new(items);
	if (state->items != items)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("items must have the same length on every row of a group"),
				 errdetail("Lengths: " INT64_FORMAT " and " INT64_FORMAT ".", state->items, items)));
	return state;
}

void
drivers_step(DriversState *state, int i, int64 x, int64 y, int sign)
{
	DriverItem *item = &state->item[i];

	if (sign < 0)
	{
		if (item->n == 0 || !spread_try_step(&item->sums, x, y, -1) ||
			!spread_valid(&item->sums, item->n - 1))
			report_never_added();
		item->n--;
		return;
	}
	if (item->n == PG_INT64_MAX)
		report_bigint_out_of_range();
	if (!spread_try_step(&item->sums, x, y, 1))
		report_sum_out_of_range();
	item->n++;
}

/* the rows of another state of as many items joined */
PG_FUNCTION_INFO_V1(drivers_state_combine);
Datum
drivers_state_combine(PG_FUNCTION_ARGS)
{
	DriversState *state;
	const DriversState *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (const DriversState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(1));
	state = drivers_state_for_update(fcinfo, other->items);
	for (int64 i = 0; i < other->items; i++)
	{
		DriverItem *item = &state->item[i];

		if (pg_add_s64_overflow(item->n, other->item[i].n, &item->n))
			report_bigint_out_of_range();
		if (!spread_try_merge(&item->sums, &other->item[i].sums, 1))
			report_sum_out_of_range();
	}
	PG_RETURN_POINTER(state);
}

/* the six numbers of an item, in the order of the text and binary forms */
#define ITEM_SUMS(item) {&(item)->sums.e, &(item)->sums.r, &(item)->sums.ee, \
						 &(item)->sums.rr, &(item)->sums.er}

PG_FUNCTION_INFO_V1(engagement_drivers_state_in);
Datum
engagement_drivers_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, DRIVERS_STATE_TYPE};
	DriversState *state;
	int64		items;

	if (parse_version(&parser) != STATE_FORMAT_VERSION)
		report_bad_state_text(&parser);
	expect_char(&parser, '(');
	items = parse_int64_count(&parser);
	if (items > DRIVERS_MAX_ITEMS)
		report_bad_state(DRIVERS_STATE_TYPE, false, "A state has from 0 to 100 items.");
	state = drivers_new(items);
	for (int64 i = 0; i < items; i++)
	{
		int128	   *sums[] = ITEM_SUMS(&state->item[i]);

		expect_char(&parser, ',');
		state->item[i].n = parse_int64_count(&parser);
		for (size_t k = 0; k < lengthof(sums); k++)
		{
			expect_char(&parser, ',');
			*sums[k] = parse_count(&parser);
		}
	}
	expect_end(&parser);
	check_drivers(state, false);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_drivers_state_out);
Datum
engagement_drivers_state_out(PG_FUNCTION_ARGS)
{
	DriversState *state = (DriversState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfo(&buf, "(" INT64_FORMAT, state->items);
	for (int64 i = 0; i < state->items; i++)
	{
		int128	   *sums[] = ITEM_SUMS(&state->item[i]);

		appendStringInfo(&buf, "," INT64_FORMAT, state->item[i].n);
		for (size_t k = 0; k < lengthof(sums); k++)
		{
			appendStringInfoChar(&buf, ',');
			append_count(&buf, *sums[k]);
		}
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* binary: the version byte, the number of items, then n and the five sums of each */
PG_FUNCTION_INFO_V1(engagement_drivers_state_recv);
Datum
engagement_drivers_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	DriversState *state;
	int64		items;

	recv_version(buf, -1, DRIVERS_STATE_TYPE);
	items = recv_int64(buf, DRIVERS_STATE_TYPE);
	if (items < 0 || items > DRIVERS_MAX_ITEMS)
		report_bad_state(DRIVERS_STATE_TYPE, true, "A state has from 0 to 100 items.");
	state = drivers_new(items);
	for (int64 i = 0; i < items; i++)
	{
		int128	   *sums[] = ITEM_SUMS(&state->item[i]);

		state->item[i].n = recv_int64(buf, DRIVERS_STATE_TYPE);
		for (size_t k = 0; k < lengthof(sums); k++)
			*sums[k] = recv_int128(buf, DRIVERS_STATE_TYPE);
	}
	recv_end(buf, DRIVERS_STATE_TYPE);
	check_drivers(state, true);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_drivers_state_send);
Datum
engagement_drivers_state_send(PG_FUNCTION_ARGS)
{
	DriversState *state = (DriversState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint64(&buf, state->items);
	for (int64 i = 0; i < state->items; i++)
	{
		int128	   *sums[] = ITEM_SUMS(&state->item[i]);

		pq_sendint64(&buf, state->item[i].n);
		for (size_t k = 0; k < lengthof(sums); k++)
			send_int128(&buf, *sums[k]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
