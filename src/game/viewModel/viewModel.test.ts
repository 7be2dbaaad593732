import { describe, expect, it } from 'vitest';
import { createGame, type Game } from '../../engine/session.ts';
import type { Command } from '../../engine/commands.ts';
import { tutorial } from '../../testing/scenarios.ts';
import { envoyCards } from './actions.ts';
import { meter, partyCards, rangeText } from './answers.ts';
import { briefingView, paragraphs, ratificationRule } from './briefing.ts';
import { endingView } from './ending.ts';
import { announcement, logEntries, summitRefusal } from './log.ts';
import { listOf, optionLabel, shortDate } from './names.ts';
import { DROP_CHOICE, planDiff, planRows } from './plan.ts';
import { publicScenario } from './publicScenario.ts';
import { signSummary, whoWouldSign } from './signMatrix.ts';

function game(seed = 1): Game {
  return createGame(tutorial(), { seed, difficulty: 'standard' });
}

function play(g: Game, ...commands: Command[]): void {
  for (const c of commands) {
    const r = g.send(c);
    if (!r.ok) throw new Error(`${c.type}: ${r.reason}`);
  }
}

/** Envoys in both capitals with the three redrafts of the known winning line. */
function opened(seed = 1): Game {
  const g = game(seed);
  play(g,
    { type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' },
    { type: 'envoy.travel', envoy: 'envoy-tech', to: 'belport' },
    { type: 'day.end' },
    { type: 'envoy.meet', envoy: 'envoy-lead', party: 'aldoria' },
    { type: 'envoy.meet', envoy: 'envoy-tech', party: 'belmar' },
    { type: 'text.package', changes: [{ point: 'flow', option: 'f50' }, { point: 'monitoring', option: 'observers' }, { point: 'fund', option: 'aldoria-pays' }] },
  );
  return g;
}

const pub = () => publicScenario(tutorial());

describe('publicScenario', () => {
  it('keeps what a player may read and nothing of the parties\' hidden numbers', () => {
    const p = pub();
    const aldoria = p.parties.find((x) => x.id === 'aldoria')!;
    expect(Object.keys(aldoria).sort()).toEqual(['briefing', 'envoys', 'home', 'id', 'leader', 'name', 'role', 'statedRedLines']);
    expect(aldoria.statedRedLines).toEqual(['Aldoria will not abandon the dam.']);
    expect(JSON.stringify(p)).not.toContain('Ceding Heron Island');
    expect(p.starts[0]).toMatchObject({ id: 'draft', points: 5, date: '2031-03-02' });
  });
});

describe('plan rows', () => {
  it('show the start text unchanged, with Heron Island deferred to the leaders', () => {
    const g = game();
    const rows = planRows(pub(), g.view());
    expect(rows.map((r) => [r.number, r.title, r.optionLabel])).toEqual([
      [1, "Share of the river's flow", '30% to Belmar'],
      [2, 'The Aldorian dam', 'Full height'],
      [3, 'Monitoring', 'Each side measures'],
      [4, 'Compensation fund', 'No fund'],
      [5, 'Heron Island', 'Aldorian'],
    ]);
    expect(rows.every((r) => !r.changed)).toBe(true);
    expect(rows[4]).toMatchObject({ deferred: true, leadersOnly: true, status: ['deferred to the leaders (leaders only)'] });
  });

  it('offer "drop this point" only where the point can be dropped', () => {
    const rows = planRows(pub(), game().view());
    expect(rows.find((r) => r.id === 'flow')!.choices.map((c) => c.label)).not.toContain(DROP_CHOICE);
    expect(rows.find((r) => r.id === 'monitoring')!.choices.at(-1)).toEqual({ id: 'omit', label: DROP_CHOICE });
  });

  it('mark a dropped point as dropped and changed', () => {
    const g = game();
    play(g, { type: 'text.omit', point: 'fund' });
    const fund = planRows(pub(), g.view()).find((r) => r.id === 'fund')!;
    expect(fund).toMatchObject({ dropped: true, optionLabel: 'dropped', changed: true });
    expect(fund.status).toEqual(['dropped from the text', 'changed since the start']);
  });

  it('after a rejection, name who disputes which point, and why', () => {
    const g = opened();
    play(g, { type: 'envoy.table', envoy: 'envoy-lead', party: 'aldoria' });
    const view = g.view();
    const rows = planRows(pub(), view);
    const answer = view.parties.find((p) => p.id === 'aldoria')!.answer!;
    if (answer.kind === 'accepted') {
      expect(rows.filter((r) => !r.dropped).every((r) => r.agreedBy.includes('Aldoria'))).toBe(true);
    } else {
      const disputed = rows.filter((r) => r.disputedBy.some((d) => d.party === 'Aldoria'));
      expect(disputed.length).toBeGreaterThan(0);
      for (const r of disputed) expect(r.status.at(-1)).toContain('disputed by Aldoria');
    }
  });
});

describe('plan diff', () => {
  it('counts points from the start to now and lists the changed points', () => {
    const g = opened();
    play(g, { type: 'text.omit', point: 'monitoring' });
    const diff = planDiff(pub(), g.view());
    expect(diff.summary).toBe('5 → 4 points');
    expect(diff.changed.map((c) => `${c.title}: ${c.from} → ${c.to}`)).toEqual([
      "Share of the river's flow: 30% to Belmar → 50% to Belmar",
      'Monitoring: Each side measures → dropped',
      'Compensation fund: No fund → Aldoria pays',
    ]);
  });

  it('shows the chain through a second start, e.g. 28 → 19 → N', () => {
    const base = tutorial();
    const second = { ...base.starts[0]!, id: 'short', title: 'Short', text: { ...base.starts[0]!.text, fund: 'omit', monitoring: 'omit' } };
    const scenario = { ...base, starts: [base.starts[0]!, second] };
    const g = createGame(scenario, { seed: 1, start: 'short' });
    expect(planDiff(publicScenario(scenario), g.view()).summary).toBe('5 → 3 → 3 points');
  });
});

describe('who would sign now', () => {
  it('before any tabling: the mediator yes, the others not asked', () => {
    const rows = whoWouldSign(pub(), game().view());
    expect(rows.map((r) => [r.name, r.status])).toEqual([['River Commission', 'mediator'], ['Aldoria', 'unasked'], ['Belmar', 'unasked']]);
    expect(signSummary(rows)).toBe('1 of 3 would sign the text as it stands');
  });

  it('an answer to an earlier text counts as not asked since the last change', () => {
    const g = opened();
    play(g, { type: 'envoy.table', envoy: 'envoy-tech', party: 'belmar' });
    expect(whoWouldSign(pub(), g.view()).find((r) => r.party === 'belmar')!.status).toMatch(/yes|no|stalled/);
    play(g, { type: 'text.redraft', point: 'dam', option: 'reduced' });
    const belmar = whoWouldSign(pub(), g.view()).find((r) => r.party === 'belmar')!;
    expect(belmar.status).toBe('stale');
    expect(belmar.label).toBe('Not asked since the last change');
  });

  it('a no lists the red lines crossed, as the party words them', () => {
    const g = game();
    play(g, { type: 'envoy.travel', envoy: 'envoy-tech', to: 'belport' }, { type: 'day.end' }, { type: 'envoy.table', envoy: 'envoy-tech', party: 'belmar' });
    const belmar = whoWouldSign(pub(), g.view()).find((r) => r.party === 'belmar')!;
    expect(belmar.status).toBe('no');
    expect(belmar.reasons).toContain("red line: Thirty percent would leave Belmar's fields dry; no government could sign it.");
  });
});

describe('envoy actions', () => {
  it('list travel with its days at the start, and nothing to do at the Commission seat', () => {
    const [lead] = envoyCards(pub(), game().view());
    expect(lead).toMatchObject({ name: 'Marta Oyelaran', title: 'Chief mediator', where: 'In Lakeside (Commission seat)', actionsText: '3 of 3 actions left today' });
    expect(lead!.travel.map((a) => `${a.label} (${a.cost})`)).toEqual(['Travel to Aldor City (1 day)', 'Travel to Belmar Port (1 day)']);
    expect(lead!.here).toEqual([]);
  });

  it('while travelling: where to and when it arrives; on arrival: the parties there, with costs', () => {
    const g = game();
    play(g, { type: 'envoy.travel', envoy: 'envoy-tech', to: 'belport' });
    expect(envoyCards(pub(), g.view())[1]!.where).toBe('Travelling to Belmar Port, arrives Mon 3 Mar 2031 (day 2)');
    play(g, { type: 'day.end' });
    const tech = envoyCards(pub(), g.view())[1]!;
    expect(tech.here.map((a) => `${a.label} (${a.cost})`)).toEqual([
      'Meet Belmar (free)',
      'Table the text with Belmar (2 capital)',
      'Press Belmar (10 capital)',
      "Meet Lake Fishers' Council (free)",
      "Press Lake Fishers' Council (10 capital)",
      "Consult Lake Fishers' Council (2 capital)",
      'Offer Irrigation loans for Belmar (12 capital)',
    ]);
  });
});

describe('party cards', () => {
  it('give trust and patience as numbers with words, and the public red lines', () => {
    const cards = partyCards(pub(), game().view());
    expect(cards.map((c) => c.name)).toEqual(['Aldoria', 'Belmar', "Lake Fishers' Council"]);
    expect(cards[0]!.trust).toEqual({ value: 45, text: '45 of 100 (middling)' });
    expect(cards[0]!.knownRedLines).toEqual(['Aldoria will not abandon the dam.']);
    expect(cards[0]!.learned).toBe(0);
    expect(meter(15).text).toBe('15 of 100 (very low)');
    expect(rangeText({ lo: 0, hi: 100 })).toBe('unknown');
    expect(rangeText({ lo: 40.2, hi: 55.7 })).toBe('40–56');
  });

  it('a party not met yet is not said to be beyond any package: the player is told to meet it', () => {
    const g = game();
    // 40% of the flow: below Belmar's demand, but over its red line at 30%.
    play(g, { type: 'text.package', changes: [{ point: 'flow', option: 'f40' }, { point: 'monitoring', option: 'observers' }] },
      { type: 'envoy.travel', envoy: 'envoy-tech', to: 'belport' }, { type: 'day.end' }, { type: 'envoy.table', envoy: 'envoy-tech', party: 'belmar' });
    const card = partyCards(pub(), g.view()).find((c) => c.name === 'Belmar')!;
    expect(card.state).toBe('guarded');
    expect(card.answer?.redLines).toEqual([]);
    expect(card.answer?.kind).toBe('rejected');
    expect(card.answer?.counter).toBeNull();
    expect(card.answer?.noCounter).toMatch(/not met yet .* Meet it first/);
  });

  it('carry the counter-proposal as changes to apply', () => {
    const g = opened(3);
    play(g, { type: 'envoy.table', envoy: 'envoy-lead', party: 'aldoria' }, { type: 'envoy.table', envoy: 'envoy-tech', party: 'belmar' });
    for (const card of partyCards(pub(), g.view()).filter((c) => c.answer)) {
      const a = card.answer!;
      expect(a.when).toBe('Day 2, about the current text');
      if (a.counter) expect(a.counter.lines.length).toBe(a.counter.changes.length);
      expect(a.breakdown).toBeNull();
    }
  });
});

describe('briefing', () => {
  it('splits the briefing into paragraphs and states the rules', () => {
    const b = briefingView(pub(), 'draft');
    expect(b.paragraphs).toHaveLength(3);
    expect(b.role.envoys.map((e) => `${e.name}, ${e.title}`)).toEqual(['Marta Oyelaran, Chief mediator', 'Jonas Krell, Technical envoy']);
    expect(b.calendar.softDeadlines).toEqual(['Thursday 13 March 2031: Planting season opens']);
    expect(b.calendar.days).toBe('21 days of talks, the deadline day included');
    expect(b.summitRule).toContain('at most 2 points are still open');
    expect(ratificationRule(pub())).toBe('The deal needs the signature of every signatory: River Commission, Aldoria and Belmar.');
    expect(paragraphs('a\nb\n\n\nc')).toEqual(['a b', 'c']);
  });

  it("a start with its own briefing shows it instead of the scenario's, with its summary", () => {
    const s = tutorial();
    const second = { ...s.starts[0]!, id: 'late', title: 'Late talks', summary: 'A week on.', briefing: 'The dam is half built.\n\nBelmar has gone to court.' };
    const p = publicScenario({ ...s, starts: [s.starts[0]!, second] });
    const late = briefingView(p, 'late');
    expect(late.paragraphs).toEqual(['The dam is half built.', 'Belmar has gone to court.']);
    expect(late.startSummary).toBe('A week on.');
    expect(briefingView(p, 'draft').paragraphs).toEqual(briefingView(pub(), 'draft').paragraphs);
  });

  it('states a k-of-n rule with its vetoes', () => {
    const p = { ...pub(), rule: { signatories: ['commission', 'aldoria', 'belmar'], vetoes: ['commission'], atLeast: 2 } };
    expect(ratificationRule(p)).toBe('The deal needs at least 2 of 3 signatories (River Commission, Aldoria and Belmar), including River Commission.');
  });
});

describe('ending', () => {
  it('is null while the game runs, and a timeout says the deadline passed', () => {
    const g = game();
    expect(endingView(pub(), g.view())).toBeNull();
    for (let i = 0; i < 25 && !g.view().outcome; i++) play(g, { type: 'day.end' });
    const end = endingView(pub(), g.view())!;
    expect(end.headline).toBe('The deadline passed');
    expect(end.text).toHaveLength(5);
  });
});

describe('log and names', () => {
  it('lists the journal newest first, and finds a summit refusal', () => {
    const g = game();
    const r = g.send({ type: 'summit.call' });
    expect(r.ok).toBe(true);
    const entries = logEntries(g.view().journal);
    expect(entries[0]!.kind).toBe('summit.refused');
    expect(entries.at(-1)!.kind).toBe('game.started');
    expect(summitRefusal(r.ok ? r.notices : [])).toMatch(/^The leaders declined to meet/);
    expect(announcement([{ day: 0, date: '', kind: 'x', text: 'A.' }, { day: 0, date: '', kind: 'y', text: 'B.' }])).toBe('A. B.');
  });

  it('words lists, options and dates', () => {
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
    expect(optionLabel(pub(), 'fund', 'omit')).toBe('dropped');
    expect(shortDate('2031-03-02')).toBe('Sun 2 Mar 2031');
  });
});
