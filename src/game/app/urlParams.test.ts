import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './urlParams.ts';

describe('a class link students can open', () => {
  it('an address that only works on this computer is loopback; a school or web address is not', () => {
    for (const [protocol, host] of [['http:', 'localhost'], ['http:', '127.0.0.1'], ['http:', '127.1.2.3'], ['http:', '[::1]'], ['http:', '0.0.0.0'], ['http:', 'game.localhost'], ['file:', '']]) {
      expect(isLoopbackAddress(protocol!, host!), `${protocol}//${host}`).toBe(true);
    }
    for (const host of ['192.168.1.20', '10.0.0.5', 'school.example', 'accord.example.org', '128.0.0.1', 'localhost.example']) {
      expect(isLoopbackAddress('https:', host), host).toBe(false);
    }
  });
});
