/**
 * The envelope every Accord file (save, result) travels in: `format` (what kind of file),
 * `version` (of that format, with migrations from every older one), `engine` (the version of the
 * rules that wrote it) and `checksum` (SHA-256 of the rest, in canonical JSON). A file edited by
 * hand, damaged in storage or cut short fails its checksum and is refused with a message.
 *
 * The checksum detects change; it is not a signature. Anyone with Accord can replay a log and
 * write a new file, which is why a result's claims are also re-derived from its log (resultFile.ts).
 * Pure; no DOM, no Node APIs.
 */

/**
 * Version of the rules. Bump it when a change makes an existing log replay to a different game,
 * so files from before can be told apart in messages ("made by an older version of the rules").
 */
export const ENGINE_VERSION = 1;

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. Pure. */
export function sha256(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const K = SHA256_K;
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  return h.map((x) => x.toString(16).padStart(8, '0')).join('');
}

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** JSON with object keys sorted at every level, so equal data always gives equal text. Pure. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The checksum of a file's fields: every field but `checksum` itself. */
export function checksumOf(fields: Readonly<Record<string, unknown>>): string {
  const rest: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) if (k !== 'checksum') rest[k] = v;
  return `sha256:${sha256(canonicalJson(rest))}`;
}

/** The file with its checksum set. */
export function seal<T extends Record<string, unknown>>(fields: T): T & { checksum: string } {
  return { ...fields, checksum: checksumOf(fields) };
}

/** A step from one format version to the next, on data already known to be a plain object. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export type Opened = { ok: true; data: Record<string, unknown>; migratedFrom: number | null } | { ok: false; message: string };

/**
 * Open a parsed file of `format`: check its envelope, migrate it to `current` and check its
 * checksum. `migrations[n]` turns version n into n + 1 (and seals it). Versions below `oldest`
 * and above `current` are refused with a message naming them. Pure; never throws.
 * @param noun how messages name the file, e.g. "the save"
 */
export function openEnvelope(data: unknown, format: string, current: number, oldest: number, migrations: Readonly<Record<number, Migration>>, noun: string): Opened {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: `${noun} is not an Accord file (expected a JSON object)` };
  const record = data as Record<string, unknown>;
  if (record.format !== format) {
    return { ok: false, message: typeof record.format === 'string' ? `${noun} is a "${preview(record.format)}" file, not "${format}"` : `${noun} is not an Accord file (no "format": "${format}")` };
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, message: `${noun} has no whole-number format version` };
  if (version > current) return { ok: false, message: `${noun} is format version ${version}, newer than this version of Accord reads (${current}); update Accord` };
  if (version < oldest) return { ok: false, message: `${noun} is format version ${version}, older than this version of Accord reads (oldest: ${oldest})` };
  let out = record;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `${noun} is format version ${version}, which this version of Accord cannot convert` };
    out = step(out);
  }
  if (version === current) {
    if (typeof out.checksum !== 'string') return { ok: false, message: `${noun} has no checksum, so it cannot be trusted` };
    if (out.checksum !== checksumOf(out)) return { ok: false, message: `${noun} fails its checksum: it was edited or damaged after it was written` };
  }
  return { ok: true, data: out, migratedFrom: version === current ? null : version };
}

function preview(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
