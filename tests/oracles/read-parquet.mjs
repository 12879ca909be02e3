// Reads one Parquet file with three independent readers (DuckDB, arrow-rs via parquet-wasm, hyparquet)
// and prints ONE JSON document: per reader either { columns, types, rows } or { error }.
// Usage: node read-parquet.mjs FILE [--metadata]
//   --metadata adds DuckDB's parquet_metadata()/parquet_schema()/parquet_file_metadata()/parquet_kv_metadata()
//   rows and hyparquet's decoded footer (FileMetaData as JSON).
// Values are normalised so the readers are comparable (see canonical forms below):
//   integers            -> decimal strings ("-12"), whatever the width (avoids BigInt/precision issues)
//   float/double        -> JSON numbers (shortest round-trip form); "NaN", "Infinity", "-Infinity", "-0" as strings
//   date                -> "YYYY-MM-DD"
//   timestamp           -> "YYYY-MM-DDTHH:mm:ss.ffffff" (UTC-ness is reported in `types`, not in the value)
//   time                -> "HH:mm:ss.ffffff"
//   decimal             -> exact decimal string with `scale` digits ("12.30"); hyparquet decodes decimals to
//                          doubles, so its values are exact only up to ~15 significant digits
//   uuid                -> "00112233-4455-6677-8899-aabbccddeeff" (arrow-rs has no UUID type: { "hex" } there)
//   json                -> its text
//   binary / FLBA       -> { "hex": "01ff" }
//   string, boolean, null as themselves
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--'));
const wantMetadata = args.includes('--metadata');
if (!file) { console.error('usage: node read-parquet.mjs FILE [--metadata]'); process.exit(2); }

const hex = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const pad = (n, w) => String(n).padStart(w, '0');

function num(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return x;
}

// Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse).
function dateFromDays(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function timeOfDay(micros) {
  const us = BigInt(micros);
  const s = us / 1000000n, frac = us % 1000000n;
  return `${pad(s / 3600n, 2)}:${pad((s / 60n) % 60n, 2)}:${pad(s % 60n, 2)}.${pad(frac, 6)}`;
}

function timestamp(micros) {
  const us = BigInt(micros);
  const perDay = 86400000000n;
  let days = us / perDay, rem = us % perDay;
  if (rem < 0n) { rem += perDay; days -= 1n; }
  return `${dateFromDays(Number(days))}T${timeOfDay(rem)}`;
}

function decimal(unscaled, scale) {
  let v = BigInt(unscaled);
  const neg = v < 0n;
  if (neg) v = -v;
  let s = v.toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return neg ? `-${s}` : s;
}

const json = (v) => JSON.stringify(v, (_, x) => {
  if (typeof x === 'bigint') return x.toString();
  if (x instanceof Uint8Array) return { hex: hex(x) };
  return x;
});

// ---------- DuckDB ----------
async function readDuckDb(con, f) {
  const esc = f.replaceAll("'", "''");
  const r = await con.runAndReadAll(`SELECT * FROM read_parquet('${esc}')`);
  const types = r.columnTypes().map(t => t.toString());
  const norm = (v, type) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') return /^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/.test(type) ? String(v) : num(v);
    if (typeof v === 'boolean' || typeof v === 'string') return v;
    const ctor = v.constructor?.name;
    if (ctor === 'DuckDBDateValue') return dateFromDays(v.days);
    if (ctor === 'DuckDBTimestampValue' || ctor === 'DuckDBTimestampTZValue') return timestamp(v.micros);
    if (ctor === 'DuckDBTimestampMillisecondsValue') return timestamp(v.millis * 1000n);
    if (ctor === 'DuckDBTimestampNanosecondsValue') return timestamp(v.nanos / 1000n);
    if (ctor === 'DuckDBTimeValue') return timeOfDay(v.micros);
    // TIME with isAdjustedToUTC=true reads as TIMETZ; Parquet stores no offset, so DuckDB's is 0 and micros is UTC.
    if (ctor === 'DuckDBTimeTZValue') return timeOfDay(BigInt(v.micros));
    if (ctor === 'DuckDBDecimalValue') return decimal(v.value, v.scale);
    if (ctor === 'DuckDBUUIDValue') return v.toString();
    if (ctor === 'DuckDBBlobValue') return { hex: hex(v.bytes) };
    if (typeof v.toString === 'function') return v.toString();
    return String(v);
  };
  const rows = r.getRows().map(row => row.map((v, i) => norm(v, types[i])));
  const out = { columns: r.columnNames(), types, rows };
  if (wantMetadata) {
    const q = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
    out.metadata = {
      parquet_metadata: await q(`SELECT * FROM parquet_metadata('${esc}') ORDER BY row_group_id, column_id`),
      parquet_schema: await q(`SELECT * FROM parquet_schema('${esc}')`),
      parquet_file_metadata: await q(`SELECT * FROM parquet_file_metadata('${esc}')`),
      parquet_kv_metadata: (await con.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${esc}')`)).getRowObjectsJson(),
    };
  }
  return out;
}

// ---------- arrow-rs (parquet-wasm) ----------
function arrowValue(vec, i, type) {
  if (!vec.isValid(i)) return null;
  const id = type.typeId;
  // Timestamps: Vector.get() returns fractional milliseconds (lossy); read the raw int64 instead.
  if (id === 10) {
    let k = i;
    for (const d of vec.data) {
      if (k < d.length) {
        const raw = BigInt(d.values[d.offset + k]);
        const unit = type.unit; // 0 s, 1 ms, 2 us, 3 ns
        return timestamp(unit === 0 ? raw * 1000000n : unit === 1 ? raw * 1000n : unit === 2 ? raw : raw / 1000n);
      }
      k -= d.length;
    }
  }
  const v = vec.get(i);
  switch (id) {
    case 2: return typeof v === 'bigint' ? v.toString() : String(v); // Int
    case 3: return num(v); // Float
    case 6: return v; // Bool
    case 5: case -5: return v; // Utf8 / LargeUtf8
    case 4: case -4: return { hex: hex(v) }; // Binary / LargeBinary
    case 15: return { hex: hex(v) }; // FixedSizeBinary
    case 8: return dateFromDays(Math.round(Number(v) / 86400000)); // Date (ms)
    case 9: { // Time
      const unit = type.unit;
      const raw = BigInt(v);
      return timeOfDay(unit === 0 ? raw * 1000000n : unit === 1 ? raw * 1000n : unit === 2 ? raw : raw / 1000n);
    }
    case 7: { // Decimal: little-endian two's complement words
      const words = v instanceof Uint32Array ? v : new Uint32Array(v.buffer, v.byteOffset, v.byteLength / 4);
      let x = 0n;
      for (let w = words.length - 1; w >= 0; w--) x = (x << 32n) | BigInt(words[w]);
      const bits = BigInt(words.length * 32);
      if (x >> (bits - 1n)) x -= 1n << bits;
      return decimal(x, type.scale);
    }
    default: return typeof v === 'bigint' ? v.toString() : v;
  }
}

function readArrowRs(f) {
  const { readParquet } = require('parquet-wasm/node');
  const { tableFromIPC } = require('apache-arrow');
  const t = tableFromIPC(readParquet(new Uint8Array(fs.readFileSync(f))).intoIPCStream());
  const fields = t.schema.fields;
  const vecs = fields.map(fl => t.getChild(fl.name));
  const rows = [];
  for (let i = 0; i < t.numRows; i++) rows.push(fields.map((fl, c) => {
    const v = arrowValue(vecs[c], i, fl.type);
    const ext = fl.metadata?.get?.('ARROW:extension:name');
    if (ext === 'arrow.uuid' && v && v.hex) return `${v.hex.slice(0, 8)}-${v.hex.slice(8, 12)}-${v.hex.slice(12, 16)}-${v.hex.slice(16, 20)}-${v.hex.slice(20)}`;
    return v;
  }));
  return { columns: fields.map(fl => fl.name), types: fields.map(fl => String(fl.type)), rows };
}

// ---------- hyparquet ----------
async function readHyparquet(f) {
  const { parquetReadObjects, parquetMetadataAsync, asyncBufferFromFile } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const file = await asyncBufferFromFile(f);
  const meta = await parquetMetadataAsync(file);
  const leaves = meta.schema.slice(1);
  // Keep exact precision: hyparquet's default parsers turn timestamps into JS Dates (milliseconds).
  const parsers = {
    timestampFromMilliseconds: (ms) => ({ ts: BigInt(ms) * 1000n }),
    timestampFromMicroseconds: (us) => ({ ts: BigInt(us) }),
    timestampFromNanoseconds: (ns) => ({ ts: BigInt(ns) / 1000n }),
    dateFromDays: (d) => ({ date: Number(d) }),
    // Keep JSON columns as their text (the default parser returns parsed objects).
    jsonFromBytes: (bytes) => bytes && new TextDecoder().decode(bytes),
  };
  const objs = await parquetReadObjects({ file, compressors, parsers, utf8: false });
  const norm = (v, el) => {
    if (v === null || v === undefined) return null;
    if (v && typeof v === 'object' && 'ts' in v) return timestamp(v.ts);
    if (v && typeof v === 'object' && 'date' in v) return dateFromDays(v.date);
    const lt = el.logical_type?.type, ct = el.converted_type;
    if (ct === 'DECIMAL' || lt === 'DECIMAL') return Number(v).toFixed(el.scale || 0);
    if (lt === 'TIME' || ct === 'TIME_MILLIS' || ct === 'TIME_MICROS') {
      const unit = el.logical_type?.unit ?? (ct === 'TIME_MILLIS' ? 'MILLIS' : 'MICROS');
      const raw = BigInt(v);
      return timeOfDay(unit === 'MILLIS' ? raw * 1000n : unit === 'NANOS' ? raw / 1000n : raw);
    }
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') return ['INT32', 'INT64'].includes(el.type) ? String(v) : num(v);
    if (v instanceof Uint8Array) return { hex: hex(v) };
    return v;
  };
  const rows = objs.map(o => leaves.map(el => norm(o[el.name], el)));
  const out = {
    columns: leaves.map(el => el.name),
    types: leaves.map(el => [el.type, el.converted_type, el.logical_type ? JSON.parse(json(el.logical_type)) : undefined].filter(x => x !== undefined)),
    rows,
  };
  if (wantMetadata) out.metadata = JSON.parse(json(meta));
  return out;
}

const errorOf = (e) => ({ error: String(e?.message || e) });
const result = { file };
try {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  result.duckdb = await readDuckDb(con, file);
} catch (e) { result.duckdb = errorOf(e); }
try { result.arrowRs = readArrowRs(file); } catch (e) { result.arrowRs = errorOf(e); }
try { result.hyparquet = await readHyparquet(file); } catch (e) { result.hyparquet = errorOf(e); }
process.stdout.write(json(result) + '\n');
