/*
 * state_io.h
 *		The pieces the text and binary forms of every state type are made
 *		of (state_io.c): a parser of the text form, the format version,
 *		counts and 128-bit integers in text and binary, and the errors of a
 *		malformed or impossible value.  Nothing here knows a state type.
 *
 * Text: "v2(...)", a parenthesised list of decimal integers after the
 * format version; version 1.1 wrote the list without a version.  Binary:
 * one byte of format version, then the fields in the same order; 1.1 wrote
 * the fields alone, and its lengths (32, 24, 72 and 200 bytes) are never
 * those of a later format, which is how the two are told apart.
 */
#ifndef ENGAGEMENT_STATE_IO_H
#define ENGAGEMENT_STATE_IO_H

#include "common.h"

#include "lib/stringinfo.h"

#define STATE_FORMAT_VERSION 2

typedef struct StateParser
{
	const char *input;
	const char *pos;
	const char *type_name;
} StateParser;

pg_noreturn extern void report_bad_state_text(StateParser *parser) pg_attribute_noreturn();
pg_noreturn extern void report_bad_state(const char *type_name, bool binary,
										 const char *why) pg_attribute_noreturn();

/* text */
extern int	parse_version(StateParser *parser);
extern void expect_char(StateParser *parser, char c);
extern void expect_end(StateParser *parser);
extern uint128 parse_uint128(StateParser *parser);
extern int128 parse_count(StateParser *parser);
extern int64 parse_int64_count(StateParser *parser);
extern int64 parse_int64(StateParser *parser);
extern bool parse_at(StateParser *parser, char c);
extern double parse_double(StateParser *parser);
extern void append_version(StringInfo buf);
extern void append_uint128(StringInfo buf, uint128 value);
extern void append_count(StringInfo buf, int128 value);
extern void append_shortest_double(StringInfo buf, double value);

/* binary */
extern int	recv_version(StringInfo buf, int length_1_1, const char *type_name);
extern void recv_end(StringInfo buf, const char *type_name);
extern int64 recv_int64(StringInfo buf, const char *type_name);
extern uint128 recv_uint128(StringInfo buf, const char *type_name);
extern int128 recv_int128(StringInfo buf, const char *type_name);
extern double recv_float8(StringInfo buf, const char *type_name);
extern void send_uint128(StringInfo buf, uint128 value);
extern void send_int128(StringInfo buf, int128 value);

#endif							/* ENGAGEMENT_STATE_IO_H */
