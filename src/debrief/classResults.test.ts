import { describe, expect, it } from 'vitest';
import { classFixtures, CLASS_NAMES } from '../testing/classFiles.ts';
import { shippedScenario } from '../testing/scenarios.ts';
import { readableBalance } from '../engine/score.ts';
import { classCsv, csvCell, summarizeClass } from './classResults.ts';
import { resultFileName } from './resultFile.ts';

const scenarioFor = (id: string) => {
  try {
    return shippedScenario(id);
  } catch {
    return null;
  }
};

const files = classFixtures();

describe('class results', () => {
  const summary = summarizeClass(files, scenarioFor);

  it('five files from a class: two students in the table, the edited, other-scenario and damaged files refused with why', () => {
    expect(summary.scenario?.id).toBe('tutorial');
    expect(summary.counts).toMatchObject({ files: 5, results: 2, refused: 3 });
    expect(summary.counts.deal + summary.counts.collapse + summary.counts.timeout + summary.counts.unfinished).toBe(2);
    expect(summary.rows.map((r) => r.name).sort()).toEqual([CLASS_NAMES.first, CLASS_NAMES.formula].sort());
    const why = Object.fromEntries(summary.refused.map((r) => [r.file, r.kind]));
    expect(why).toEqual({
      'accord-tutorial-draft-cleo.json': 'edited',
      'accord-scoring-base-dev.json': 'other-scenario',
      'accord-tutorial-draft-eli.json': 'damaged',
    });
    for (const r of summary.refused) expect(r.reason.length).toBeGreaterThan(10);
  });

  it('each row carries the engine score: margins per signatory, durability and the readable balance', () => {
    for (const row of summary.rows) {
      if (row.outcome !== 'deal') continue;
      expect(Object.keys(row.margins).sort()).toEqual(summary.parties.map((p) => p.id).sort());
      expect(row.durability).toBe(Math.min(...Object.values(row.margins)));
      expect(row.balance).toBe(readableBalance(row.margins));
      expect(row.balance!).toBeLessThanOrEqual(100);
    }
    expect(summary.best).toBe(summary.rows[0]);
    expect(summary.worst).toBe(summary.rows.at(-1));
    expect(summary.rows[0]!.score).toBeGreaterThanOrEqual(summary.rows.at(-1)!.score);
  });

  it('per point, the options the class chose add up to its deals, beside the analyser’s best deals', () => {
    for (const p of summary.points) {
      expect(p.chosen.reduce((s, c) => s + c.count, 0)).toBe(summary.counts.deal);
      expect(p.durable).not.toBeNull();
      expect(p.balanced).not.toBeNull();
    }
  });

  it('the CSV keeps a formula-like name as text, and numbers as numbers', () => {
    const csv = classCsv(summary);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('Ana, "the" best')).toBe('"Ana, ""the"" best"');
    expect(csvCell(' Ana ')).toBe('" Ana "');
  });

  it('no readable file: an empty class, every file refused', () => {
    const s = summarizeClass([{ file: 'x.json', text: '{}' }], scenarioFor);
    expect(s.scenario).toBeNull();
    expect(s.rows).toEqual([]);
    expect(s.refused).toMatchObject([{ file: 'x.json', kind: 'damaged' }]);
  });
});

describe('result file names', () => {
  it('say scenario, start, name and date, with the name made safe for any file system', () => {
    const at = new Date(2026, 11, 2, 10, 0);
    expect(resultFileName({ scenario: { id: 'geneva-2025', version: '1.0.0', title: 'x' }, start: 'geneva-19', name: 'Ana López' }, at))
      .toBe('accord-geneva-2025-geneva-19-ana-lópez-2026-12-02.json');
    expect(resultFileName({ scenario: { id: 'tutorial', version: '1.0.0', title: 'x' }, start: 'draft', name: '../../=HYPERLINK("x")' }, at))
      .toBe('accord-tutorial-draft-hyperlink-x-2026-12-02.json');
    expect(resultFileName({ scenario: { id: 'tutorial', version: '1.0.0', title: 'x' }, start: 'draft' }, at)).toBe('accord-tutorial-draft-anonymous-2026-12-02.json');
  });
});

describe('names in result files', () => {
  it('are covered by the checksum: a file whose name was changed by hand is refused as edited', () => {
    const ana = files[0]!;
    const renamed = ana.text.replace(`"name": "${CLASS_NAMES.first}"`, '"name": "Someone Else"');
    expect(renamed).not.toBe(ana.text);
    const s = summarizeClass([{ file: 'renamed.json', text: renamed }], scenarioFor);
    expect(s.refused).toMatchObject([{ file: 'renamed.json', kind: 'edited' }]);
  });
});

describe('readable balance', () => {
  it('is the geometric mean of the margins: on their scale, and 0 when a party gains nothing', () => {
    expect(readableBalance({ a: 20, b: 27, c: 26 })).toBe(24.12);
    expect(readableBalance({ a: 20, b: 0 })).toBe(0);
    expect(readableBalance({ a: 30, b: 30 })).toBe(30);
  });
});
