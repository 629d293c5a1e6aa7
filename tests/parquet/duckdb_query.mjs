// Runs the SQL in $DUCKDB_SQL with DuckDB (npm @duckdb/node-api) and prints the rows as JSON.
// For tests in other folders that need DuckDB's reading of a file (run through
// run_parquet_test.sh, which installs the package). Usage: DUCKDB_SQL=... node duckdb_query.mjs
import { DuckDBInstance } from '@duckdb/node-api';

const duck = await (await DuckDBInstance.create(':memory:')).connect();
const rows = (await duck.runAndReadAll(process.env.DUCKDB_SQL)).getRowObjectsJson();
console.log(JSON.stringify(rows));
