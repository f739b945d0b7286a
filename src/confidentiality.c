/*
 * confidentiality.c
 *		Survey confidentiality: the setting engagement.min_group_size and the
 *		window function disclosable(respondents[, min_group_size]), which
 *		tells which groups of a partition (say the departments of a
 *		division) may be shown: one level only (every level of a hierarchy
 *		at once: confidentiality_levels.c).
 *
 * A group with fewer respondents than the minimum is hidden (primary
 * suppression).  While the hidden groups together have more than 0 and
 * fewer than the minimum respondents, subtracting the visible groups from
 * their parent would reveal them, so the smallest visible groups are hidden
 * too, all ties at once (complementary suppression).  The whole partition
 * counts, whatever the frame.
 *
 * The setting is PGC_SUSET: only a superuser, or a role granted SET on it,
 * changes it, so an administrator fixes it per role with ALTER ROLE ... SET.
 * A value a role without that right set before this library was loaded
 * (a placeholder) is checked against that role's rights when the library
 * defines the setting, and does not take effect.  PostgreSQL then falls back
 * to the default, forgetting a value an administrator stored with ALTER ROLE
 * or ALTER DATABASE ... SET that the rejected one had replaced (a
 * placeholder keeps one value): so the stored values are applied again, as
 * the session's start applied them, and the administrator's stands.
 */
#include "confidentiality.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_db_role_setting.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#define DEFAULT_MIN_GROUP_SIZE 5

static int	min_group_size = DEFAULT_MIN_GROUP_SIZE;

void		_PG_init(void);

#define MIN_GROUP_SIZE_NAME "engagement.min_group_size"

/* this setting's item of one pg_db_role_setting row, applied at its source */
static void
apply_stored_setting(Relation settings, Oid database, Oid role, GucSource source)
{
	ScanKeyData keys[2];
	SysScanDesc scan;
	HeapTuple	tuple;

	ScanKeyInit(&keys[0], Anum_pg_db_role_setting_setdatabase, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(database));
	ScanKeyInit(&keys[1], Anum_pg_db_role_setting_setrole, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(role));
	scan = systable_beginscan(settings, DbRoleSettingDatidRolidIndexId, true, NULL, 2, keys);
	while (HeapTupleIsValid(tuple = systable_getnext(scan)))
	{
		bool		isnull;
		Datum		config = heap_getattr(tuple, Anum_pg_db_role_setting_setconfig,
										  RelationGetDescr(settings), &isnull);
		Datum	   *items;
		int			count;

		if (isnull)
			continue;
		deconstruct_array(DatumGetArrayTypeP(config), TEXTOID, -1, false, TYPALIGN_INT,
						  &items, NULL, &count);
		for (int i = 0; i < count; i++)
		{
			char	   *item = TextDatumGetCString(items[i]);
			size_t		length = strlen(MIN_GROUP_SIZE_NAME);

			if (strncmp(item, MIN_GROUP_SIZE_NAME, length) == 0 && item[length] == '=')
				(void) set_config_option(MIN_GROUP_SIZE_NAME, item + length + 1, PGC_SUSET, source,
										 GUC_ACTION_SET, true, WARNING, false);
		}
	}
	systable_endscan(scan);
}

/*
 * The values stored for the database and the session's role, from the
 * least to the most specific (a value from a higher source, such as one a
 * superuser set in the session, stays)
 */
static void
apply_stored_settings(void)
{
	Relation	settings;
	Oid			role = GetSessionUserId();

	if (!IsTransactionState() || IsParallelWorker() || !OidIsValid(MyDatabaseId) ||
		!OidIsValid(role))
		return;
	settings = table_open(DbRoleSettingRelationId, AccessShareLock);
	apply_stored_setting(settings, InvalidOid, InvalidOid, PGC_S_GLOBAL);
	apply_stored_setting(settings, MyDatabaseId, InvalidOid, PGC_S_DATABASE);
	apply_stored_setting(settings, InvalidOid, role, PGC_S_USER);
	apply_stored_setting(settings, MyDatabaseId, role, PGC_S_DATABASE_USER);
	table_close(settings, AccessShareLock);
}

