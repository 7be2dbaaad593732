/**
 * The long fuzz run, for nightly use: `npm run fuzz -- --files 100000 --commands 1000000 [--seed N]`.
 * Same checks as src/fuzz.test.ts, more of them; prints counts, CPU time, the slowest file and
 * the seed. A failure prints fast-check's seed and path to reproduce it, and exits 1.
 */
import fc from 'fast-check';
import { checkCommandRun, checkHostileFile, commandRunArb, fuzzScenario, hostileFileArb } from '../src/testing/fuzz.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} wants a whole number`);
  return v;
}

const files = flag('files', 10_000);
const commands = flag('commands', 100_000);
const seed = flag('seed', Date.now() % 2 ** 31);
process.stdout.write(`accord fuzz: seed ${seed}, ${files} files, ${commands} commands\n`);

try {
  const t0 = process.cpuUsage();
  let refused = 0;
  let slowest = 0;
  fc.assert(fc.property(hostileFileArb, (file) => {
    const v = checkHostileFile(file);
    if (!v.ok) refused++;
    slowest = Math.max(slowest, v.ms);
  }), { seed, numRuns: files });
  const t1 = process.cpuUsage(t0);
  process.stdout.write(`files: ${files} checked (${refused} refused with a located error, ${files - refused} loaded and played), slowest ${slowest.toFixed(0)} ms, ${((t1.user + t1.system) / 1e6).toFixed(1)} s CPU\n`);

  const scenario = fuzzScenario();
  let sent = 0;
  const t2 = process.cpuUsage();
  // Each run is about 120 commands; runs continue until the total is reached.
  fc.assert(fc.property(commandRunArb, (run) => {
    if (sent < commands) sent += checkCommandRun(scenario, run);
  }), { seed, numRuns: Math.ceil(commands / 100) });
  const t3 = process.cpuUsage(t2);
  process.stdout.write(`commands: ${sent} sent and replayed exactly, ${((t3.user + t3.system) / 1e6).toFixed(1)} s CPU\n`);
} catch (e) {
  process.stderr.write(`accord fuzz: FAILED (seed ${seed})\n${(e as Error).message}\n`);
  process.exitCode = 1;
}
