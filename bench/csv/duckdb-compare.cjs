// Parity check: our Parquet file against DuckDB's, row by row (EXCEPT both ways) and column types.
const { DuckDBInstance } = require('@duckdb/node-api'); // resolved through NODE_PATH (run.sh)

(async () => {
  const [ours, theirs] = process.argv.slice(2);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const scalar = async (sql) => (await connection.runAndReadAll(sql)).getRows()[0][0];
  const onlyOurs = await scalar(`SELECT count(*)::BIGINT FROM (SELECT * FROM read_parquet('${ours}') EXCEPT ALL SELECT * FROM read_parquet('${theirs}'))`);
  const onlyTheirs = await scalar(`SELECT count(*)::BIGINT FROM (SELECT * FROM read_parquet('${theirs}') EXCEPT ALL SELECT * FROM read_parquet('${ours}'))`);
  const types = async (file) => (await connection.runAndReadAll(`SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`)).getRows()[0][0];
  console.log(`rows only in ours: ${onlyOurs}, only in duckdb's: ${onlyTheirs}`);
  console.log(`types ours:   ${await types(ours)}`);
  console.log(`types duckdb: ${await types(theirs)}`);
})().catch((e) => { console.error(e); process.exit(1); });
