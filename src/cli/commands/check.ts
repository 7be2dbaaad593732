/** `accord check <scenario.yaml...>`: validate scenario files, as an author or CI would. */
import type { Command } from 'commander';
import { formatProblem } from '../../scenario/load.ts';
import { readScenarioFile } from '../readScenarioFile.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description('check scenario files: YAML, the format, references and consistency')
    .argument('<scenario.yaml...>', 'scenario files to check')
    .addHelpText('after', '\nPrints "ok <file>: <title> (...)" for each valid file on stdout and one line per\nproblem on stderr as file:line:column: path: message. Exits 1 if any file has a problem.')
    .action((files: string[]) => {
      process.exitCode = checkFiles(files, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
    });
}

/**
 * Check each file, reporting through `out` (valid files) and `err` (problems).
 * @returns the exit code: 0 when every file is valid, 1 otherwise
 */
export function checkFiles(files: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  let code = 0;
  for (const file of files) {
    const result = readScenarioFile(file);
    if (result.ok) {
      const s = result.scenario;
      out(`ok ${file}: ${s.title} (${count(s.points.length, 'point')}, ${count(s.parties.length, 'party', 'parties')}, ${count(s.starts.length, 'start')})`);
    } else {
      code = 1;
      for (const problem of result.problems) err(formatProblem(problem));
    }
  }
  return code;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
