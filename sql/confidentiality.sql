-- Survey confidentiality: the setting engagement.min_group_size and the
-- window function disclosable(respondents[, min_group_size])

-- the setting: 5 by default, at least 1; this test runs as a superuser
SELECT disclosable(1) OVER () AS loads_the_library;
SHOW engagement.min_group_size;
SELECT name, setting, min_val, context FROM pg_settings WHERE name = 'engagement.min_group_size';
SET engagement.min_group_size = 0;
SET engagement.min_group_size = 7;
SHOW engagement.min_group_size;
RESET engagement.min_group_size;
-- a name under engagement. that the extension does not define
SET engagement.min_group = 3;

-- groups (departments) in partitions (divisions), respondents each
CREATE TABLE groups (parent text, name text, respondents bigint);
INSERT INTO groups VALUES
    ('none hidden', 'a', 5), ('none hidden', 'b', 9),
    ('one small',   'a', 3), ('one small',   'b', 10), ('one small', 'c', 12), ('one small', 'd', 40),
    ('ties',        'a', 2), ('ties',        'b', 8),  ('ties',      'c', 8),  ('ties',      'd', 30),
    ('two steps',   'a', 1), ('two steps',   'b', 1),  ('two steps', 'c', 2),  ('two steps', 'd', 50),
    ('small sum',   'a', 4), ('small sum',   'b', 1),  ('small sum', 'c', 100),
    ('empty group', 'a', 0), ('empty group', 'b', 9),
    ('unknown',     'a', NULL), ('unknown',  'b', 9),
    ('all small',   'a', 1), ('all small',   'b', 2),
    ('alone',       'a', 4),
    ('alone big',   'a', 6);

-- k = 5.  one small: a (3) is hidden, and 3 < 5 could be recovered by
-- subtraction, so the smallest shown group, b (10), is hidden too: 13 >= 5.
-- ties: a (2) hidden, then both 8s at once.  two steps: a, b, c (1 + 1 + 2
-- = 4) hidden, then d (50): all hidden.  small sum: a + b = 5, nothing
-- more.  empty group: 0 respondents reveal nothing.  unknown: NULL is
-- hidden and counts 0.  k = 10 hides every group below 10 first.
SELECT parent, name, respondents,
       disclosable(respondents) OVER (PARTITION BY parent) AS k_5,
       disclosable(respondents, 10) OVER (PARTITION BY parent) AS k_10,
       disclosable(respondents, 1) OVER (PARTITION BY parent) AS asks_less_gets_5
FROM groups ORDER BY parent, name;

