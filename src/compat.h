/*
 * compat.h
 *		What differs between the PostgreSQL major versions engagement builds
 *		against, in what this code uses: 15, 17 and 18 are built and tested,
 *		19 is built; 16 is expected to build.  Nothing else in the C code
 *		tests a version.
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

/* PostgreSQL 19 dropped the bits8 typedef of the null bitmaps for uint8 */
#if PG_VERSION_NUM >= 190000
typedef uint8 bits8;
#endif

#endif							/* ENGAGEMENT_COMPAT_H */
