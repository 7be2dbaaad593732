import { describe, expect, it } from 'vitest';
import { downloadFailure } from './downloadFailure.ts';

describe('a failed download in words', () => {
  it("names the file, not the whole address, for Chromium's and Firefox's messages", () => {
    expect(downloadFailure(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4173/accord/assets/play-Bx3k9.js'))).toBe('the file play-Bx3k9.js did not arrive');
    expect(downloadFailure(new TypeError('error loading dynamically imported module: https://school.example/assets/debrief-1a2b.js?retry=2'))).toBe('the file debrief-1a2b.js did not arrive');
  });

  it('keeps any other message, and says something when there is none', () => {
    expect(downloadFailure(new Error('NetworkError when attempting to fetch resource.'))).toBe('the download failed (NetworkError when attempting to fetch resource.)');
    expect(downloadFailure('')).toBe('the download failed');
  });
});