void
_PG_init(void)
{
	DefineCustomIntVariable(MIN_GROUP_SIZE_NAME,
							"Smallest number of respondents a survey figure may be shown for.",
							"disclosable() hides groups below it, and groups that would "
							"reveal them by subtraction.  Only a superuser or a role "
							"granted SET on it may change it.",
							&min_group_size,
							DEFAULT_MIN_GROUP_SIZE,
							1, PG_INT32_MAX,
							PGC_SUSET,
							0,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("engagement");
	apply_stored_settings();
}

/*
 * The decision for every row of a partition, made at its first row: one
 * byte a row, true when the row's group may be shown.
 */
typedef struct PartitionDecision
{
	bool		decided;
	int64		rows;
	bool		disclosable[FLEXIBLE_ARRAY_MEMBER];
} PartitionDecision;

typedef struct GroupSize
{
	int64		row;
	int64		respondents;	/* -1 for NULL */
} GroupSize;

static int
compare_group_size(const void *a, const void *b)
{
	const GroupSize *x = a;
	const GroupSize *y = b;

	if (x->respondents != y->respondents)
		return x->respondents < y->respondents ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/*
 * The larger of the setting and every min_group_size argument (argument
 * argno, or none for -1) of the partition
 */
int64
partition_min_group_size(WindowObject winobj, int64 rows, int argno)
{
	int64		k = min_group_size;

	if (argno < 0)
		return k;
	for (int64 i = 0; i < rows; i++)
	{
		bool		isnull;
		bool		isout;
		Datum		value = WinGetFuncArgInPartition(winobj, argno, i, WINDOW_SEEK_HEAD,
													 false, &isnull, &isout);

		if (isnull)
			continue;
		if (DatumGetInt32(value) < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("min_group_size must be at least 1"),
					 errdetail("Value: %d.", DatumGetInt32(value))));
		k = Max(k, DatumGetInt32(value));
	}
	return k;
}

static void
decide_partition(WindowObject winobj, PartitionDecision *decision, bool has_argument)
{
	int64		rows = decision->rows;
	int64		k = partition_min_group_size(winobj, rows, has_argument ? 1 : -1);
	GroupSize  *groups = palloc(sizeof(GroupSize) * Max(rows, 1));
	int128		hidden_respondents = 0;
	int64		next_visible;

	for (int64 i = 0; i < rows; i++)
	{
		bool		isnull;
		bool		isout;
		Datum		value = WinGetFuncArgInPartition(winobj, 0, i, WINDOW_SEEK_HEAD,
													 false, &isnull, &isout);

		groups[i].row = i;
		groups[i].respondents = isnull ? -1 : DatumGetInt64(value);
		if (!isnull && groups[i].respondents < 0)
			report_negative_count("respondents", DatumGetInt64(value));
	}
	qsort(groups, rows, sizeof(GroupSize), compare_group_size);

	/* (1) every group below the minimum, or of unknown size, is hidden */
	next_visible = 0;
	while (next_visible < rows && groups[next_visible].respondents < k)
	{
		hidden_respondents += Max(groups[next_visible].respondents, 0);
		next_visible++;
	}

	/*
	 * (2) while the hidden groups could be recovered by subtraction, hide
	 * the smallest visible size, every group of it
	 */
	while (hidden_respondents > 0 && hidden_respondents < k && next_visible < rows)
	{
		int64		smallest = groups[next_visible].respondents;

		while (next_visible < rows && groups[next_visible].respondents == smallest)
		{
			hidden_respondents += smallest;
			next_visible++;
		}
	}

	for (int64 i = 0; i < rows; i++)
		decision->disclosable[groups[i].row] = i >= next_visible;
	pfree(groups);
	decision->decided = true;
}

static Datum
disclosable_row(FunctionCallInfo fcinfo, bool has_argument)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64		rows = WinGetPartitionRowCount(winobj);
	PartitionDecision *decision;

	decision = WinGetPartitionLocalMemory(winobj,
										  offsetof(PartitionDecision, disclosable) + Max(rows, 1));
	if (!decision->decided)
	{
		decision->rows = rows;
		decide_partition(winobj, decision, has_argument);
	}
	PG_RETURN_BOOL(decision->disclosable[WinGetCurrentPosition(winobj)]);
}

PG_FUNCTION_INFO_V1(disclosable);
Datum
disclosable(PG_FUNCTION_ARGS)
{
	return disclosable_row(fcinfo, false);
}

PG_FUNCTION_INFO_V1(disclosable_min_group_size);
Datum
disclosable_min_group_size(PG_FUNCTION_ARGS)
{
	return disclosable_row(fcinfo, true);
}
