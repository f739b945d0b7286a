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
