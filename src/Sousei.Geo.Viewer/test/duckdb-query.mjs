// Runs SQL statements in DuckDB (npm @duckdb/node-api, its own binary): an independent Parquet reader and writer for the
// GeoParquet tests (issue 12). Usage: node test/duckdb-query.mjs "SQL" ["SQL" ...]; prints the rows of the last statement
// as JSON (BIGINT as a number when it is exact, else as text; BLOB as hex; nested values as JSON).
import { DuckDBInstance } from '@duckdb/node-api';

const statements = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
let rows = [];
for (const sql of statements) {
  const reader = await connection.runAndReadAll(sql);
  rows = reader.getRowObjectsJson();
}
console.log(JSON.stringify(rows));
