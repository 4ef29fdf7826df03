-- Repair callback rate per site, department and month (seed 003 L359 2.1.3): repairs whose callback was
-- done ÷ repairs whose callback outcome became known (done on time: when done; otherwise when the
-- callback was due — done late, unreachable, invalid or still open).
WITH windows AS (
  SELECT site, department, callback_due AS due, callback_at AS done, callback_state AS state
  FROM `{{dataset}}.tickets_*`
  WHERE type = 'repair' AND callback_due IS NOT NULL
),
known AS (
  SELECT
    site,
    department,
    state = 'done' AS done_ok,
    IF(state = 'done' AND done <= due, done, due) AS known_at
  FROM windows
  WHERE (state = 'done' AND done <= due) OR due <= CURRENT_TIMESTAMP()
)
SELECT
  site,
  department,
  DATE_TRUNC(DATE(known_at, 'Asia/Shanghai'), MONTH) AS month,
  COUNTIF(done_ok) AS done,
  COUNT(*) AS counted,
  SAFE_DIVIDE(COUNTIF(done_ok), COUNT(*)) AS callback_rate
FROM known
GROUP BY site, department, month
