/**
 * `--watch` for `accord check` and `accord analyze`: run once, then again each time a watched
 * file's contents change on disk. Watches each file's folder, not the file, so editors that save
 * by writing a new file and renaming it over the old one are seen too. Runs never overlap: a
 * change during a run starts one more run when it ends. Stops on Ctrl+C (or the signal given).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

export interface WatchOptions {
  /** Told once at the start and after every run (the line says how to stop). */
  note: (line: string) => void;
  /** Stops watching; the promise `watchFiles` returns then resolves. */
  signal?: AbortSignal;
  /** Quiet time after the last change before a run, in milliseconds. */
  debounceMs?: number;
}

/** What a file holds now (null when it cannot be read: deleted, or between a save's steps). */
async function contents(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Run `run` now and after every change to one of `files`, until the signal aborts.
 * @param run one pass over the files (it prints its own results)
 */
export async function watchFiles(files: readonly string[], run: () => void | Promise<void>, options: WatchOptions): Promise<void> {
  const { note, signal, debounceMs = 150 } = options;
  const paths = files.map((f) => resolve(f));
  const seen = new Map<string, string | null>();
  for (const p of paths) seen.set(p, await contents(p));

  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pass = async (changed: readonly string[]) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      if (changed.length > 0) note(`\n[${new Date().toLocaleTimeString('en-GB')}] ${changed.join(', ')} changed; running again`);
      await run();
    } catch (e) {
      note(`run failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
    note(`watching ${files.length === 1 ? files[0] : `${files.length} files`} for changes (Ctrl+C to stop)`);
    if (again) {
      again = false;
      await check();
    }
  };
  // Which watched files now differ from what the last run saw.
  const check = async () => {
    const changed: string[] = [];
    for (const [i, p] of paths.entries()) {
      const now = await contents(p);
      if (now !== null && now !== seen.get(p)) {
        seen.set(p, now);
        changed.push(files[i]!);
      }
    }
    if (changed.length > 0) await pass(changed);
  };
  const poke = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void check();
    }, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    const names = new Set(paths.filter((p) => dirname(p) === dir).map((p) => basename(p)));
    const w = watch(dir, (_event, name) => {
      if (name === null || names.has(name.toString())) poke();
    });
    w.on('error', (e) => note(`cannot watch ${dir}: ${e.message}`));
    watchers.push(w);
  }
  await pass([]);
  await new Promise<void>((done) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      done();
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
    if (!signal) process.once('SIGINT', stop);
  });
}
