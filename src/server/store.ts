/**
 * A live class on disk, so a server killed mid-lesson resumes every table where it was.
 *
 * - `<dir>/classes/<classId>.json`: the class (settings, join code, students and their seats),
 *   rewritten atomically (temporary file, then rename) whenever it changes.
 * - `<dir>/tables/<tableId>.json`: what a table is (written once, atomically).
 * - `<dir>/tables/<tableId>.log`: its log, one JSON line per accepted entry, appended before
 *   the seats see the result. A process killed in the middle of a write leaves at worst a torn
 *   last line, which is ignored on reading: the table resumes at its last whole entry.
 *
 * `fsync: true` also flushes every write to the disk (survives a power cut, not only a killed
 * process), at a cost per command.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../engine/save.ts';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`not a storable id: ${JSON.stringify(id)}`);
  return id;
}

export interface StoreOptions {
  fsync?: boolean;
}

export class Store {
  private counter = 0;
  private readonly fsync: boolean;

  constructor(readonly dir: string, options: StoreOptions = {}) {
    this.fsync = options.fsync ?? false;
    mkdirSync(join(dir, 'classes'), { recursive: true });
    mkdirSync(join(dir, 'tables'), { recursive: true });
  }

  /** Write a file so that a reader sees either the old content or the new, never a mix. */
  private writeAtomic(path: string, data: string): void {
    this.counter += 1;
    const tmp = `${path}.tmp-${process.pid}-${this.counter}`;
    if (this.fsync) {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } else {
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  }

  private readJson(path: string): unknown {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return null;
    }
  }

  writeClass(id: string, record: unknown): void {
    this.writeAtomic(join(this.dir, 'classes', `${checkId(id)}.json`), JSON.stringify(record));
  }

  readClass(id: string): unknown {
    return this.readJson(join(this.dir, 'classes', `${checkId(id)}.json`));
  }

  /** Ids of every class on disk. */
  classIds(): string[] {
    return readdirSync(join(this.dir, 'classes'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .filter((id) => SAFE_ID.test(id));
  }

  hasTable(id: string): boolean {
    return existsSync(join(this.dir, 'tables', `${checkId(id)}.json`));
  }

  writeTable(id: string, meta: unknown): void {
    this.writeAtomic(join(this.dir, 'tables', `${checkId(id)}.json`), JSON.stringify(meta));
  }

  readTable(id: string): unknown {
    return this.readJson(join(this.dir, 'tables', `${checkId(id)}.json`));
  }

  /** Tables' logs open for appending (one descriptor a table, not an open and a close per entry). */
  private readonly logs = new Map<string, number>();

  /** Append one accepted entry to a table's log; returns once the line is written (handed to the OS, or on disk with `fsync`). */
  appendEntry(tableId: string, entry: LogEntry): void {
    let fd = this.logs.get(tableId);
    if (fd === undefined) {
      fd = openSync(join(this.dir, 'tables', `${checkId(tableId)}.log`), 'a');
      this.logs.set(tableId, fd);
    }
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    for (let at = 0; at < line.length;) at += writeSync(fd, line, at);
    if (this.fsync) fsyncSync(fd);
  }

  /** Close a table's log (its room is gone); the next append opens it again. */
  closeLog(tableId: string): void {
    const fd = this.logs.get(tableId);
    if (fd === undefined) return;
    this.logs.delete(tableId);
    closeSync(fd);
  }

  /** Replace a table's log with `entries` (atomically): used after replaying it on restart. */
  rewriteLog(tableId: string, entries: readonly LogEntry[]): void {
    // The rename replaces the file: a descriptor still open would write to the old one.
    this.closeLog(tableId);
    this.writeAtomic(join(this.dir, 'tables', `${checkId(tableId)}.log`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  /** A table's log as written; a torn last line (a killed write) is left out. */
  readLog(tableId: string): unknown[] {
    let text: string;
    try {
      text = readFileSync(join(this.dir, 'tables', `${checkId(tableId)}.log`), 'utf8');
    } catch {
      return [];
    }
    const out: unknown[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        out.push(JSON.parse(line));
      } catch {
        break;
      }
    }
    return out;
  }
}
