// DuckDB anchor: CSV -> Parquet (Snappy) with its own reader and writer; prints "duckdb seconds peakMB rows".
const { DuckDBInstance } = require('@duckdb/node-api'); // resolved through NODE_PATH (run.sh)

(async () => {
  const [input, output] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${input}')) TO '${output}' (FORMAT parquet, COMPRESSION snappy)`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const reader = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet('${output}')`);
  const rows = reader.getRows()[0][0];
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`duckdb ${seconds.toFixed(3)} ${peakMb.toFixed(0)} ${rows}`);
})().catch((e) => { console.error(e); process.exit(1); });
