import { describe, expect, it } from 'vitest';
import { ambienceFor, cueForNotice, cuesFor } from './soundMap.ts';

const notice = (kind: string) => ({ day: 0, date: '2031-03-02', kind, text: '' });

describe('sounds for notices', () => {
  it('meaningful sounds carry captions; interface sounds do not', () => {
    expect(cueForNotice(notice('deal.signed'))).toEqual({ sound: 'signing', caption: expect.stringMatching(/signed/) });
    expect(cueForNotice(notice('proposal.rejected'))?.caption).toMatch(/turns the text down/);
    expect(cueForNotice(notice('news.reported'))?.sound).toBe('news');
    expect(cueForNotice(notice('text.redrafted'))).toEqual({ sound: 'redraft', caption: null });
    expect(cueForNotice(notice('envoy.departed'))).toBeNull();
  });

  it('one action that causes several notices sounds each kind once, and a signing alone', () => {
    const dayEnd = [notice('day.ended'), notice('news.reported'), notice('news.reported'), notice('proposal.rejected'), notice('meeting.held')];
    expect(cuesFor(dayEnd)).toEqual({ sounds: ['page', 'news', 'bad'], captions: ['Page turn: a new day', 'News sting: news from the world', 'Low tones: a party turns the text down'] });
    const summit = [notice('summit.held'), notice('proposal.accepted'), notice('proposal.accepted'), notice('deal.signed')];
    expect(cuesFor(summit)).toEqual({ sounds: ['signing'], captions: ['Bells: the accord is signed'] });
    expect(cuesFor([notice('text.redrafted')])).toEqual({ sounds: ['redraft'], captions: [] });
    expect(cuesFor([notice('envoy.departed')])).toEqual({ sounds: [], captions: [] });
  });

  it('ambience: the map or the table during play, silence elsewhere', () => {
    expect(ambienceFor({ screen: 'play', stage: { kind: 'map' } })).toBe('ambience-map');
    expect(ambienceFor({ screen: 'play', stage: { kind: 'table', party: 'aldoria' } })).toBe('ambience-table');
    for (const screen of ['title', 'briefing', 'ending', 'debrief'] as const) expect(ambienceFor({ screen, stage: { kind: 'map' } })).toBeNull();
  });
});
