import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// THIRD_PARTY.md is what a school's IT department reads before installing the class server; a
// dependency added without a row there would ship unlisted.
describe('THIRD_PARTY.md', () => {
  it('lists every run-time package of package-lock.json with its version', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; devOptional?: boolean }> };
    const table = readFileSync('THIRD_PARTY.md', 'utf8');
    const listed = new Set([...table.matchAll(/^\| (\S+) \| (\S+) \|/gm)].map((m) => `${m[1]}@${m[2]}`));
    const runtime = Object.entries(lock.packages)
      .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.devOptional && !p.optional)
      .map(([path, p]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${p.version}`);
    expect(runtime.length).toBeGreaterThan(20);
    expect(runtime.filter((p) => !listed.has(p))).toEqual([]);
  });
});
