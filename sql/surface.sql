-- The extension's SQL surface as it stands: every member object, one line
-- each, with what a user relies on (signature, result, markings, state and
-- support functions, comment), in name order so that a family of overloads
-- stands together.  Every change to the surface shows up as a diff of this
-- file's expected output, whichever script made it.
-- The array type that CREATE TYPE makes beside each type is left out: it is
-- a member of the extension since PostgreSQL 17 and not before.
\pset format unaligned
\pset fieldsep ' | '
\pset footer off
-- a support function by its name alone (regproc would add the schema)
CREATE FUNCTION pg_temp.fn(f regproc) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT coalesce((SELECT proname::text FROM pg_proc WHERE oid = f), '-') $$;
WITH members AS (
    SELECT d.classid, d.objid
    FROM pg_depend d JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
    WHERE e.extname = 'engagement' AND d.deptype = 'e'
),
described AS (
    SELECT m.classid, m.objid,
           CASE m.classid
               WHEN 'pg_proc'::regclass THEN
                   (SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function'
                                          ELSE 'function' END
                    FROM pg_proc p WHERE p.oid = m.objid)
               WHEN 'pg_type'::regclass THEN 'type'
               WHEN 'pg_operator'::regclass THEN 'operator'
               WHEN 'pg_opclass'::regclass THEN 'operator class'
               WHEN 'pg_opfamily'::regclass THEN 'operator family'
               WHEN 'pg_cast'::regclass THEN 'cast'
               ELSE m.classid::regclass::text END AS kind,
           coalesce((SELECT format('%s(%s) -> %s', p.proname, pg_get_function_arguments(p.oid),
                                   pg_get_function_result(p.oid))
                     FROM pg_proc p WHERE m.classid = 'pg_proc'::regclass AND p.oid = m.objid),
                    (SELECT format_type(t.oid, NULL)
                     FROM pg_type t WHERE m.classid = 'pg_type'::regclass AND t.oid = m.objid),
                    pg_describe_object(m.classid, m.objid, 0)) AS object,
           coalesce((SELECT concat_ws(' ',
                                      CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE'
                                                         ELSE 'VOLATILE' END,
                                      CASE WHEN p.proisstrict THEN 'STRICT' END,
                                      CASE p.proparallel WHEN 's' THEN 'PARALLEL SAFE'
                                                         WHEN 'r' THEN 'PARALLEL RESTRICTED'
                                                         ELSE 'PARALLEL UNSAFE' END,
                                      CASE WHEN p.prosecdef THEN 'SECURITY DEFINER' END,
                                      (SELECT format('state %s sfunc %s final %s combine %s'
                                                     ' mstate %s msfunc %s minv %s mfinal %s init %s',
                                                     a.aggtranstype::regtype, pg_temp.fn(a.aggtransfn),
                                                     pg_temp.fn(a.aggfinalfn), pg_temp.fn(a.aggcombinefn),
                                                     a.aggmtranstype::regtype, pg_temp.fn(a.aggmtransfn),
                                                     pg_temp.fn(a.aggminvtransfn), pg_temp.fn(a.aggmfinalfn),
                                                     a.agginitval)
                                       FROM pg_aggregate a WHERE a.aggfnoid = p.oid),
                                      CASE WHEN p.prokind = 'f' THEN
                                          (SELECT l.lanname FROM pg_language l WHERE l.oid = p.prolang)
                                          || CASE WHEN p.prosrc <> p.proname AND p.prolang =
                                                       (SELECT oid FROM pg_language WHERE lanname = 'c')
                                                  THEN ' ' || p.prosrc ELSE '' END END)
                     FROM pg_proc p WHERE m.classid = 'pg_proc'::regclass AND p.oid = m.objid),
                    (SELECT CASE t.typtype WHEN 'r' THEN format('range of %s', r.rngsubtype::regtype)
                                           ELSE format('length %s, %s/%s, %s/%s', t.typlen, t.typinput,
                                                       t.typoutput, t.typreceive, t.typsend) END
                     FROM pg_type t LEFT JOIN pg_range r ON r.rngtypid = t.oid
                     WHERE m.classid = 'pg_type'::regclass AND t.oid = m.objid),
                    (SELECT format('%s, %s', k.castfunc::regprocedure,
                                   CASE k.castcontext WHEN 'i' THEN 'implicit' WHEN 'a' THEN 'assignment'
                                                      ELSE 'explicit' END)
                     FROM pg_cast k WHERE m.classid = 'pg_cast'::regclass AND k.oid = m.objid),
                    (SELECT pg_temp.fn(o.oprcode)
                     FROM pg_operator o WHERE m.classid = 'pg_operator'::regclass AND o.oid = m.objid),
                    '') AS attributes,
           coalesce(obj_description(m.objid, m.classid::regclass::text), '(no comment)') AS comment
    FROM members m
)
SELECT kind, object, attributes, comment
FROM described
WHERE NOT (kind = 'type' AND object LIKE '%[]')
ORDER BY regexp_replace(object, '[ (].*', ''), kind, object;
