/**
 * The loader's limits: a file of any shape is checked or refused quickly, with located messages,
 * and long lists of problems are capped. Times are CPU times of this process. The bounds here are
 * five times the targets (1 s for a 1 MB file, 2 s for the 50k keys), so a busy CI machine
 * does not decide them while a super-linear check (25–80 s before the fix) still fails by far;
 * `npm run bench` measures the targets themselves (bench/limits.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText, MAX_PROBLEMS } from './load.ts';
import { MAX_DEPTH, MAX_ENTRIES, prescan } from './prescan.ts';
import { MAX_SCENARIO_CHARS } from './problems.ts';
import { fiftyThousandKeys, hostileShapes } from '../testing/hostileShapes.ts';

const TUTORIAL = readFileSync(new URL('../../scenarios/tutorial/scenario.yaml', import.meta.url), 'utf8');

function timed(text: string): { ms: number; lines: string[]; ok: boolean } {
  const before = process.cpuUsage();
  const r = loadScenarioText(text, 'big.yaml');
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, ok: r.ok, lines: r.ok ? [] : r.problems.map(formatProblem) };
}

/** Five times the target: see the note at the top. */
const SLACK = 5;

describe('scenario files of hostile shapes', () => {
  it('every shipped scenario stays under a fifth of each limit (geneva-2025, the largest: 117 KB, 2,624 entries, 7 levels)', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const ids = readdirSync(dir).filter((id) => existsSync(new URL(`${id}/scenario.yaml`, dir)));
    expect(ids).toContain('geneva-2025');
    for (const id of ids) {
      const text = readFileSync(new URL(`${id}/scenario.yaml`, dir), 'utf8');
      const scan = prescan(text);
      if (!scan.ok) throw new Error(`${id}: ${scan.message}`);
      expect(text.length, id).toBeLessThan(MAX_SCENARIO_CHARS / 5);
      expect(scan.entries, id).toBeLessThan(MAX_ENTRIES / 5);
      expect(scan.depth, id).toBeLessThan(MAX_DEPTH / 4);
    }
  });

  it('the 50,000-key file is refused at once, at the line where it passes the limit', () => {
    const text = fiftyThousandKeys(TUTORIAL);
    expect(text.length).toBeGreaterThan(690_000);
    const r = timed(text);
    expect(r.ms).toBeLessThan(2000 * SLACK);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^big\.yaml:24\d{3}:3: the file has more than 25,000 entries; a scenario needs far fewer$/);
  });

  it('deep nesting, inline or indented or as a sequence of sequences, is refused where it passes the limit', () => {
    expect(timed(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`).lines).toEqual([`big.yaml:1:${3 + MAX_DEPTH}: nested too deeply (more than ${MAX_DEPTH} levels)`]);
    expect(timed(`${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`).lines[0]).toMatch(/^big\.yaml:33:33: nested too deeply/);
    expect(timed(`a:\n${'- '.repeat(20_000)}x\n`).lines[0]).toMatch(/^big\.yaml:2:\d+: nested too deeply/);
    expect(timed(`a: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`).lines[0]).toMatch(/^big\.yaml:1:\d+: nested too deeply/);
  });

  it('duplicate keys are found in one pass, at the second occurrence, and the list is capped by kind', () => {
    const text = `${TUTORIAL}\nextra:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i % 50}: ${i}`).join('\n')}\n`;
    const before = process.cpuUsage();
    const r = loadScenarioText(text, 'big.yaml');
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(1000 * SLACK);
    if (r.ok) throw new Error('loaded');
    // The first YAML problem, with the others folded under it (explain.ts).
    const all = r.problems.flatMap((p) => [p, ...((p as { folded?: typeof r.problems }).folded ?? [])]).map(formatProblem);
    // k0 comes first on the line after `extra:`, and again 50 lines on.
    const secondK0 = text.split('\n').indexOf('extra:') + 1 + 51;
    expect(all[0]).toMatch(new RegExp(`^big\\.yaml:${secondK0}:3: YAML: duplicate key "k0" \\(a key may appear only once in a mapping\\)`));
    expect(all).toHaveLength(MAX_PROBLEMS + 1);
    expect(all.at(-1)).toMatch(/^big\.yaml:\d+:3: …and \d+ more of the same kind \(YAML: duplicate key "k\d+"/);
  });

  it('many problems of one kind: the first ones, then how many more', () => {
    const text = TUTORIAL.replace(/^travel:/m, `${Array.from({ length: 3000 }, (_, i) => `unknown${i}: 1`).join('\n')}\ntravel:`);
    const r = timed(text);
    expect(r.lines[0]).toMatch(/: unknown keys "unknown0", "unknown1", "unknown2", "unknown3", "unknown4" and 2995 more$/);
    const bad = TUTORIAL.replace(/lat: 4/g, 'lat: 400');
    const lines = timed(bad).lines;
    expect(lines.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  });

  it('a 1 MB file of any shape is checked or refused in linear time', () => {
    for (const [shape, text] of Object.entries(hostileShapes(TUTORIAL))) {
      const r = timed(text);
      expect(r.ok, shape).toBe(false);
      expect(r.lines.length, shape).toBeGreaterThan(0);
      expect(r.lines.length, shape).toBeLessThan(MAX_PROBLEMS * 20);
      expect(r.ms, `${shape}: ${r.ms.toFixed(0)} ms`).toBeLessThan(1000 * SLACK);
    }
  });
});
