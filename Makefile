# engagement: PGXS build, as in PostgreSQL's contrib.
#   make && make install
#   make installcheck          the pg_regress suite (sql/, expected/)
#   make prove_installcheck    the TAP tests (test/t/)
# against the server that PGHOST/PGPORT name; test/run.sh does all of it
# on a throwaway cluster.
EXTENSION = engagement
MODULE_big = engagement
# common.o and state_io.o know no state type; each state type has a file
# and a header (ratio_state, mean_state, ...); the SQL functions of each
# family are in their own file (smm_agg.o, survey.o, ...): DEVELOPMENT.md
OBJS = src/engagement.o src/common.o src/state_io.o src/fixed_sum.o \
	src/ratio_state.o src/mean_state.o src/rate_state.o src/index_state.o \
	src/spread_sums.o src/interval_state.o src/drivers_state.o src/nps_state.o src/follower_growth_state.o \
	src/engagement_stats.o src/stats_window.o src/engagement_stats_1_1.o src/superseded.o \
	src/smm_scalar.o src/smm_agg.o src/survey.o src/survey_scales.o \
	src/follower_growth.o src/intervals.o src/confidentiality.o src/confidentiality_levels.o src/insights.o

# install scripts (engagement--VERSION.sql) and update scripts
# (engagement--OLD--NEW.sql) live at the top, as in contrib
DATA = $(notdir $(wildcard $(srcdir)/engagement--*.sql))

REGRESS = setup surface output_settings smm_scalar overloads smm_agg follower_growth survey survey_scales confidentiality intervals insights state_types parallel engagement_stats invariants windows moving_frames bad_input

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

# The headers each object (and its bitcode, built for JIT when PostgreSQL
# has LLVM) includes, directly or through another header, so that a change
# to one header rebuilds only the objects that include it.
# A header's variable holds it and the variables of the headers it
# includes; when an #include changes, change its line here (gcc -MM lists
# the headers a file includes).
COMMON_H = src/common.h src/compat.h
STATE_IO_H = src/state_io.h $(COMMON_H)
FIXED_SUM_H = src/fixed_sum.h $(COMMON_H)
RATIO_STATE_H = src/ratio_state.h $(COMMON_H)
MEAN_STATE_H = src/mean_state.h $(FIXED_SUM_H)
RATE_STATE_H = src/rate_state.h $(MEAN_STATE_H)
INDEX_STATE_H = src/index_state.h $(MEAN_STATE_H)
SPREAD_SUMS_H = src/spread_sums.h $(COMMON_H)
INTERVAL_STATE_H = src/interval_state.h $(SPREAD_SUMS_H)
DRIVERS_STATE_H = src/drivers_state.h $(SPREAD_SUMS_H)
NPS_STATE_H = src/nps_state.h $(COMMON_H)
FOLLOWER_GROWTH_STATE_H = src/follower_growth_state.h $(COMMON_H)
ENGAGEMENT_STATS_H = src/engagement_stats.h $(RATE_STATE_H) $(RATIO_STATE_H) $(SPREAD_SUMS_H)
ENGAGEMENT_STATS_1_1_H = src/engagement_stats_1_1.h $(COMMON_H)
SURVEY_H = src/survey.h $(COMMON_H)
CONFIDENTIALITY_H = src/confidentiality.h $(COMMON_H)

src/common.o src/common.bc: $(COMMON_H)
src/state_io.o src/state_io.bc: $(STATE_IO_H)
src/fixed_sum.o src/fixed_sum.bc: $(FIXED_SUM_H)
src/ratio_state.o src/ratio_state.bc: $(RATIO_STATE_H) $(STATE_IO_H)
src/mean_state.o src/mean_state.bc: $(MEAN_STATE_H) $(STATE_IO_H)
src/rate_state.o src/rate_state.bc: $(RATE_STATE_H) $(STATE_IO_H)
src/index_state.o src/index_state.bc: $(INDEX_STATE_H) $(STATE_IO_H)
src/spread_sums.o src/spread_sums.bc: $(SPREAD_SUMS_H) $(STATE_IO_H)
src/interval_state.o src/interval_state.bc: $(INTERVAL_STATE_H) $(STATE_IO_H)
src/drivers_state.o src/drivers_state.bc: $(DRIVERS_STATE_H) $(STATE_IO_H)
src/nps_state.o src/nps_state.bc: $(NPS_STATE_H) $(STATE_IO_H)
src/follower_growth_state.o src/follower_growth_state.bc: $(FOLLOWER_GROWTH_STATE_H) $(STATE_IO_H)
src/engagement_stats.o src/engagement_stats.bc: $(ENGAGEMENT_STATS_H) $(ENGAGEMENT_STATS_1_1_H) $(STATE_IO_H)
src/stats_window.o src/stats_window.bc: $(ENGAGEMENT_STATS_H)
src/engagement_stats_1_1.o src/engagement_stats_1_1.bc: $(ENGAGEMENT_STATS_1_1_H) $(STATE_IO_H)
src/superseded.o src/superseded.bc: $(ENGAGEMENT_STATS_1_1_H) $(STATE_IO_H)
src/smm_scalar.o src/smm_scalar.bc: $(COMMON_H) src/smm_scalar_widths.inc
src/smm_agg.o src/smm_agg.bc: $(RATE_STATE_H) $(RATIO_STATE_H) src/smm_agg_widths.inc
src/survey.o src/survey.bc: $(SURVEY_H) $(INDEX_STATE_H) $(RATIO_STATE_H)
src/survey_scales.o src/survey_scales.bc: $(FIXED_SUM_H) $(INTERVAL_STATE_H) $(NPS_STATE_H) $(RATIO_STATE_H) src/survey_intervals_widths.inc
src/follower_growth.o src/follower_growth.bc: $(FOLLOWER_GROWTH_STATE_H)
src/intervals.o src/intervals.bc: $(INTERVAL_STATE_H) $(SURVEY_H)
src/confidentiality.o src/confidentiality.bc: $(CONFIDENTIALITY_H)
src/confidentiality_levels.o src/confidentiality_levels.bc: $(CONFIDENTIALITY_H)
src/confidentiality.o src/confidentiality.bc: $(COMMON_H)
src/insights.o src/insights.bc: $(DRIVERS_STATE_H) $(ENGAGEMENT_STATS_H) src/insights_widths.inc

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
