import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seal } from '../engine/envelope.ts';
import type { SaveFile } from '../engine/save.ts';
import { replay } from '../engine/session.ts';
import { resultOf } from '../debrief/resultFile.ts';
import { tutorial } from '../testing/scenarios.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));
const TUTORIAL = 'scenarios/tutorial/scenario.yaml';
const dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the real `bin/accord.mjs` from the repository root, as a user would. */
function accord(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('accord simulate', () => {
  it('the same arguments print byte-identical JSON, with the counts a teacher or author needs', () => {
    const args = ['simulate', TUTORIAL, '--bot', 'mediator', '--games', '5', '--seed', '9', '--json'];
    const first = accord(...args);
    const second = accord(...args);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout.endsWith('\n')).toBe(true);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(1);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ scenario: 'tutorial', start: 'draft', bot: 'mediator', seed: 9, games: 5 });
    for (const key of ['deals', 'collapses', 'timeouts', 'meanDays'] as const) expect(typeof summary[key]).toBe('number');
    expect(summary.meanPoints === null || typeof summary.meanPoints === 'number').toBe(true);
    expect((summary.deals as number) + (summary.collapses as number) + (summary.timeouts as number)).toBe(5);
    expect(summary.meanDays as number).toBeGreaterThan(0);
    expect(summary.meanDays as number).toBeLessThanOrEqual(21);
    // The mediator bot reaches deals on the tutorial, so the mean number of points is known.
    expect(summary.deals as number).toBeGreaterThan(0);
    expect(summary.meanPoints as number).toBeGreaterThan(0);
    expect(summary.meanPoints as number).toBeLessThanOrEqual(5);
    // Per-game records are for tests and tools, not the printed summary.
    expect(summary).not.toHaveProperty('records');
  });

  it('--seat plays a party in another style; the summary says so, the mediator bot is unchanged, bad seats are refused', () => {
    const run = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '6', '--seat', 'aldoria=bot:stubborn', '--seat', 'belmar=bot:flexible', '--json');
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary.seats).toEqual({ aldoria: 'stubborn', belmar: 'flexible' });
    expect(summary.bot).toBe('mediator');
    const plain = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '6', '--json');
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('seats');
    const text = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '1', '--seat', 'aldoria=bot:impatient');
    expect(text.stdout).toContain('parties played as aldoria=impatient');
    const bad = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '1', '--seat', 'aldoria=bot:napoleon');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"napoleon" is not a party style (styles: model, stubborn, flexible, impatient)');
    expect(accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '1', '--seat', 'commission=bot:oracle').stderr).toContain('the mediator is played by --bot');
    expect(accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '1', '--seat', 'narnia=bot:model').stderr).toContain('there is no seat "narnia"');
  });

  it('an unknown bot is a usage error that lists the bots', () => {
    const run = accord('simulate', TUTORIAL, '--bot', 'napoleon', '--games', '2');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("option '--bot <name>' argument 'napoleon' is invalid");
    expect(run.stderr).toContain('mediator');
  });

  it('a bad number of games is a usage error that names --games', () => {
    for (const games of ['0', 'many']) {
      const run = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', games);
      expect(run.status, `--games ${games}`).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/--games/);
      expect(run.stderr).toContain('expected a whole number from 1 to');
    }
  });

  it('an unknown --start is reported with the starts there are', () => {
    const run = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '1', '--start', 'nowhere');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`accord simulate: --start: "nowhere" is not a start of ${TUTORIAL} (starts: draft)\n`);
  });

  it('a scenario that does not load is reported, and nothing is simulated', () => {
    const run = accord('simulate', 'src/cli/fixtures/broken.yaml', '--bot', 'mediator', '--games', '1');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^src\/cli\/fixtures\/broken\.yaml:\d+:\d+: /);
  });
});

