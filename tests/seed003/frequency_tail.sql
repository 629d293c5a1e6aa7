SELECT
  carr     AS duration,
  COUNT(*) AS frequency
FROM all_diffs_arr AS ada
ARRAY JOIN ada.change_arr AS carr
GROUP BY duration
ORDER BY frequency DESC
LIMIT 10
