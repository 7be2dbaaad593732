import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type LoadResult } from '../scenario/load.ts';
import { MAX_SCENARIO_BYTES, readScenarioFile } from './readScenarioFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const messages = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));
const tutorial = fileURLToPath(new URL('../../scenarios/tutorial/scenario.yaml', import.meta.url));

describe('reading a scenario file', () => {
  it('a real scenario file loads', () => {
    const result = readScenarioFile(tutorial, 'tutorial.yaml');
    expect(result.ok && result.scenario.id).toBe('tutorial');
  });

  it('a missing file is reported as not found, on the whole file', () => {
    expect(messages(readScenarioFile(join(dir, 'nope.yaml'), 'nope.yaml'))).toEqual(['nope.yaml: file not found']);
  });

  it('a path through a file is not found', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect(messages(readScenarioFile(join(file, 'scenario.yaml'), 'plain.txt/scenario.yaml'))).toEqual([
      'plain.txt/scenario.yaml: file not found (part of the path is not a folder)',
    ]);
  });

  it('a folder without a scenario in it is refused', () => {
    mkdirSync(join(dir, 'empty'));
    expect(messages(readScenarioFile(join(dir, 'empty'), 'empty'))).toEqual(['empty: is a folder, not a scenario file']);
  });

  it('a huge file is refused from its size alone, without being read', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 10 * 1024 ** 3); // 10 GiB, sparse: reading it would take far longer than the test allows
    const started = performance.now();
    expect(messages(readScenarioFile(file, 'huge.yaml'))).toEqual([
      `huge.yaml: file is too large (${10 * 1024 ** 3} bytes; a scenario may be at most 1000000 characters)`,
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a file under the byte limit but over the character limit is refused by the loader', () => {
    const file = join(dir, 'long.yaml');
    writeFileSync(file, `#${'x'.repeat(1_000_000)}\n`);
    expect(messages(readScenarioFile(file, 'long.yaml'))).toEqual(['long.yaml:1:1: file is too large (1000002 characters; the limit is 1000000)']);
    expect(MAX_SCENARIO_BYTES).toBeGreaterThan(1_000_002);
  });

  it('a file that is not UTF-8 is refused with a clear message', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from('title: "Caf\xe9"\n', 'latin1'));
    expect(messages(readScenarioFile(file, 'latin1.yaml'))).toEqual(['latin1.yaml: is not UTF-8 text; save it as UTF-8']);
  });

  it('a byte-order mark at the start is ignored', () => {
    const file = join(dir, 'bom.yaml');
    writeFileSync(file, '\ufeff- not a mapping\n');
    expect(messages(readScenarioFile(file, 'bom.yaml'))).toEqual(['bom.yaml:1:1: expected a mapping of scenario fields at the top level']);
  });
});
