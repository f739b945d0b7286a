/*
 * drivers_state.h
 *		DriversState, the state of driver_correlations (SQL type
 *		engagement_drivers_state): for each item of a survey, the rows
 *		where it and the outcome were answered and their exact sums Σx,
 *		Σy, Σx², Σy², Σxy, kept as the SpreadSums of the interval states
 *		(e = x, r = y).  A varlena of 1 to 100 items, all of one length.
 *		Its operations are in drivers_state.c.
 *
 * Text form v2(items,n,x,y,xx,yy,xy,n,x,...): the number of items, then
 * six numbers per item.
 *
 * Invariant (check_drivers): 0 to DRIVERS_MAX_ITEMS items, and each item's
 * sums valid for its n rows (spread_valid: Cauchy–Schwarz, (Σx)² <= n·Σx²,
 * (Σy)² <= n·Σy², (Σxy)² <= Σx²·Σy²), with one row's sums its squares and
 * product exactly, and Σx² - Σx, Σy² - Σy even (x² - x is).
 */
#ifndef ENGAGEMENT_DRIVERS_STATE_H
#define ENGAGEMENT_DRIVERS_STATE_H

#include "spread_sums.h"

#define DRIVERS_MAX_ITEMS 100

typedef struct DriverItem
{
	int64		n;				/* rows with this item and the outcome */
	SpreadSums	sums;			/* e = the item's answer x, r = the outcome y */
} DriverItem;

typedef struct DriversState
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	int32		version;		/* STATE_FORMAT_VERSION */
	int64		items;
	DriverItem	item[FLEXIBLE_ARRAY_MEMBER];
} DriversState;

#define DRIVERS_STATE_SIZE(items) (offsetof(DriversState, item) + (items) * sizeof(DriverItem))

/*
 * The state a transition, inverse or combine function may update, of the
 * given number of items: its first argument when called by an aggregate, a
 * copy otherwise, a new empty one for NULL; ERROR 22023 when the state has
 * another number of items.
 */
extern DriversState *drivers_state_for_update(FunctionCallInfo fcinfo, int64 items);

/*
 * One row's answer x and outcome y (not negative, below 2^31: integer or
 * smallint) added to an item inline while its sums of products are below
 * 2^100, so that no sum can pass STATE_SUM_LIMIT; false, with the item as
 * it was, otherwise (drivers_step then adds it or reports the error).
 */
static pg_attribute_always_inline bool
driver_try_add(DriverItem *item, int64 x, int64 y)
{
	SpreadSums *s = &item->sums;

	if (unlikely(((uint64) (s->ee >> 64) | (uint64) (s->rr >> 64) | (uint64) (s->er >> 64)) >=
				 (UINT64CONST(1) << 36) || item->n == PG_INT64_MAX))
		return false;
	s->e += x;
	s->r += y;
	s->ee += x * x;
	s->rr += y * y;
	s->er += x * y;
	item->n++;
	return true;
}

/*
 * One row's answer x of item i and outcome y added (sign 1) or taken back
 * (sign -1); x and y are not negative.
 */
extern void drivers_step(DriversState *state, int i, int64 x, int64 y, int sign);

#endif							/* ENGAGEMENT_DRIVERS_STATE_H */
