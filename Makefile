# engagement: PGXS build, as in PostgreSQL's contrib.
#   make && make install
#   make installcheck          the pg_regress suite (sql/, expected/)
#   make prove_installcheck    the TAP tests (test/t/)
# against the server that PGHOST/PGPORT name; test/run.sh does all of it
# on a throwaway cluster.
EXTENSION = engagement
MODULE_big = engagement
OBJS = src/engagement.o src/common.o src/state_io.o src/fixed_sum.o src/ratio_state.o \
	src/mean_state.o src/rate_state.o src/index_state.o src/smm_scalar.o src/smm_agg.o src/survey.o \
	src/engagement_stats.o src/engagement_stats_1_1.o \
	src/superseded.o src/follower_growth.o src/survey_scales.o src/confidentiality.o src/intervals.o \
	src/spread_sums.o src/interval_state.o src/nps_state.o src/follower_growth_state.o

# install scripts (engagement--VERSION.sql) and update scripts
# (engagement--OLD--NEW.sql) live at the top, as in contrib
DATA = $(notdir $(wildcard $(srcdir)/engagement--*.sql))

REGRESS = setup smm_scalar overloads smm_agg follower_growth survey survey_scales confidentiality intervals state_types parallel engagement_stats invariants windows bad_input

EXTRA_CLEAN = results regression.diffs regression.out tmp_check

# the PGXN distribution: make dist, from the committed tree (git archive);
# META.json holds the version
DISTVERSION = $(shell perl -MJSON::PP -e 'local $$/; open(my $$f, "<", "$(srcdir)/META.json") or die; print decode_json(<$$f>)->{version}')
DISTFILE = $(EXTENSION)-$(DISTVERSION).zip

# a VPATH build (pg_buildext, for the Debian package) compiles into a
# fresh folder that has no src/ yet
ifdef VPATH
$(shell mkdir -p src)
endif

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): src/engagement.h src/compat.h src/common.h src/state_io.h src/fixed_sum.h \
	src/ratio_state.h src/mean_state.h src/rate_state.h src/index_state.h src/spread_sums.h \
	src/interval_state.h src/survey.h src/nps_state.h src/follower_growth_state.h

# TAP tests against the installed extension; each test starts its own
# clusters with PostgreSQL::Test::Cluster
PROVE_TESTS ?= test/t/*.pl
.PHONY: prove_installcheck
prove_installcheck:
	rm -rf '$(CURDIR)'/tmp_check
	$(MKDIR_P) '$(CURDIR)'/tmp_check
	cd $(srcdir) && TESTDIR='$(CURDIR)' PATH="$(bindir):$$PATH" PGPORT='6$(DEF_PGPORT)' \
		PG_REGRESS='$(top_builddir)/src/test/regress/pg_regress' \
		$(PROVE) -I '$(top_builddir)/src/test/perl' -I '$(srcdir)' $(PROVE_FLAGS) $(PROVE_TESTS)

.PHONY: dist
dist:
	git archive --format zip --prefix=$(EXTENSION)-$(DISTVERSION)/ -o $(DISTFILE) HEAD
