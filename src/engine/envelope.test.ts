import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, checksumOf, openEnvelope, seal, sha256 } from './envelope.ts';
import { tooDeep } from './jsonText.ts';

describe('the file envelope', () => {
  it('sha256 gives what Node gives, for any text (multi-byte characters, block edges)', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256('a'.repeat(n))).toBe(createHash('sha256').update('a'.repeat(n)).digest('hex'));
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256(s) === createHash('sha256').update(s, 'utf8').digest('hex')), { seed: 14, numRuns: 300 });
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(checksumOf({ x: 1, y: 2 })).toBe(checksumOf({ y: 2, x: 1 }));
  });

  it('opens a sealed file, refuses an edited one, and migrates older versions step by step', () => {
    const file = seal({ format: 'f', version: 3, n: 1 });
    const steps = { 1: (d: Record<string, unknown>) => seal({ ...d, version: 2, a: true }), 2: (d: Record<string, unknown>) => seal({ ...d, version: 3, b: true }) };
    const spec = { format: 'f', current: 3, oldest: 1, sealedFrom: 2, migrations: steps };
    expect(openEnvelope(file, spec, 'the file')).toEqual({ ok: true, data: file, migratedFrom: null });
    expect(openEnvelope({ ...file, n: 2 }, spec, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/fails its checksum/) });
    expect(openEnvelope({ format: 'f', version: 1 }, spec, 'the file')).toMatchObject({ ok: true, migratedFrom: 1, data: { version: 3, a: true, b: true } });
    expect(openEnvelope({ format: 'f', version: 0 }, spec, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/older than/) });
    expect(openEnvelope({ format: 'f', version: 4 }, spec, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/newer than/) });
  });

  it('checks an older sealed file before migrating it, so a migration cannot reseal an edit', () => {
    const steps = { 2: (d: Record<string, unknown>) => seal({ ...d, version: 3, b: true }) };
    const spec = { format: 'f', current: 3, oldest: 1, sealedFrom: 2, migrations: steps };
    const v2 = seal({ format: 'f', version: 2, seed: 7 });
    expect(openEnvelope(v2, spec, 'the file')).toMatchObject({ ok: true, migratedFrom: 2, data: { version: 3, seed: 7, b: true } });
    expect(openEnvelope({ ...v2, seed: 8 }, spec, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/fails its checksum/) });
    const { checksum: _dropped, ...unsealed } = v2;
    expect(openEnvelope(unsealed, spec, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/no checksum/) });
  });

  it('the nesting scan skips brackets inside strings and finds the first level too deep', () => {
    expect(tooDeep('{"a":"[[[[[[[[[[[[[[[["}', 3)).toBeNull();
    expect(tooDeep('{"a":"\\"[[[[","b":[[1]]}', 3)).toBeNull();
    expect(tooDeep('{\n "a": [[[1]]]}', 3)).toEqual({ line: 2, column: 9 });
  });
});
