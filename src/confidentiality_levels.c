/*
 * confidentiality_levels.c
 *		The window function disclosable(path, respondents[, headcount[,
 *		min_group_size]]): which groups of every level of one survey (the
 *		company {}, its divisions {Product}, their departments {Product,
 *		Design}, ...) may be shown, all decided together in one partition,
 *		so that no difference between published levels isolates fewer than
 *		k respondents.
 *
 * With k the larger of the setting and the argument, and a group's size its
 * headcount where known, else its respondents:
 *	1. a group with fewer than k respondents (or NULL), or a known
 *	   headcount below k, is hidden;
 *	2. a group whose parent is hidden is hidden;
 *	3. under a visible parent with hidden children, while the hidden
 *	   children's sizes add up to less than k, or their respondents do (0
 *	   included: whether anybody in a small group answered must not change
 *	   the decision), the visible children of the smallest size are hidden,
 *	   all ties at once;
 * rules 2 and 3 are repeated until nothing changes.  The decision depends
 * on the rows of the partition only, not on their order or the frame.
 */
#include "confidentiality.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"

typedef struct LevelGroup
{
	char	   *key;			/* the path, each element length-prefixed */
	int			key_length;
	int			parent_key_length;	/* the key without the last element */
	int			depth;			/* elements in the path */
	Datum		path;
	int64		respondents;	/* -1 for NULL */
	int64		size;			/* headcount where known, else respondents */
	int64		parent;			/* index in the sorted groups, -1 for the top */
	int64		row;			/* position in the partition */
	bool		hidden;
} LevelGroup;

typedef struct LevelDecision
{
	bool		decided;
	bool		disclosable[FLEXIBLE_ARRAY_MEMBER];
} LevelDecision;

pg_noreturn static void
report_bad_group(const char *message, const char *detail) pg_attribute_noreturn();

static void
report_bad_group(const char *message, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", message),
			 detail ? errdetail("%s", detail) : 0));
}

/* the path as a key that sorts parents before their children */
static void
path_key(Datum datum, LevelGroup *group)
{
	ArrayType  *path = DatumGetArrayTypeP(datum);
	Datum	   *elements;
	bool	   *nulls;
	int			count;
	StringInfoData key;

	if (ARR_NDIM(path) > 1)
		report_bad_group("path must be a one-dimensional array", NULL);
	deconstruct_array(path, TEXTOID, -1, false, TYPALIGN_INT, &elements, &nulls, &count);
	initStringInfo(&key);
	for (int i = 0; i < count; i++)
	{
		text	   *element;

		if (nulls[i])
			report_bad_group("path must not have NULL elements", NULL);
		element = DatumGetTextPP(elements[i]);
		group->parent_key_length = key.len;
		appendStringInfo(&key, "%08x", (unsigned) VARSIZE_ANY_EXHDR(element));
		appendBinaryStringInfo(&key, VARDATA_ANY(element), VARSIZE_ANY_EXHDR(element));
	}
	group->key = key.data;
	group->key_length = key.len;
	group->depth = count;
	group->path = datumCopy(datum, false, -1);
}

/* a group's path as the owner wrote it, for an error */
static char *
path_text(const LevelGroup *group)
{
	return OidOutputFunctionCall(F_ARRAY_OUT, group->path);
}

static int
compare_keys(const char *a, int alen, const char *b, int blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int
compare_groups(const void *a, const void *b)
{
	const LevelGroup *x = a;
	const LevelGroup *y = b;

	return compare_keys(x->key, x->key_length, y->key, y->key_length);
}

/* the index of the group with this key, or -1 */
static int64
find_group(LevelGroup *groups, int64 count, const char *key, int length)
{
	int64		low = 0,
				high = count - 1;

	while (low <= high)
	{
		int64		mid = low + (high - low) / 2;
		int			c = compare_keys(groups[mid].key, groups[mid].key_length, key, length);

		if (c == 0)
			return mid;
		if (c < 0)
			low = mid + 1;
		else
			high = mid - 1;
	}
	return -1;
}

static int64
partition_count(WindowObject winobj, int argno, int64 row, const char *name, bool *isnull)
{
	bool		isout;
	Datum		value = WinGetFuncArgInPartition(winobj, argno, row, WINDOW_SEEK_HEAD,
												 false, isnull, &isout);

	if (*isnull)
		return 0;
	if (DatumGetInt64(value) < 0)
		report_negative_count(name, DatumGetInt64(value));
	return DatumGetInt64(value);
}

/* every row of the partition as a group, sorted by path, with its parent */
static LevelGroup *
read_groups(WindowObject winobj, int64 rows, int nargs, int64 k)
{
	LevelGroup *groups = palloc0(sizeof(LevelGroup) * Max(rows, 1));

	for (int64 i = 0; i < rows; i++)
	{
		bool		isnull;
		bool		isout;
		Datum		path = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD,
													false, &isnull, &isout);
		int64		respondents;
		int64		headcount = 0;
		bool		no_respondents;
		bool		no_headcount = true;

		if (isnull)
			report_bad_group("path must not be NULL", NULL);
		path_key(path, &groups[i]);
		respondents = partition_count(winobj, 1, i, "respondents", &no_respondents);
		if (nargs > 2)
			headcount = partition_count(winobj, 2, i, "headcount", &no_headcount);
		if (!no_headcount && !no_respondents && headcount < respondents)
			report_bad_group("headcount must be at least the number of respondents",
							 psprintf("Group %s: headcount " INT64_FORMAT ", respondents " INT64_FORMAT ".",
									  path_text(&groups[i]), headcount, respondents));
		groups[i].row = i;
		groups[i].respondents = no_respondents ? -1 : respondents;
		groups[i].size = !no_headcount ? headcount : Max(groups[i].respondents, 0);
		/* rule 1 */
		groups[i].hidden = no_respondents || respondents < k || (!no_headcount && headcount < k);
	}
	qsort(groups, rows, sizeof(LevelGroup), compare_groups);
	for (int64 i = 0; i < rows; i++)
	{
		LevelGroup *group = &groups[i];

		if (i > 0 && compare_groups(&groups[i - 1], group) == 0)
			report_bad_group("every path must appear once in the partition",
							 psprintf("Group %s appears twice.", path_text(group)));
		group->parent = -1;
		if (group->depth > 0)
		{
			group->parent = find_group(groups, rows, group->key, group->parent_key_length);
			if (group->parent < 0)
				report_bad_group("every group's parent path must be in the partition",
								 psprintf("Group %s has no parent in the partition; the path of n elements needs that of its first n - 1, down to {}.",
										  path_text(group)));
		}
	}
	return groups;
}

