-- Satisfaction rate per site, department and month (seed 003 L359 2.1.5): callbacks scored 4 or 5 ÷
-- callbacks with a score, by callback time, from the Callbacks log (events, not the ticket's last state).
SELECT
  c.site,
  t.department,
  DATE_TRUNC(DATE(c.at, 'Asia/Shanghai'), MONTH) AS month,
  COUNTIF(c.satisfaction >= 4) AS satisfied,
  COUNT(*) AS scored,
  SAFE_DIVIDE(COUNTIF(c.satisfaction >= 4), COUNT(*)) AS satisfaction_rate
FROM `{{dataset}}.callbacks_*` AS c
LEFT JOIN `{{dataset}}.tickets_*` AS t ON t.site = c.site AND t.id = c.ticket_id
WHERE c.satisfaction BETWEEN 1 AND 5
GROUP BY site, department, month
