-- Rework (reopen) rate per site, department and month (seed 003 L359 2.1.4): tickets resolved in the month
-- that had been reopened at least once ÷ tickets resolved in the month.
SELECT
  site,
  department,
  DATE_TRUNC(DATE(resolve_at, 'Asia/Shanghai'), MONTH) AS month,
  COUNTIF(reopen_count >= 1) AS reworked,
  COUNT(*) AS resolved,
  SAFE_DIVIDE(COUNTIF(reopen_count >= 1), COUNT(*)) AS rework_rate
FROM `{{dataset}}.tickets_*`
WHERE resolve_at IS NOT NULL AND status != 'cancelled'
GROUP BY site, department, month
