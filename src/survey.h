/*
 * survey.h
 *		What the interval aggregates take from survey.c: the answers of one
 *		Q12 questionnaire.
 */
#ifndef ENGAGEMENT_SURVEY_H
#define ENGAGEMENT_SURVEY_H

#include "common.h"

/* the true and the non-NULL elements of one respondent's twelve answers */
extern void count_q12_answers(Datum datum, int64 *yes, int64 *answered);

#endif							/* ENGAGEMENT_SURVEY_H */
