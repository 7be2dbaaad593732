import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classFixtures, CLASS_NAMES } from '../testing/classFiles.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'accord-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paths = classFixtures().map((f) => {
  const path = join(dir, f.file);
  writeFileSync(path, f.text);
  return path;
});

function accord(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('accord results', () => {
  it('--json: the same five files give two students and the three refused files named', () => {
    const run = accord('results', ...paths, '--json');
    expect(run.status).toBe(0);
    const s = JSON.parse(run.stdout) as { counts: Record<string, number>; rows: { name: string }[]; refused: { file: string; kind: string }[] };
    expect(s.counts).toMatchObject({ files: 5, results: 2, refused: 3 });
    expect(s.rows.map((r) => r.name).sort()).toEqual([CLASS_NAMES.first, CLASS_NAMES.formula].sort());
    expect(s.refused.map((r) => `${r.file} ${r.kind}`).sort()).toEqual([
      'accord-scoring-base-dev.json other-scenario',
      'accord-tutorial-draft-cleo.json edited',
      'accord-tutorial-draft-eli.json damaged',
    ]);
  });

  it('--csv: one line per student and per refused file, the formula name neutralised', () => {
    const run = accord('results', ...paths, '--csv');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 + 3);
    expect(lines[0]).toMatch(/^name,file,outcome,days,points,margin: .*,durability,balance \(typical margin\),score,/);
    expect(run.stdout).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('text: counts, the table and why each refused file was refused', () => {
    const run = accord('results', ...paths);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('5 files: 2 results');
    expect(run.stdout).toContain('3 refused');
    expect(run.stdout).toMatch(/accord-tutorial-draft-eli\.json: the result file is not valid JSON/);
  });

  it('only unreadable files: exit status 1', () => {
    const run = accord('results', join(dir, 'accord-tutorial-draft-eli.json'), join(dir, 'missing.json'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 refused');
  });
});
