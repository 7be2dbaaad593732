import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));
const GAME1 = 'src/importer/fixtures/scorable-games/game1';

/** Run the real `bin/accord.mjs` from the repository root, as a user would. */
function accord(...args: string[]): { status: number | null; stdout: string[]; stderr: string[] } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return { status: run.status, stdout: lines(run.stdout), stderr: lines(run.stderr) };
}

const tmp = mkdtempSync(join(tmpdir(), 'accord-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('accord import', () => {
  const out = join(tmp, 'x', 'scenario.yaml');

  it('imports a game folder into a new folder, and the result checks out', () => {
    const run = accord('import', GAME1, '-o', out);
    expect(run.stderr).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout[0]).toBe(`wrote ${out}: Scoring game: game1 (5 points, 7 parties: the Facilitator and 6 signatories, 1 start)`);
    expect(run.stdout).toContain('  bank: international development bank (bank.txt; p2, veto; minimum 60 → reservation 59.9999)');
    expect(run.stdout.at(-1)).toBe('  ratification: proposing and bank and at least 5 of 6');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(text).toMatch(/^id: x #/m);
    expect(accord('check', out)).toEqual({ status: 0, stdout: [`ok ${out}: Scoring game: game1 (5 points, 7 parties, 1 start)`], stderr: [] });
  });

  it('refuses to overwrite an existing file unless --force', () => {
    writeFileSync(out, 'keep me\n');
    expect(accord('import', GAME1, '-o', out)).toEqual({ status: 1, stdout: [], stderr: [`accord import: ${out} already exists; use --force to overwrite it`] });
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    const forced = accord('import', GAME1, '-o', out, '--force', '--id', 'my-game');
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^id: my-game #/m);
  });

  it('a broken sheet: problems by file and line on stderr, exit 1, nothing written', () => {
    const folder = join(tmp, 'broken');
    cpSync(join(root, GAME1), folder, { recursive: true });
    writeFileSync(join(folder, 'bank.txt'), '0, 9, 13\n10, 26, 40, 10\n0, 15, 20\n0, 9, 11, 13, 15\n7, 0, 4\n60');
    writeFileSync(join(folder, 'initial_deal.txt'), 'A1,B4,C1,D1,E9');
    const target = join(tmp, 'broken-out', 'scenario.yaml');
    expect(accord('import', folder, '-o', target)).toEqual({ status: 1, stdout: [], stderr: [`${folder}/bank.txt:3: expected 4 numbers for issue C, got 3`] });
    expect(existsSync(target)).toBe(false);
    writeFileSync(join(folder, 'bank.txt'), readFileSync(join(root, GAME1, 'bank.txt')));
    expect(accord('import', folder, '-o', target).stderr).toEqual([`${folder}/initial_deal.txt:1: "E9": issue E has options 1 to 3`]);
  });

  it('a missing folder, or a file instead of a folder, or no -o', () => {
    expect(accord('import', join(tmp, 'nowhere'), '-o', out).stderr).toEqual([`accord import: ${join(tmp, 'nowhere')}: folder not found`]);
    const file = accord('import', `${GAME1}/config.txt`, '-o', out);
    expect(file.status).toBe(1);
    expect(file.stderr[0]).toMatch(/is a file, not a game folder/);
    const usage = accord('import', GAME1);
    expect(usage.status).toBe(1);
    expect(usage.stderr[0]).toBe("error: required option '-o, --output <scenario.yaml>' not specified");
  });
});
