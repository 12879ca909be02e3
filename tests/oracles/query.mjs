// Runs one SQL statement in DuckDB (in memory) and prints the result rows as a JSON array of objects.
// Usage: node query.mjs "SELECT count(*) AS n FROM read_parquet('dir/*.parquet')"
import { DuckDBInstance } from '@duckdb/node-api';

const sql = process.argv[2];
if (!sql) { console.error('usage: node query.mjs SQL'); process.exit(2); }
const con = await (await DuckDBInstance.create(':memory:')).connect();
const rows = (await con.runAndReadAll(sql)).getRowObjectsJson();
console.log(JSON.stringify(rows));
