/*
 * engagement.c
 *		The module magic of the engagement library.  The shared helpers are
 *		in common.c, each state type in a file of its own, and the SQL
 *		functions in the file of their family (see DEVELOPMENT.md).
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
