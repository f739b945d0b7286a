# engagement: PGXS build.  `make && make install`; tests: see README.
EXTENSION = engagement
MODULE_big = engagement
OBJS = src/engagement.o src/smm.o src/smm_agg.o src/survey.o src/state.o src/stats.o
DATA = sql/engagement--1.0.sql sql/engagement--1.0--1.1.sql

REGRESS = smm_scalar smm_agg survey state_types parallel stats bad_input

EXTRA_CLEAN = results regression.diffs regression.out

# the PGXN distribution: make dist, from the committed tree (git archive)
DISTVERSION = $(shell sed -n 's/^   "version": "\(.*\)",$$/\1/p' META.json)
DISTFILE = $(EXTENSION)-$(DISTVERSION).zip

# a VPATH build (pg_buildext, for the Debian package) compiles into a
# fresh folder that has no src/ yet
ifdef VPATH
$(shell mkdir -p src)
endif

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): src/engagement.h

.PHONY: dist
dist:
	git archive --format zip --prefix=$(EXTENSION)-$(DISTVERSION)/ -o $(DISTFILE) HEAD
