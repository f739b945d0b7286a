# engagement: PGXS build.  `make && make install`; tests: see README.
EXTENSION = engagement
MODULE_big = engagement
OBJS = src/engagement.o src/smm.o src/smm_agg.o src/survey.o src/state.o src/stats.o
DATA = sql/engagement--1.0.sql sql/engagement--1.0--1.1.sql

REGRESS = smm_scalar smm_agg survey state_types parallel stats
REGRESS_OPTS = --inputdir=.

EXTRA_CLEAN = results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): src/engagement.h
