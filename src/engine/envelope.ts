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
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Version of the rules. Bump it when a change makes an existing log replay to a different game,
 * so files from before can be told apart in messages ("made by an older version of the rules").
 * 2: trades (packages, linked counters, public concessions) and the exact 2–3 change counter.
 */
export const ENGINE_VERSION = 2;

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. Pure and synchronous (Web Crypto's digest is async). */
export function sha256(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)));
}

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

/** What a kind of file is: its format, its versions and how to bring an older one up to date. */
export interface EnvelopeSpec {
  format: string;
  /** The version this Accord writes. */
  current: number;
  /** The oldest version it still reads. */
  oldest: number;
  /** The first version that was written with a checksum: from it on, a file must carry a matching one. */
  sealedFrom: number;
  /** `migrations[n]` turns version n into n + 1 (and seals it). */
  migrations: Readonly<Record<number, Migration>>;
}

/**
 * Open a parsed file: check its envelope and its checksum as written, then migrate it to the
 * current version. A file of a sealed version is checked before any migration, so an edited older
 * file cannot be laundered by the reseal a migration does. Versions below `oldest` and above
 * `current` are refused with a message naming them. Pure; never throws.
 * @param noun how messages name the file, e.g. "the save"
 */
export function openEnvelope(data: unknown, spec: EnvelopeSpec, noun: string): Opened {
  const { format, current, oldest, sealedFrom, migrations } = spec;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: `${noun} is not an Accord file (expected a JSON object)` };
  const record = data as Record<string, unknown>;
  if (record.format !== format) {
    return { ok: false, message: typeof record.format === 'string' ? `${noun} is a "${preview(record.format)}" file, not "${format}"` : `${noun} is not an Accord file (no "format": "${format}")` };
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, message: `${noun} has no whole-number format version` };
  if (version > current) return { ok: false, message: `${noun} is format version ${version}, newer than this version of Accord reads (${current}); update Accord` };
  if (version < oldest) return { ok: false, message: `${noun} is format version ${version}, older than this version of Accord reads (oldest: ${oldest})` };
  if (version >= sealedFrom) {
    if (typeof record.checksum !== 'string') return { ok: false, message: `${noun} has no checksum, so it cannot be trusted` };
    if (record.checksum !== checksumOf(record)) return { ok: false, message: `${noun} fails its checksum: it was edited or damaged after it was written` };
  }
  let out = record;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, message: `${noun} is format version ${version}, which this version of Accord cannot convert` };
    out = step(out);
  }
  return { ok: true, data: out, migratedFrom: version === current ? null : version };
}

function preview(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
