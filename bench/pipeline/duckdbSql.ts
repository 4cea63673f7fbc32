// The DuckDB baseline's SQL: the contract's ingestion rules for the figures the bench compares
// (init, crashed, abnormal, unhandled, errored set, errored_preaggr, distinct users, crashed
// users per (project, release) over the summary window [W, now)), on the raw NDJSON file.
// The demo data has a sid on every update and only string user ids; the SQL relies on that.

export interface DuckRow {
  project: string;
  release: string;
  init: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  erroredSet: number;
  erroredPreaggr: number;
  users: number;
  crashedUsers: number;
}

export function duckdbSql(file: string, windowStart: number, now: number, defaultProject = 'default'): string {
  const f = file.replace(/'/g, "''");
  const nil = "'00000000-0000-0000-0000-000000000000'";
  return `
WITH raw AS (
  SELECT * FROM read_ndjson('${f}', columns = {
    project: 'VARCHAR', sid: 'VARCHAR', did: 'VARCHAR', init: 'BOOLEAN', started: 'VARCHAR', status: 'VARCHAR', errors: 'BIGINT',
    attrs: 'STRUCT(release VARCHAR, environment VARCHAR)',
    aggregates: 'STRUCT(started VARCHAR, did VARCHAR, exited BIGINT, errored BIGINT, abnormal BIGINT, crashed BIGINT, unhandled BIGINT)[]'
  })
), upd AS (
  SELECT coalesce(project, '${defaultProject}') AS project, attrs.release AS release, sid,
         nullif(nullif(did, ''), ${nil}) AS did, coalesce(init, false) AS init, coalesce(status, 'ok') AS status,
         coalesce(errors, 0) AS errors, epoch(started::TIMESTAMPTZ) AS t
  FROM raw WHERE aggregates IS NULL
), agg AS (
  SELECT coalesce(project, '${defaultProject}') AS project, attrs.release AS release,
         nullif(nullif(e.did, ''), ${nil}) AS did, coalesce(e.exited, 0) AS exited, coalesce(e.errored, 0) AS errored,
         coalesce(e.abnormal, 0) AS abnormal, coalesce(e.crashed, 0) AS crashed, coalesce(e.unhandled, 0) AS unhandled,
         epoch(e.started::TIMESTAMPTZ) AS t
  FROM (SELECT project, attrs, unnest(aggregates) AS e FROM raw WHERE aggregates IS NOT NULL)
), u AS (SELECT * FROM upd WHERE t >= ${windowStart} AND t < ${now}),
   a AS (SELECT * FROM agg WHERE t >= ${windowStart} AND t < ${now}),
rel AS (SELECT project, release FROM u UNION SELECT project, release FROM a),
us AS (
  SELECT project, release,
    count(*) FILTER (WHERE init) AS init,
    count(*) FILTER (WHERE status = 'crashed') AS crashed,
    count(*) FILTER (WHERE status = 'abnormal') AS abnormal,
    count(*) FILTER (WHERE status = 'unhandled') AS unhandled,
    count(DISTINCT sid) FILTER (WHERE errors > 0 OR status NOT IN ('ok', 'exited')) AS errored_set
  FROM u GROUP BY ALL),
ag AS (
  SELECT project, release, sum(exited + errored + abnormal + crashed + unhandled) AS init,
    sum(errored + abnormal + crashed + unhandled) AS errored_pre,
    sum(crashed) AS crashed, sum(abnormal) AS abnormal, sum(unhandled) AS unhandled
  FROM a GROUP BY ALL),
users AS (
  SELECT project, release, count(DISTINCT did) AS users, count(DISTINCT did) FILTER (WHERE crashed) AS crashed_users
  FROM (SELECT project, release, did, status = 'crashed' AS crashed FROM u WHERE did IS NOT NULL
        UNION ALL SELECT project, release, did, crashed > 0 FROM a WHERE did IS NOT NULL)
  GROUP BY ALL)
SELECT rel.project, rel.release,
  coalesce(us.init, 0) + coalesce(ag.init, 0) AS init,
  coalesce(us.crashed, 0) + coalesce(ag.crashed, 0) AS crashed,
  coalesce(us.abnormal, 0) + coalesce(ag.abnormal, 0) AS abnormal,
  coalesce(us.unhandled, 0) + coalesce(ag.unhandled, 0) AS unhandled,
  coalesce(us.errored_set, 0) AS errored_set, coalesce(ag.errored_pre, 0) AS errored_pre,
  coalesce(users.users, 0) AS users, coalesce(users.crashed_users, 0) AS crashed_users
FROM rel LEFT JOIN us USING (project, release) LEFT JOIN ag USING (project, release) LEFT JOIN users USING (project, release)
ORDER BY 1, 2`;
}
