SELECT
  length(change_arr)                 AS num_changes,
  arrayReduce('median', change_arr)  AS median_minutes,
  arrayMin(change_arr)               AS min_minutes,
  arrayMax(change_arr)               AS max_minutes,
  arrayAvg(change_arr)               AS avg_minutes,
  arrayReduce('topK(5)', change_arr) AS most_freq_durations
FROM all_diffs_arr