describe('accord simulate --save, then accord replay', () => {
  const save = join(dir, 'first-game.json');
  let simulated: ReturnType<typeof accord>;
  beforeAll(() => {
    simulated = accord('simulate', TUTORIAL, '--bot', 'mediator', '--games', '2', '--seed', '9', '--save', save);
  });

  it('the saved first game replays to a timeline and an outcome', () => {
    expect(simulated.status).toBe(0);
    expect(simulated.stdout).toMatch(/^Tutorial: the Silver River accord: start "draft", bot mediator, 2 games, seed 9/);
    const file = JSON.parse(readFileSync(save, 'utf8')) as { format: string; scenario: { id: string }; log: unknown[] };
    expect(file).toMatchObject({ format: 'accord-save', scenario: { id: 'tutorial' } });
    expect(file.log.length).toBeGreaterThan(0);

    const run = accord('replay', save);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Tutorial: the Silver River accord 1\.0\.0: start "draft", seed \d+, difficulty standard, \d+ commands$/);
    // The timeline: one line per journal entry, day and date first.
    const timeline = lines.filter((l) => /^day +\d+ {2}\d{4}-\d{2}-\d{2} {2}/.test(l));
    expect(timeline.length).toBeGreaterThan(5);
    expect(timeline[0]).toMatch(/^day {2}1 {2}2031-03-02 {2}Talks open on 2031-03-02/);
    expect(lines.filter((l) => l.startsWith('Outcome: '))).toHaveLength(1);
  });

  it('replaying twice prints the same thing, and --json agrees with the text', () => {
    const a = accord('replay', save);
    const b = accord('replay', save);
    expect(b.stdout).toBe(a.stdout);
    const json = accord('replay', save, '--json');
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout) as { outcome: { kind: string; day: number } | null; timeline: { text: string }[] };
    expect(data.outcome).not.toBeNull();
    const outcome = a.stdout.split('\n').find((l) => l.startsWith('Outcome: '))!;
    expect(outcome).toContain(`day ${data.outcome!.day + 1}`);
    for (const entry of data.timeline.slice(0, 5)) expect(a.stdout).toContain(entry.text);
  });

  it('a corrupt save exits 1 with a message naming the file and the problem', () => {
    const notJson = join(dir, 'truncated.json');
    writeFileSync(notJson, '{"format": "accord-save", "version": ');
    const run = accord('replay', notJson);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^accord replay: ${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the save is not valid JSON \\(.+\\)\\n$`));

    const newer = join(dir, 'newer.json');
    const good = JSON.parse(readFileSync(save, 'utf8')) as Record<string, unknown>;
    writeFileSync(newer, JSON.stringify({ ...good, version: 99 }));
    const later = accord('replay', newer);
    expect(later.status).toBe(1);
    expect(later.stderr).toContain('the save is format version 99, newer than this version of Accord reads (3); update Accord');

    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify(seal({ ...good, log: [{ seat: 'commission', command: { type: 'envoy.meet', envoy: 'envoy-lead', party: 'aldoria' } }] })));
    const applies = accord('replay', stale);
    expect(applies.status).toBe(1);
    expect(applies.stderr).toContain('command 1 (envoy.meet) no longer applies: Aldoria is met in Aldor City');
  });

  it('a scenario id from a file is never a path: traversal and absolute ids find nothing', () => {
    const good = JSON.parse(readFileSync(save, 'utf8')) as Record<string, unknown>;
    for (const id of ['../..', '../../scenarios/tutorial', '/etc', 'tutorial/../tutorial']) {
      const hostile = join(dir, 'hostile.json');
      writeFileSync(hostile, JSON.stringify(seal({ ...good, scenario: { id, version: '1.0.0' } })));
      const run = accord('replay', hostile);
      expect(run.status, id).toBe(1);
      expect(run.stderr).toBe(`accord replay: "${id}" is not a shipped scenario; pass its file with --scenario <file>\n`);
    }
  });

  it('a result file replays and is checked; an edited one is refused', () => {
    const game = JSON.parse(readFileSync(save, 'utf8')) as SaveFile;
    const replayed = replay(tutorial(), game);
    if (!replayed.ok) throw new Error(replayed.message);
    const result = resultOf(replayed.game);
    replayed.game.stop();
    const file = join(dir, 'result.json');
    writeFileSync(file, JSON.stringify(result));
    const run = accord('replay', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Result file checked: its checksum holds and every claim');

    writeFileSync(file, JSON.stringify({ ...result, difficulty: 'hard' }));
    const edited = accord('replay', file);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain('the result file fails its checksum');

    writeFileSync(file, JSON.stringify(seal({ ...result, day: result.day + 1 })));
    const forged = accord('replay', file);
    expect(forged.status).toBe(1);
    expect(forged.stderr).toMatch(/the result does not match its own log \(day: /);
  });

  it('a save that does not exist is reported', () => {
    const run = accord('replay', join(dir, 'missing.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing\.json: file not found\n$/);
  });
});