-- the frame is ignored: the whole partition counts
SELECT parent, name,
       disclosable(respondents) OVER (PARTITION BY parent ORDER BY name
                                      ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS one_row_frame,
       disclosable(respondents) OVER (PARTITION BY parent) AS whole
FROM groups WHERE parent IN ('one small', 'ties') ORDER BY parent, name;
-- the setting moves the threshold: 3 lets the small ones through
SET engagement.min_group_size = 3;
SELECT parent, name, respondents, disclosable(respondents) OVER (PARTITION BY parent) AS k_3
FROM groups WHERE parent IN ('one small', 'small sum', 'all small') ORDER BY parent, name;
RESET engagement.min_group_size;
-- integer columns, as count(*) of a group is bigint and a stored count may be integer
SELECT name, disclosable(respondents::int) OVER () FROM groups WHERE parent = 'one small' ORDER BY name;
-- no partition rows at all, and one row per partition
SELECT count(*) AS rows FROM (SELECT disclosable(respondents) OVER () FROM groups WHERE false) s;

-- bad input: 22023
SELECT disclosable(n) OVER () FROM (VALUES (5::bigint), (-1)) v(n);
SELECT disclosable(n, 0) OVER () FROM (VALUES (5::bigint)) v(n);
SELECT disclosable(n, m) OVER () FROM (VALUES (5::bigint, 5), (6, -3)) v(n, m);
-- a NULL min_group_size asks for nothing more, as in greatest()
SELECT disclosable(n, NULL) OVER () AS null_minimum FROM (VALUES (5::bigint)) v(n);
-- a window function needs OVER
SELECT disclosable(5);

-- Every level of one survey in one partition: disclosable(path,
-- respondents[, headcount[, min_group_size]]).  The one-level function
-- above decides each partition alone, which protects one level only.
CREATE TABLE levels (survey text, path text[], respondents bigint, headcount bigint);
INSERT INTO levels VALUES
    -- a company of 54 respondents: Product (Engineering 30, Design 15),
    -- Finance (one department of 8), Legal (one department, 1 of 2 answered).
    -- Legal is below 5; Finance is hidden beside it (company - Product = 9);
    -- the Finance department is hidden with its division, where deciding each
    -- level alone showed it (company - Product - Finance department = Legal)
    ('company', '{}', 54, 56), ('company', '{Product}', 45, 45), ('company', '{Finance}', 8, 8),
    ('company', '{Legal}', 1, 2), ('company', '{Product,Engineering}', 30, 30),
    ('company', '{Product,Design}', 15, 15), ('company', '{Finance,Finance}', 8, 8),
    ('company', '{Legal,Legal}', 1, 2),
    -- a CEO office of headcount 1 beside Design and Engineering, before the
    -- CEO answered: its size (1) is below 5, so Design (the smallest
    -- sibling) is hidden, answered or not
    ('ceo absent', '{}', 60, 70), ('ceo absent', '{Product}', 51, 60),
    ('ceo absent', '{Product,Engineering}', 30, 35), ('ceo absent', '{Product,Design}', 21, 24),
    ('ceo absent', '{Product,CEO office}', 0, 1), ('ceo absent', '{Sales}', 9, 10),
    -- ... and after: the same decision
    ('ceo answered', '{}', 61, 70), ('ceo answered', '{Product}', 52, 60),
    ('ceo answered', '{Product,Engineering}', 30, 35), ('ceo answered', '{Product,Design}', 21, 24),
    ('ceo answered', '{Product,CEO office}', 1, 1), ('ceo answered', '{Sales}', 9, 10),
    -- respondents of hidden groups add up to less than 5 though their
    -- headcounts do not: the smallest visible sibling goes too (rule 3 on
    -- respondents), and that one's hidden child goes with it (rule 2)
    ('few answered', '{}', 24, 40), ('few answered', '{A}', 2, 10), ('few answered', '{B}', 10, 12),
    ('few answered', '{C}', 12, 18), ('few answered', '{B,B1}', 10, 12),
    -- ties: both smallest siblings at once
    ('ties', '{}', 23, NULL), ('ties', '{A}', 3, NULL), ('ties', '{B}', 6, NULL),
    ('ties', '{C}', 6, NULL), ('ties', '{D}', 8, NULL),
    -- the whole hidden: everything under it too
    ('tiny', '{}', 4, 4), ('tiny', '{A}', 4, 4);
SELECT survey, path, respondents, headcount,
       disclosable(path, respondents, headcount) OVER (PARTITION BY survey) AS shown,
       disclosable(path, respondents) OVER (PARTITION BY survey) AS by_respondents
FROM levels ORDER BY survey, path;

-- the minimum: the larger of the argument and the setting; the order of the
-- rows and the frame change nothing
SELECT survey, path,
       disclosable(path, respondents, headcount, 9) OVER (PARTITION BY survey) AS k_9,
       disclosable(path, respondents, headcount, 1) OVER (PARTITION BY survey) AS asks_less_gets_5,
       disclosable(path, respondents, headcount) OVER (PARTITION BY survey ORDER BY path DESC
                                                       ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS one_row_frame
FROM levels WHERE survey IN ('company', 'ties') ORDER BY survey, path;

-- the published groups never differ by fewer than 5 respondents: for every
-- shown group, its respondents minus those of its shown children are 0 or
-- at least 5 (a check the attacker test makes on thousands of trees)
SELECT bool_and(rest = 0 OR rest >= 5) AS no_small_difference
FROM (SELECT p.survey, p.path, p.respondents - coalesce(sum(c.respondents) FILTER (WHERE c.shown), 0) AS rest
      FROM (SELECT *, disclosable(path, respondents, headcount) OVER (PARTITION BY survey) AS shown FROM levels) p
      JOIN (SELECT *, disclosable(path, respondents, headcount) OVER (PARTITION BY survey) AS shown FROM levels) c
        ON c.survey = p.survey AND c.path[1:cardinality(p.path)] = p.path AND cardinality(c.path) = cardinality(p.path) + 1
      WHERE p.shown
      GROUP BY p.survey, p.path, p.respondents) d;

-- bad input: 22023, naming the group
SELECT disclosable(path, n, h) OVER () FROM (VALUES ('{}'::text[], 5::bigint, 4::bigint)) v(path, n, h);
SELECT disclosable(path, n) OVER () FROM (VALUES ('{}'::text[], 5::bigint), ('{a,b}', 5)) v(path, n);
SELECT disclosable(path, n) OVER () FROM (VALUES ('{}'::text[], 5::bigint), ('{}', 6)) v(path, n);
SELECT disclosable(path, n) OVER () FROM (VALUES (NULL::text[], 5::bigint)) v(path, n);
SELECT disclosable(path, n) OVER () FROM (VALUES ('{NULL}'::text[], 5::bigint), ('{}', 5)) v(path, n);
SELECT disclosable(path, n) OVER () FROM (VALUES ('{{a},{b}}'::text[], 5::bigint)) v(path, n);
SELECT disclosable(path, n) OVER () FROM (VALUES ('{}'::text[], -1::bigint)) v(path, n);
SELECT disclosable(path, n, h) OVER () FROM (VALUES ('{}'::text[], 5::bigint, -1::bigint)) v(path, n, h);
SELECT disclosable(path, n, h, 0) OVER () FROM (VALUES ('{}'::text[], 5::bigint, 5::bigint)) v(path, n, h);
-- NULL respondents: hidden; NULL headcount: unknown, the respondents count
SELECT path, disclosable(path, n, h) OVER () FROM (VALUES ('{}'::text[], NULL::bigint, 10::bigint), ('{a}', 7, NULL)) v(path, n, h)
ORDER BY path;
DROP TABLE levels;
