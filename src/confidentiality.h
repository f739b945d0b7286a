/*
 * confidentiality.h
 *		The setting engagement.min_group_size and what the disclosable()
 *		window functions share (confidentiality.c).
 */
#ifndef ENGAGEMENT_CONFIDENTIALITY_H
#define ENGAGEMENT_CONFIDENTIALITY_H

#include "common.h"

#include "windowapi.h"

extern int64 partition_min_group_size(WindowObject winobj, int64 rows, int argno);

#endif							/* ENGAGEMENT_CONFIDENTIALITY_H */
