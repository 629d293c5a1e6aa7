// The settings tally knows: M(Type, name, default, description). Types: UInt64, Int64,
// Float64, Bool, String. Add a setting here only; Settings, SET, system.settings and the
// HTTP interface pick it up.
// clang-format off
#define TALLY_SETTINGS(M) \
  M(UInt64, max_threads, 0, "Maximum number of query processing threads (0 = number of cores).") \
  M(UInt64, max_block_size, 65536, "Maximum rows in a block read from a table or produced by an operator.") \
  M(UInt64, max_insert_block_size, 1048576, "Rows per block when inserting.") \
  M(UInt64, min_insert_block_size_rows, 1048576, "Squash inserted blocks up to this many rows.") \
  M(UInt64, max_memory_usage, 0, "Maximum memory a query may use, in bytes (0 = unlimited).") \
  M(UInt64, max_execution_time, 0, "Maximum query execution time in seconds (0 = unlimited).") \
  M(String, timeout_overflow_mode, "throw", "What to do when max_execution_time is exceeded: throw or break.") \
  M(UInt64, max_rows_to_read, 0, "Maximum rows read from tables (0 = unlimited).") \
  M(Bool, use_uncompressed_cache, true, "Keep decompressed MergeTree frames of short reads in the process-wide cache (ClickHouse: off by default).") \
  M(UInt64, merge_tree_max_rows_to_use_cache, 1048576, "Reads of more rows neither use nor fill the uncompressed cache.") \
  M(UInt64, max_bytes_to_read, 0, "Maximum bytes read from tables (0 = unlimited).") \
  M(String, read_overflow_mode, "throw", "What to do when a read limit is exceeded: throw or break.") \
  M(UInt64, max_result_rows, 0, "Maximum rows in the result (0 = unlimited).") \
  M(UInt64, max_result_bytes, 0, "Maximum bytes in the result (0 = unlimited).") \
  M(String, result_overflow_mode, "throw", "What to do when a result limit is exceeded: throw or break.") \
  M(UInt64, max_rows_to_group_by, 0, "Maximum distinct keys in GROUP BY (0 = unlimited).") \
  M(String, group_by_overflow_mode, "throw", "throw, break or any.") \
  M(UInt64, max_rows_to_sort, 0, "Maximum rows to sort (0 = unlimited).") \
  M(UInt64, max_rows_in_set, 0, "Maximum rows in a set built from a subquery (0 = unlimited).") \
  M(UInt64, max_rows_in_join, 0, "Maximum rows in the right side of a join (0 = unlimited).") \
  M(UInt64, max_ast_depth, 1000, "Maximum depth of the query syntax tree.") \
  M(UInt64, max_ast_elements, 50000, "Maximum number of nodes in the query syntax tree.") \
  M(UInt64, max_query_size, 262144, "Maximum bytes of a query text to parse (inline INSERT data excluded).") \
  M(UInt64, max_parser_depth, 1000, "Maximum recursion depth of the parser.") \
  M(UInt64, max_subquery_depth, 100, "Maximum nesting of subqueries.") \
  M(UInt64, readonly, 0, "0: all queries; 1: read only; 2: read and change settings.") \
  M(Bool, allow_ddl, true, "Allow DDL queries.") \
  M(UInt64, input_format_allow_errors_num, 0, "Maximum number of malformed rows to skip when reading text formats.") \
  M(Float64, input_format_allow_errors_ratio, 0, "Maximum share of malformed rows to skip when reading text formats.") \
  M(Bool, input_format_skip_unknown_fields, true, "Skip fields of unknown columns in JSONEachRow / TSKV / WithNames formats.") \
  M(Bool, input_format_with_names_use_header, true, "Map columns by the header of WithNames formats.") \
  M(Bool, input_format_with_types_use_header, true, "Check the types header of WithNamesAndTypes formats.") \
  M(Bool, input_format_null_as_default, true, "Insert defaults for NULLs into non-Nullable columns.") \
  M(Bool, input_format_csv_empty_as_default, true, "Empty CSV fields become defaults.") \
  M(Bool, input_format_tsv_empty_as_default, false, "Empty TSV fields become defaults.") \
  M(Bool, input_format_values_interpret_expressions, true, "Evaluate expressions in Values input.") \
  M(UInt64, input_format_max_rows_to_read_for_schema_inference, 25000, "Rows read to infer a schema.") \
  M(Bool, input_format_json_read_numbers_as_strings, true, "Accept JSON numbers in String columns.") \
  M(Bool, input_format_csv_detect_header, true, "Detect a header row in CSV input.") \
  M(Bool, input_format_tsv_detect_header, true, "Detect a header row in TSV input.") \
  M(Bool, format_csv_allow_single_quotes, false, "Accept single-quoted CSV strings.") \
  M(Bool, format_csv_allow_double_quotes, true, "Accept double-quoted CSV strings.") \
  M(String, format_csv_delimiter, ",", "CSV field delimiter.") \
  M(String, format_csv_null_representation, "\\N", "How NULL is written in CSV.") \
  M(String, format_tsv_null_representation, "\\N", "How NULL is written in TSV.") \
  M(Bool, output_format_json_quote_64bit_integers, true, "Quote 64-bit integers in JSON output.") \
  M(Bool, output_format_json_quote_64bit_floats, false, "Quote 64-bit floats in JSON output.") \
  M(Bool, output_format_json_quote_denormals, false, "Write inf and nan as strings in JSON output.") \
  M(Bool, output_format_json_escape_forward_slashes, true, "Escape / as \\/ in JSON strings.") \
  M(Bool, output_format_json_named_tuples_as_objects, true, "Write named tuples as JSON objects.") \
  M(Bool, output_format_json_array_of_rows, false, "Wrap JSONEachRow output in an array.") \
  M(String, output_format_parquet_compression_method, "zstd", "Parquet output compression: zstd, snappy, gzip or none.") \
  M(UInt64, output_format_parquet_row_group_size, 1000000, "Target rows per Parquet row group.") \
  M(UInt64, output_format_parquet_row_group_size_bytes, 536870912, "Target bytes per Parquet row group (before compression).") \
  M(UInt64, output_format_parquet_max_dictionary_size, 1048576, "Dictionary size of a Parquet column chunk above which it switches to PLAIN.") \
  M(Bool, output_format_parquet_use_dictionary, true, "Dictionary-encode Parquet output columns.") \
  M(Bool, output_format_write_statistics, true, "Write the statistics section of JSON formats.") \
  M(UInt64, output_format_pretty_max_rows, 10000, "Rows shown by Pretty formats.") \
  M(UInt64, output_format_pretty_max_column_pad_width, 250, "Maximum padding of a Pretty column.") \
  M(UInt64, output_format_pretty_max_value_width, 10000, "Maximum characters of a value shown by Pretty formats.") \
  M(String, output_format_pretty_color, "auto", "Colour in Pretty formats: 0, 1 or auto (only on a terminal).") \
  M(Bool, output_format_pretty_row_numbers, true, "Number the rows in Pretty formats.") \
  M(String, output_format_pretty_grid_charset, "UTF-8", "UTF-8 or ASCII borders in Pretty formats.") \
  M(Bool, output_format_csv_crlf_end_of_line, false, "End CSV rows with CRLF.") \
  M(Bool, output_format_tsv_crlf_end_of_line, false, "End TSV rows with CRLF.") \
  M(String, bool_true_representation, "true", "Text of true in text formats.") \
  M(String, bool_false_representation, "false", "Text of false in text formats.") \
  M(String, date_time_input_format, "basic", "basic or best_effort parsing of DateTime input.") \
  M(String, date_time_output_format, "simple", "simple, iso or unix_timestamp.") \
  M(String, session_timezone, "", "Time zone of the session (empty = server default).") \
  M(Bool, extremes, false, "Compute minimum and maximum of result columns.") \
  M(String, count_distinct_implementation, "uniqExact", "Function used for count(DISTINCT ...).") \
  M(Bool, join_use_nulls, false, "Use NULL for non-matched rows of outer joins instead of defaults.") \
  M(String, join_default_strictness, "ALL", "Default join strictness: ALL or ANY.") \
  M(Bool, any_join_distinct_right_table_keys, false, "Legacy ANY JOIN behaviour.") \
  M(Bool, transform_null_in, false, "NULL IN (NULL) is true.") \
  M(Bool, aggregate_functions_null_for_empty, false, "Aggregates over no rows return NULL.") \
  M(Bool, prefer_column_name_to_alias, false, "Resolve a name to a column before an alias of the same name.") \
  M(Bool, enable_positional_arguments, true, "GROUP BY 1 / ORDER BY 1 refer to select positions.") \
  M(Bool, group_by_use_nulls, false, "Use NULL for missing keys of ROLLUP/CUBE.") \
  M(String, totals_mode, "after_having_exclusive", "How WITH TOTALS treats HAVING.") \
  M(Bool, log_queries, true, "Log queries to system.query_log.") \
  M(UInt64, max_concurrent_queries_for_user, 0, "Maximum concurrent queries of a user (0 = unlimited).") \
  M(Bool, async_insert, false, "Buffer small inserts server-side and write them in batches.") \
  M(Bool, wait_for_async_insert, true, "Acknowledge an async insert only once it is written.") \
  M(UInt64, async_insert_max_data_size, 10485760, "Flush the async insert buffer at this many bytes.") \
  M(UInt64, async_insert_busy_timeout_ms, 200, "Flush the async insert buffer after this many milliseconds.") \
  M(Bool, enable_http_compression, false, "Compress HTTP responses per Accept-Encoding.") \
  M(UInt64, http_zlib_compression_level, 3, "Compression level of HTTP responses.") \
  M(Bool, send_progress_in_http_headers, false, "Send X-ClickHouse-Progress headers.") \
  M(UInt64, http_headers_progress_interval_ms, 100, "Interval between progress headers.") \
  M(Bool, add_http_cors_header, false, "Add Access-Control-Allow-Origin: * to HTTP responses.") \
  M(UInt64, wait_end_of_query, 0, "Buffer the whole HTTP response before sending it.") \
  M(UInt64, http_response_buffer_size, 0, "Bytes of HTTP response buffered in memory.") \
  M(Bool, http_write_exception_in_output_format, false, "Write exceptions inside JSON output.") \
  M(Bool, use_query_cache, false, "Accepted for compatibility; tally does not cache results.") \
  M(String, default_format, "", "Default output format over HTTP.") \
  M(UInt64, limit, 0, "Limit of result rows applied on top of the query (0 = none).") \
  M(UInt64, offset, 0, "Offset applied on top of the query.") \
  M(Bool, optimize_aggregation_in_order, false, "Accepted for compatibility.") \
  M(Bool, allow_experimental_analyzer, true, "Accepted for compatibility.") \
  M(Bool, enable_analyzer, true, "Accepted for compatibility.") \
  M(Bool, allow_suspicious_low_cardinality_types, false, "Allow LowCardinality of types ClickHouse warns about.") \
  M(Bool, allow_experimental_low_cardinality_type, true, "Obsolete: LowCardinality is always allowed (ClickHouse 18.x needed it).") \
  M(Bool, optimize_move_to_prewhere, true, "Move selective WHERE conditions to PREWHERE.") \
  M(Bool, optimize_views_shared_aggregation, true, "tally: materialized views that count rows of one table read them collapsed by one shared GROUP BY.") \
  M(UInt64, mutations_sync, 0, "Wait for mutations: 0 no, 1 this replica, 2 all.") \
  M(Bool, optimize_throw_if_noop, false, "OPTIMIZE throws when there was nothing to merge.") \
  M(Bool, lightweight_deletes_sync, true, "Wait for lightweight deletes.") \
  M(String, date_time_overflow_behavior, "ignore", "ignore, throw or saturate.") \
  M(Bool, cast_keep_nullable, false, "CAST keeps Nullable of the source.") \
  M(Bool, data_type_default_nullable, false, "Column types without NULL/NOT NULL are Nullable.") \
  M(Bool, insert_null_as_default, true, "Insert the default for NULL into non-Nullable columns.") \
  M(Bool, enable_optimize_predicate_expression, true, "Push predicates into subqueries.") \
  M(Bool, short_circuit_function_evaluation_enable, true, "Accepted for compatibility.") \
  M(UInt64, output_format_pretty_display_footer_column_names, 1, "Repeat column names below long Pretty tables.") \
  M(UInt64, output_format_pretty_display_footer_column_names_min_rows, 50, "Rows needed for the footer.") \
  M(UInt64, output_format_pretty_single_large_number_tip_threshold, 1000000, "Add a readable tip to a single large number (0 = off).") \
  M(Bool, cancel_http_readonly_queries_on_client_close, false, "Cancel read-only HTTP queries when the client goes away.") \
  M(UInt64, max_network_bandwidth, 0, "Accepted for compatibility.") \
  M(UInt64, log_comment_len, 0, "Accepted for compatibility.") \
  M(String, log_comment, "", "A comment stored with the query in system.query_log.") \
  M(UInt64, insert_deduplicate, 1, "Deduplicate identical inserted blocks.") \
  M(String, insert_deduplication_token, "", "Token identifying an insert for deduplication.") \
  M(UInt64, max_partitions_per_insert_block, 100, "Maximum partitions in one inserted block.") \
  M(UInt64, parts_to_throw_insert, 3000, "Active parts in a partition that make inserts fail.") \
  M(Bool, flatten_nested, true, "Accepted for compatibility.") \
  M(Bool, input_format_try_infer_integers, true, "Infer Int64 rather than Float64 for integers in schema inference.") \
  M(Bool, input_format_try_infer_dates, true, "Infer Date from strings that look like dates in schema inference.") \
  M(Bool, input_format_try_infer_datetimes, true, "Infer DateTime64 from strings that look like date-times in schema inference.") \
  M(Bool, output_format_pretty_multiline_fields, true, "Pretty formats print values with line feeds on several lines.") \
  M(Bool, output_format_pretty_fallback_to_vertical, true, "Pretty formats print small wide tables as Vertical.") \
  M(Bool, engine_file_truncate_on_insert, false, "Truncate a File table on insert.") \
  M(String, default_table_engine, "Memory", "Engine of CREATE TABLE without an ENGINE clause.")
// clang-format on
