import { describe, expect, it } from 'vitest';
import { runEngineBench } from './engine.ts';

describe('npm run bench', () => {
  it('reports games per second for each bot and the party decision latency percentiles', () => {
    const lines = runEngineBench(true).join('\n');
    for (const bot of ['random', 'mediator', 'oracle']) expect(lines).toMatch(new RegExp(`games/s, ${bot} +bot: +\\d+\\.\\d`));
    expect(lines).toMatch(/p50 \d+\.\d µs, p99 \d+\.\d µs/);
  });
});

describe('npm run bench, analyser section', () => {
  it('times the exact analysis of the tutorial', async () => {
    const { runAnalysisBench } = await import('./analysis.ts');
    expect(runAnalysisBench(true, ['tutorial']).join('\n')).toMatch(/tutorial \/ draft +\d+\.\d{3} s .*feasible: yes/);
  });
});
