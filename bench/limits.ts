/**
 * Loader limits: CPU time to check (or refuse) hostile scenario files at the size limit, each
 * beside the hardening issue's target (1 s for any 1 MB file, 2 s for the 50,000-key file).
 * Medians of several runs, after one warm-up.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/scenario/load.ts';
import { fiftyThousandKeys, hostileShapes } from '../src/testing/hostileShapes.ts';
import { median } from './stats.ts';
import { figure } from './targets.ts';

function cpuMs(text: string): number {
  const before = process.cpuUsage();
  loadScenarioText(text, 'big.yaml');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function medianCpuMs(text: string, runs: number): number {
  cpuMs(text);
  return median(Array.from({ length: runs }, () => cpuMs(text)));
}

export function runLimitsBench(quick: boolean): string[] {
  const tutorial = readFileSync(new URL('../scenarios/tutorial/scenario.yaml', import.meta.url), 'utf8');
  const runs = quick ? 1 : 3;
  const out = ['Loader limits: CPU time to check or refuse a hostile file'];
  out.push(figure('50,000-key file (690 KB)', medianCpuMs(fiftyThousandKeys(tutorial), runs), 'ms', { max: 2000 }, undefined, 0));
  for (const [shape, text] of Object.entries(hostileShapes(tutorial))) out.push(figure(`1 MB file: ${shape}`, medianCpuMs(text, runs), 'ms', { max: 1000 }, undefined, 0));
  return out;
}
