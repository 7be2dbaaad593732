import { describe, expect, it } from 'vitest';
import { cueForNotice } from './soundMap.ts';

const notice = (kind: string) => ({ day: 0, date: '2031-03-02', kind, text: '' });

describe('sounds for notices', () => {
  it('meaningful sounds carry captions; interface sounds do not', () => {
    expect(cueForNotice(notice('deal.signed'))).toEqual({ sound: 'signing', caption: expect.stringMatching(/signed/) });
    expect(cueForNotice(notice('proposal.rejected'))?.caption).toMatch(/turns the text down/);
    expect(cueForNotice(notice('news.reported'))?.sound).toBe('news');
    expect(cueForNotice(notice('text.redrafted'))).toEqual({ sound: 'redraft', caption: null });
    expect(cueForNotice(notice('envoy.departed'))).toBeNull();
  });
});
