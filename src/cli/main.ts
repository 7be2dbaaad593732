/**
 * The `accord` command line: one program, one file per command in ./commands/.
 * To add a command, write `commands/<name>.ts` exporting `register(program)` and list it below.
 */
import { Command } from 'commander';
import * as check from './commands/check.ts';
import * as simulate from './commands/simulate.ts';
import * as replay from './commands/replay.ts';
import * as analyze from './commands/analyze.ts';
import * as importSheet from './commands/import.ts';
import { packageVersion } from './packageRoot.ts';
import * as results from './commands/results.ts';

interface CommandModule {
  register(program: Command): void;
}

/** Every command, in the order `accord --help` lists them. */
const commands: readonly CommandModule[] = [check, simulate, replay, analyze, importSheet, results];

/** The program with every command registered; nothing runs until it parses arguments. */
export function buildProgram(): Command {
  const program = new Command('accord')
    .description('Accord: tools for negotiation scenarios')
    .version(packageVersion())
    .showHelpAfterError()
    .showSuggestionAfterError();
  for (const command of commands) command.register(program);
  return program;
}

/**
 * Run the command line. Commands set `process.exitCode`; usage errors exit through commander.
 * @param argv the full process.argv (node, script, then the arguments)
 */
export async function main(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}
