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
    expect(openEnvelope(file, 'f', 3, 1, {}, 'the file')).toEqual({ ok: true, data: file, migratedFrom: null });
    expect(openEnvelope({ ...file, n: 2 }, 'f', 3, 1, {}, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/fails its checksum/) });
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, version: 2, a: true }), 2: (d: Record<string, unknown>) => seal({ ...d, version: 3, b: true }) };
    expect(openEnvelope({ format: 'f', version: 1 }, 'f', 3, 1, steps, 'the file')).toMatchObject({ ok: true, migratedFrom: 1, data: { version: 3, a: true, b: true } });
    expect(openEnvelope({ format: 'f', version: 0 }, 'f', 3, 1, steps, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/older than/) });
    expect(openEnvelope({ format: 'f', version: 4 }, 'f', 3, 1, steps, 'the file')).toMatchObject({ ok: false, message: expect.stringMatching(/newer than/) });
  });

  it('the nesting scan skips brackets inside strings and finds the first level too deep', () => {
    expect(tooDeep('{"a":"[[[[[[[[[[[[[[[["}', 3)).toBeNull();
    expect(tooDeep('{"a":"\\"[[[[","b":[[1]]}', 3)).toBeNull();
    expect(tooDeep('{\n "a": [[[1]]]}', 3)).toEqual({ line: 2, column: 9 });
  });
});
