import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/accord.mjs', import.meta.url));
const compiled = fileURLToPath(new URL('../../dist-cli/accord.mjs', import.meta.url));

describe('the accord command runs compiled JavaScript', () => {
  it('the compiled program runs on its own, and neither it nor the bin loads TypeScript at run time', () => {
    // The bin builds dist-cli/ first when the sources are newer.
    expect(spawnSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' }).status).toBe(0);
    const direct = spawnSync(process.execPath, [compiled, 'check', 'scenarios/tutorial/scenario.yaml'], { cwd: root, encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toMatch(/^ok scenarios\/tutorial\/scenario.yaml/);
    expect(readFileSync(bin, 'utf8')).not.toMatch(/tsx/);
    expect(readFileSync(compiled, 'utf8')).not.toMatch(/from\s*["']tsx/);
  });

  it('tsx and esbuild are development tools, not run-time dependencies', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg.dependencies!)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies!)).not.toContain('esbuild');
    expect(pkg.scripts!.prepare).toMatch(/build-cli/);
  });
});
