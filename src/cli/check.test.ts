import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));

/** Run the real `bin/accord.mjs` from the repository root, as a user would. */
function accord(...args: string[]): { status: number | null; stdout: string[]; stderr: string[] } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return { status: run.status, stdout: lines(run.stdout), stderr: lines(run.stderr) };
}

describe('accord check', () => {
  it('the tutorial checks out: exit 0 and one ok line on stdout', () => {
    expect(accord('check', 'scenarios/tutorial/scenario.yaml')).toEqual({
      status: 0,
      stdout: ['ok scenarios/tutorial/scenario.yaml: Tutorial: the Silver River accord (5 points, 4 parties, 1 start)'],
      stderr: [],
    });
  });

  it('a broken scenario exits 1 with one problem per line on stderr', () => {
    expect(accord('check', 'src/cli/fixtures/broken.yaml')).toEqual({
      status: 1,
      stdout: [],
      stderr: [
        'src/cli/fixtures/broken.yaml:54:16: parties[1].redLines[0].when[0]: unknown option "ban" on point "dam" (options: "full", "halt", "omit")',
        'src/cli/fixtures/broken.yaml:63:11: parties[2].home: unknown venue "nowhere" (venues: "hub", "north", "south")',
      ],
    });
  });

  it('several files are each reported, and one bad file fails the run', () => {
    const run = accord('check', 'scenarios/tutorial/scenario.yaml', 'src/cli/fixtures/broken.yaml', 'missing.yaml');
    expect(run.status).toBe(1);
    expect(run.stdout).toEqual([expect.stringMatching(/^ok scenarios\/tutorial\/scenario\.yaml: /)]);
    expect(run.stderr).toHaveLength(3);
    expect(run.stderr[2]).toBe('missing.yaml: file not found');
  });

  it('a folder is not a file, and the message points at the scenario inside', () => {
    expect(accord('check', 'scenarios/tutorial')).toEqual({
      status: 1,
      stdout: [],
      stderr: ['scenarios/tutorial: is a folder, not a scenario file (did you mean scenarios/tutorial/scenario.yaml?)'],
    });
  });

  it('no file at all is a usage error', () => {
    const run = accord('check');
    expect(run.status).toBe(1);
    expect(run.stderr[0]).toBe("error: missing required argument 'scenario.yaml'");
  });

  it('a scenario nobody can win is ok but warned about, with file:line:col and what to do', () => {
    const r = accord('check', 'src/cli/fixtures/infeasible.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout[0]).toBe('ok src/cli/fixtures/infeasible.yaml: Tutorial: the Silver River accord (5 points, 4 parties, 1 start; 1 warning)');
    expect(r.stdout[1]).toMatch(/^src\/cli\/fixtures\/infeasible\.yaml:238:3: warning: ratification: no text passes: Aldoria's walk-away: .*loosen any one of them/);
    expect(r.stderr).toEqual([]);
  });
});