/* rule 3 under one visible parent; true when it hid a group */
static bool
hide_complements(LevelGroup *groups, int64 rows, int64 parent, int64 k)
{
	int128		hidden_size = 0;
	int128		hidden_respondents = 0;
	bool		any_hidden = false;
	bool		changed = false;

	for (int64 i = 0; i < rows; i++)
		if (groups[i].parent == parent && groups[i].hidden)
		{
			any_hidden = true;
			hidden_size += groups[i].size;
			hidden_respondents += Max(groups[i].respondents, 0);
		}
	while (any_hidden && (hidden_size < k || hidden_respondents < k))
	{
		int64		smallest = -1;

		for (int64 i = 0; i < rows; i++)
			if (groups[i].parent == parent && !groups[i].hidden &&
				(smallest < 0 || groups[i].size < smallest))
				smallest = groups[i].size;
		if (smallest < 0)
			break;
		for (int64 i = 0; i < rows; i++)
			if (groups[i].parent == parent && !groups[i].hidden && groups[i].size == smallest)
			{
				groups[i].hidden = true;
				hidden_size += groups[i].size;
				hidden_respondents += Max(groups[i].respondents, 0);
				changed = true;
			}
	}
	return changed;
}

static void
decide_levels(WindowObject winobj, LevelDecision *decision, int64 rows, int nargs)
{
	int64		k = partition_min_group_size(winobj, rows, nargs > 3 ? 3 : -1);
	LevelGroup *groups = read_groups(winobj, rows, nargs, k);
	bool		changed = true;

	while (changed)
	{
		changed = false;
		/* rule 2: parents sort before their children */
		for (int64 i = 0; i < rows; i++)
			if (!groups[i].hidden && groups[i].parent >= 0 && groups[groups[i].parent].hidden)
				groups[i].hidden = changed = true;
		/* rule 3 */
		for (int64 i = 0; i < rows; i++)
			if (!groups[i].hidden && hide_complements(groups, rows, i, k))
				changed = true;
	}
	for (int64 i = 0; i < rows; i++)
		decision->disclosable[groups[i].row] = !groups[i].hidden;
	decision->decided = true;
}

static Datum
disclosable_levels(FunctionCallInfo fcinfo, int nargs)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64		rows = WinGetPartitionRowCount(winobj);
	LevelDecision *decision;

	decision = WinGetPartitionLocalMemory(winobj, offsetof(LevelDecision, disclosable) + Max(rows, 1));
	if (!decision->decided)
		decide_levels(winobj, decision, rows, nargs);
	PG_RETURN_BOOL(decision->disclosable[WinGetCurrentPosition(winobj)]);
}

PG_FUNCTION_INFO_V1(disclosable_path);
Datum
disclosable_path(PG_FUNCTION_ARGS)
{
	return disclosable_levels(fcinfo, 2);
}

PG_FUNCTION_INFO_V1(disclosable_path_headcount);
Datum
disclosable_path_headcount(PG_FUNCTION_ARGS)
{
	return disclosable_levels(fcinfo, 3);
}

PG_FUNCTION_INFO_V1(disclosable_path_headcount_min_group_size);
Datum
disclosable_path_headcount_min_group_size(PG_FUNCTION_ARGS)
{
	return disclosable_levels(fcinfo, 4);
}
