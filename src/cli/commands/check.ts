/** `accord check <scenario.yaml...>`: validate scenario files, as an author or CI would. */
import type { Command } from 'commander';
import { formatProblem, loadScenarioText, type Locator } from '../../scenario/load.ts';
import { readScenarioText } from '../readScenarioFile.ts';
import type { ExplainedProblem } from '../../scenario/explain.ts';
import { formatWarning, lintSource } from '../../analysis/lintText.ts';
import { watchFiles } from '../watch.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description('check scenario files: YAML, the format, references and consistency')
    .argument('<scenario.yaml...>', 'scenario files to check')
    .addHelpText('after', '\nPrints "ok <file>: <title> (...)" for each valid file on stdout and one line per\nproblem on stderr as file:line:column: path: message. Exits 1 if any file has a problem.\nWarnings (the scenario loads but plays badly: a party that can never sign, an uncontested\npoint, ...) follow the ok line on stdout as file:line:column: warning: path: message;\nthey do not change the exit code. With --watch, checks again each time a file is saved.\nSee docs/authoring.md.')
    .option('--watch', 'check again each time a file is saved, until Ctrl+C')
    .action(async (files: string[], flags: { watch?: boolean }) => {
      const once = () => {
        process.exitCode = checkFiles(files, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
      };
      if (flags.watch) await watchFiles(files, once, { note: (line) => process.stderr.write(`${line}\n`) });
      else once();
    });
}

/**
 * Check each file, reporting through `out` (valid files) and `err` (problems).
 * @returns the exit code: 0 when every file is valid, 1 otherwise
 */
export function checkFiles(files: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  let code = 0;
  for (const file of files) {
    const read = readScenarioText(file);
    const places: { locate?: Locator } = {};
    const result = read.ok ? loadScenarioText(read.text, file, places) : read;
    if (result.ok) {
      const s = result.scenario;
      const warnings = read.ok ? lintSource(s, read.text, file, places.locate) : [];
      const noted = warnings.length > 0 ? `; ${count(warnings.length, 'warning')}` : '';
      out(`ok ${file}: ${s.title} (${count(s.points.length, 'point')}, ${count(s.parties.length, 'party', 'parties')}, ${count(s.starts.length, 'start')}${noted})`);
      for (const w of warnings) out(formatWarning(w));
    } else {
      code = 1;
      for (const problem of result.problems as ExplainedProblem[]) {
        err(formatProblem(problem));
        // Problems that follow from this one, indented under it.
        for (const f of problem.folded ?? []) err(`    ${formatProblem(f)}`);
      }
    }
  }
  return code;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
