// Parity: DuckDB reads our Parquet and its own and compares, per column, row count, nulls, sum (numbers),
// true count (booleans), min/max (dates, timestamps, text), distinct count (text) and an XOR of value hashes.
// Exit 1 on any difference.
const { DuckDBInstance } = require('@duckdb/node-api'); // resolved through NODE_PATH (run.sh)

(async () => {
  const [ours, theirs] = process.argv.slice(2);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = async (sql) => (await connection.runAndReadAll(sql)).getRows();
  const describe = async (file) => new Map((await rows(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).map((r) => [r[0], r[1]]));
  const ourTypes = await describe(ours);
  const theirTypes = await describe(theirs);
  const aggregates = (name, type) => {
    const c = `"${name}"`;
    const list = [[`rows`, `count(*)`], [`nulls`, `count(*) - count(${c})`]];
    // Doubles summed as DECIMAL: exact, so the order DuckDB adds them in (per row group, in parallel) cannot matter.
    if (/INT/.test(type)) list.push([`sum`, `sum(${c})`]);
    if (/DOUBLE|FLOAT/.test(type)) list.push([`sum`, `sum(${c}::DECIMAL(38,18))`]);
    if (type === 'BOOLEAN') list.push([`true`, `count_if(${c})`]);
    if (/DATE|TIMESTAMP|VARCHAR/.test(type)) list.push([`min`, `min(${c})::VARCHAR`], [`max`, `max(${c})::VARCHAR`]);
    if (type === 'VARCHAR') list.push([`distinct`, `count(DISTINCT ${c})`]);
    list.push([`xor of value hashes`, `bit_xor(hash(${c}))`]); // order-independent, exact: any changed value shows

    return list;
  };
  let differences = 0;
  console.log('| column | type ours / duckdb | aggregate | ours | duckdb | same |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, type] of ourTypes) {
    const list = aggregates(name, type);
    const select = list.map(([, sql]) => sql).join(', ');
    const [a] = await rows(`SELECT ${select} FROM read_parquet('${ours}')`);
    const [b] = await rows(`SELECT ${select} FROM read_parquet('${theirs}')`);
    list.forEach(([label], i) => {
      const same = String(a[i]) === String(b[i]);
      if (!same) differences++;
      console.log(`| ${name} | ${type} / ${theirTypes.get(name)} | ${label} | ${a[i]} | ${b[i]} | ${same ? 'yes' : '**no**'} |`);
    });
  }
  console.log(differences === 0 ? 'parity: all aggregates equal' : `parity: ${differences} aggregates differ`);
  process.exit(differences === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
