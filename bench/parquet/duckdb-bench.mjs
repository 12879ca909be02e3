// DuckDB anchor for the Parquet benchmark: writes the same synthetic table as SyntheticTable.cs with COPY ... TO.
// Usage: node duckdb-bench.mjs <rows> <output.parquet> <threads|default>
// Prints one JSON line; peak RSS is this process's (DuckDB runs in-process).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tests', 'oracles', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const [rows, output, threads = 'default'] = process.argv.slice(2);
const nullIf = (col, expr) => `CASE WHEN (i * 13 + ${col}) % 10 = 0 THEN NULL ELSE ${expr} END`;
const select = `
  SELECT
    i::BIGINT AS id,
    ${nullIf(1, '(i * 7919 % 1000)::INTEGER')} AS qty,
    ${nullIf(2, '(i * 2654435761 % 100000)::DOUBLE / 100.0')} AS price,
    ${nullIf(3, '((i * 31 % 10000000)::BIGINT / 100)::DECIMAL(18,2)')} AS amount,
    ${nullIf(4, "(DATE '1970-01-01' + (18000 + i % 3650)::INTEGER)")} AS day,
    ${nullIf(5, 'make_timestamp(1600000000000000 + i * 1000003)')} AS ts,
    ${nullIf(6, 'i % 3 = 0')} AS flag,
    ${nullIf(7, "'cat-' || (i % 50)")} AS category,
    ${nullIf(8, "'customer-' || i")} AS customer,
    ${nullIf(9, '((i % 1000)::FLOAT / 7.0::FLOAT)')} AS score
  FROM range(${Number(rows)}) t(i)`;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
if (threads !== 'default') await con.run(`SET threads = ${Number(threads)}`);
const actualThreads = (await con.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
const esc = output.replaceAll("'", "''");
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
await con.run(`COPY (${select}) TO '${esc}' (FORMAT parquet, COMPRESSION snappy)`);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({
  writer: `duckdb-threads-${actualThreads}`, codec: 'Snappy', rows: Number(rows), seconds: Number(seconds.toFixed(3)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
  bytes: fs.statSync(output).size, peakWorkingSetMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
}));
