import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedScenario } from '../../testing/scenarios.ts';
import { drawnQuestions, printedRoleSheets, teacherGuide } from './printables.ts';
import { cite, numberedSources, stripMarks } from './sourceMarks.ts';

const SHIPPED = readdirSync(new URL('../../../scenarios/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('printables', () => {
  it("the teacher guide uses the scenario's lesson text, then questions drawn from the scenario", () => {
    const g = teacherGuide(shippedScenario('geneva-2025'));
    expect(g.minutes).toBe(45);
    expect(g.teaches[0]).toMatch(/simplified model of the November 2025 talks/);
    expect(g.lessonStart).toContain('A lesson: the last open points');
    expect(g.questions[0]).toMatch(/European allies do not sign/);
    expect(g.questions).toHaveLength(6);
    expect(g.glossary.map((t) => t.term)).toEqual(expect.arrayContaining(['Walk-away', 'Durability', 'Balance', 'Security guarantee', 'Ratification']));
  });

  it('a scenario without lesson text still gets a 45-minute plan and questions from its points and red lines', () => {
    const s = shippedScenario('tutorial');
    const bare = { ...s, lesson: undefined };
    const g = teacherGuide(bare);
    expect(g.minutes).toBe(45);
    expect(g.plan.length).toBeGreaterThan(2);
    // The tutorial's signatories weigh the river's flow most and want different shares of it.
    expect(drawnQuestions(bare)[0]).toMatch(/^“Share of the river's flow” mattered to Aldoria and Belmar/);
    expect(drawnQuestions(bare).join(' ')).toContain('Aldoria said in public: “Aldoria will not abandon the dam.”');
    expect(drawnQuestions(bare).join(' ')).toContain('Lake Fishers\' Council does not sign');
  });

  it("each party's role sheet: public position, priorities, every red line, walk-away and the opening text scored", () => {
    const sheets = printedRoleSheets(shippedScenario('tutorial'), 'draft');
    expect(sheets.map((s) => s.name)).toEqual(['River Commission', 'Aldoria', 'Belmar', "Lake Fishers' Council"]);
    expect(sheets[0]!.mediator).toEqual({ capital: expect.any(Number), envoys: ['Marta Oyelaran, Chief mediator', 'Jonas Krell, Technical envoy'] });
    const aldoria = sheets[1]!;
    expect(aldoria.statedRedLines).toEqual(['Aldoria will not abandon the dam.']);
    expect(aldoria.sheet!.redLines.map((l) => l.reason)).toEqual(['Aldoria will not abandon the dam.', 'Ceding Heron Island would bring down the government.']);
    expect(aldoria.sheet!.walkAway).toBe(48);
    expect(aldoria.style).toBe('concedes late');
    expect(aldoria.priorities[0]).toBe('The Aldorian dam (35% of what you weigh): you want Full height; worst for you: Construction halted.');
    // The first draft gives Belmar 30% of the flow: across its red line.
    expect(sheets[2]!.sheet!.marginText).toMatch(/crosses your red line/);
  });

  it.each(SHIPPED)('%s: role sheets for every start and a guide that fits a page', (id) => {
    const s = shippedScenario(id);
    for (const start of s.starts) {
      const sheets = printedRoleSheets(s, start.id);
      expect(sheets).toHaveLength(s.parties.length);
      expect(sheets.every((x) => x.priorities.length > 0)).toBe(true);
    }
    const g = teacherGuide(s);
    expect(g.questions.length).toBeGreaterThan(0);
    expect(g.questions.length).toBeLessThanOrEqual(6);
  });
});

describe('source markers in printed text', () => {
  const geneva = shippedScenario('geneva-2025');

  it('Geneva’s numbered sources explain its markers: known numbers become references, others are dropped', () => {
    const sources = numberedSources(geneva);
    const known = new Set(sources.flatMap((x) => x.refs));
    expect(sources.find((x) => x.refs.includes('15'))?.title).toBe("Leaders' statement on Ukraine");
    expect(sources.every((x) => !x.title.startsWith('['))).toBe(true);
    const reason = geneva.parties.flatMap((p) => p.redLines).map((l) => l.reason).find((r) => r.includes('[15][32]'))!;
    const parts = cite(reason, known);
    expect(parts.filter((p) => typeof p !== 'string')).toEqual([{ refs: ['15', ...(known.has('32') ? ['32'] : [])] }]);
    expect(parts.filter((p): p is string => typeof p === 'string').join('')).not.toMatch(/\[\d/);
    expect(cite('borders stay [99] as they are [15].', known)).toEqual(['borders stay', ' as they are', { refs: ['15'] }, '.']);
    expect(cite('no list here [3][4b]', new Set())).toEqual(['no list here']);
  });

  it('a drawn discussion question carries no markers', () => {
    const questions = drawnQuestions(geneva);
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q).not.toMatch(/\[\d+[a-z]?\]/);
    expect(stripMarks('the constitution forbids it [15][32]. Next')).toBe('the constitution forbids it. Next');
  });
});
