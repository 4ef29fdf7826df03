-- Complaint and repair timeliness per site, department and month (seed 003 L359 2.1.1–2.1.2), by the
-- add-on's rule: a deadline counts in the month its outcome became known — done on time: the month it
-- was done; done late or never: the month the deadline passed. First resolution against its deadline.
-- {{dataset}} is replaced by PROJECT.DATASET when `npm run sheets -- rollup` creates the view.
WITH stages AS (
  SELECT
    site,
    department,
    type,
    COALESCE(first_resolve_due, resolve_due) AS due,
    COALESCE(first_resolved_at, resolve_at) AS done
  FROM `{{dataset}}.tickets_*`
  WHERE type IN ('complaint', 'repair') AND status != 'cancelled'
),
known AS (
  SELECT
    site,
    department,
    type,
    done IS NOT NULL AND done <= due AS on_time,
    IF(done IS NOT NULL AND done <= due, done, due) AS known_at
  FROM stages
  WHERE due IS NOT NULL AND (done IS NOT NULL OR due <= CURRENT_TIMESTAMP())
)
SELECT
  site,
  department,
  type,
  DATE_TRUNC(DATE(known_at, 'Asia/Shanghai'), MONTH) AS month,
  COUNTIF(on_time) AS on_time,
  COUNT(*) AS counted,
  SAFE_DIVIDE(COUNTIF(on_time), COUNT(*)) AS timeliness
FROM known
GROUP BY site, department, type, month
