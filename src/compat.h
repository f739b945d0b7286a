/*
 * compat.h
 *		What differs between the PostgreSQL major versions engagement builds
 *		against, in what this code uses.  Only PostgreSQL 15 is built and
 *		tested by the project; 16 to 18 are expected to build.
 */
#ifndef ENGAGEMENT_COMPAT_H
#define ENGAGEMENT_COMPAT_H

/*
 * PostgreSQL 18 replaced pg_attribute_noreturn(), written after a
 * declaration, by pg_noreturn, written before it.  Declarations here use
 * both; the one a version lacks expands to nothing.
 */
#ifndef pg_noreturn
#define pg_noreturn
#endif
#ifndef pg_attribute_noreturn
#define pg_attribute_noreturn()
#endif

/* PostgreSQL 16 gave make_range() a soft-error context */
#if PG_VERSION_NUM >= 160000
#define make_range_compat(typcache, lower, upper, empty) \
	make_range(typcache, lower, upper, empty, NULL)
#else
#define make_range_compat(typcache, lower, upper, empty) \
	make_range(typcache, lower, upper, empty)
#endif

#endif							/* ENGAGEMENT_COMPAT_H */
