/**
 * `accord check --watch` and `accord analyze --watch`, run as a user would (the real
 * bin/accord.mjs in a child process), on a scenario in a temporary folder that the test edits.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));
const tutorial = join(root, 'scenarios/tutorial/scenario.yaml');

interface Watching {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  /** Resolves when stdout+stderr together match `re` `times` times. */
  until: (re: RegExp, times?: number) => Promise<void>;
}

const running: Watching[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const w of running.splice(0)) w.child.kill('SIGINT');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(...args: string[]): Watching {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  const poke = () => waiters.forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); poke(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); poke(); });
  const w: Watching = {
    child,
    out: () => out,
    err: () => err,
    until: (re, times = 1) => new Promise((resolve, reject) => {
      const test = () => {
        const n = (out + err).match(new RegExp(re.source, 'g'))?.length ?? 0;
        if (n >= times) resolve();
      };
      waiters.push(test);
      child.once('exit', (code) => reject(new Error(`accord exited (${code}) before ${re}: ${out}${err}`)));
      test();
    }),
  };
  running.push(w);
  return w;
}

function tempScenario(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-watch-'));
  dirs.push(dir);
  const file = join(dir, 'scenario.yaml');
  copyFileSync(tutorial, file);
  return file;
}

const WATCHING = /watching .* for changes \(Ctrl\+C to stop\)/;

describe('--watch', () => {
  it('check --watch checks again when the file is saved: a broken save is reported, the fix is ok again', async () => {
    const file = tempScenario();
    const w = start('check', '--watch', file);
    await w.until(WATCHING);
    expect(w.out()).toMatch(/^ok .*scenario\.yaml: Tutorial/m);
    const good = readFileSync(file, 'utf8');
    // An edit in place, as most editors save: a misspelt key.
    writeFileSync(file, good.replace('\nsummary:', '\nsumary:'));
    await w.until(WATCHING, 2);
    expect(w.err()).toMatch(/scenario\.yaml changed; running again/);
    expect(w.err()).toMatch(/scenario\.yaml:\d+:\d+: .*sumary.*did you mean "summary"/);
    // A save by writing another file and renaming it over this one (as vim and others do).
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, good);
    renameSync(tmp, file);
    await w.until(WATCHING, 3);
    expect(w.out().match(/^ok .*scenario\.yaml: Tutorial/gm)).toHaveLength(2);
    // Saving the same text again changes nothing, so nothing runs again: the next run is the next
    // real edit's (a run for the identical save would be the fourth, and would print a third "ok").
    writeFileSync(file, good);
    await new Promise((r) => setTimeout(r, 600));
    writeFileSync(file, good.replace('\nsummary:', '\nsumary:'));
    await w.until(WATCHING, 4);
    expect(w.out().match(/^ok /gm)).toHaveLength(2);
    expect(w.err().match(/did you mean "summary"/g)).toHaveLength(2);
    w.child.kill('SIGINT');
    // Ctrl+C stops watching; the exit code is the last check's (the misspelt key: 1).
    expect(await new Promise((r) => w.child.once('exit', (code, signal) => r(code ?? signal)))).toBe(1);
  }, 60_000);

  it('analyze --watch analyses again when the file is saved: a walk-away raised out of reach makes it infeasible, and says why', async () => {
    const file = tempScenario();
    const w = start('analyze', '--watch', '--games', '0', file);
    await w.until(WATCHING);
    expect(w.out()).toContain('a deal is possible   yes');
    // Belmar's walk-away raised from 45 to 84: no text passes, and the reason names it.
    const text = readFileSync(file, 'utf8');
    const belmar = text.indexOf('\n  - id: belmar\n');
    const at = text.indexOf('reservation: 45', belmar);
    expect(belmar).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(belmar);
    writeFileSync(file, `${text.slice(0, at)}reservation: 84${text.slice(at + 'reservation: 45'.length)}`);
    await w.until(WATCHING, 2);
    expect(w.out()).toContain('a deal is possible   no');
    expect(w.out()).toContain("Belmar's walk-away: it signs no text worth less than 84 to it");
  }, 60_000);
});
