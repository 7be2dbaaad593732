/** `accord import <folder> -o <scenario.yaml>`: turn a scoring-sheet negotiation game into a scenario. */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { formatProblem, loadScenarioText } from '../../scenario/load.ts';
import { formatImportProblem, importScoringSheet, toId, type ReadResult } from '../../importer/scoringSheet.ts';
import { toYaml } from '../../importer/toYaml.ts';

interface ImportFlags {
  output: string;
  force?: boolean;
  id?: string;
  source?: string;
  sourceUrl?: string;
}

/** Largest sheet file read, in bytes: sheets are a few lines. */
const MAX_SHEET_BYTES = 1_000_000;

export function register(program: Command): void {
  program
    .command('import')
    .description('import a scoring-sheet negotiation game (config.txt, a score file per party, initial_deal.txt) as a scenario')
    .argument('<folder>', 'the game folder')
    .requiredOption('-o, --output <scenario.yaml>', 'the scenario file to write, e.g. scenarios/my-game/scenario.yaml')
    .option('--force', 'overwrite the output file if it exists')
    .option('--id <id>', "the scenario id (default: the output file's folder name)")
    .option('--source <title>', 'the source line (default: credits S-Abdelnabi/LLM-Deliberation, whose sheet format this is)')
    .option('--source-url <url>', 'the source URL, with --source')
    .addHelpText(
      'after',
      '\nEach party becomes a signatory whose utility ranks deals exactly as its score total does, with a\nreservation that accepts exactly the totals at or above its minimum; a neutral Facilitator is the\nplayer. Problems are printed one a line as file:line: message, and nothing is written.',
    )
    .action((folder: string, flags: ImportFlags) => {
      process.exitCode = runImport(folder, flags, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
    });
}

/**
 * Import `folder` into `flags.output`, reporting through `out` and `err`.
 * @returns the exit code: 0 when the file was written, 1 otherwise
 */
export function runImport(folder: string, flags: ImportFlags, out: (line: string) => void, err: (line: string) => void): number {
  const fail = (message: string): number => {
    err(`accord import: ${message}`);
    return 1;
  };
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    return fail(`${folder}: folder not found`);
  }
  if (!isFolder) return fail(`${folder}: is a file, not a game folder (it should hold config.txt, a score file per party and initial_deal.txt)`);
  const output = flags.output;
  if (existsSync(output)) {
    if (!flags.force) return fail(`${output} already exists; use --force to overwrite it`);
    if (statSync(output).isDirectory()) return fail(`${output} is a folder; give the scenario file to write, e.g. ${join(output, 'scenario.yaml')}`);
  }
  if (flags.sourceUrl !== undefined && flags.source === undefined) return fail('--source-url needs --source');
  if (flags.source !== undefined && (flags.source.trim() === '' || flags.source.length > 300)) return fail('--source: give a title of 1 to 300 characters');
  if (flags.sourceUrl !== undefined && flags.sourceUrl.length > 500) return fail('--source-url: at most 500 characters');

  const id = flags.id ?? defaultId(output);
  const result = importScoringSheet(folder, (name) => readSheetFile(join(folder, name)), {
    id,
    name: basename(resolve(folder)),
    ...(flags.source !== undefined ? { source: { title: flags.source, ...(flags.sourceUrl !== undefined ? { url: flags.sourceUrl } : {}) } } : {}),
  });
  if (!result.ok) {
    for (const p of result.problems) err(formatImportProblem(p));
    return 1;
  }
  const command = `npx accord import ${quote(folder)} -o ${quote(output)} --force`;
  const text = toYaml(result.imported, { command });
  // The file must load as the game loads it; anything else is a bug of the importer, not the sheet.
  const loaded = loadScenarioText(text, output);
  if (!loaded.ok) {
    for (const p of loaded.problems) err(formatProblem(p));
    return fail('the imported scenario does not load (a bug in the importer); nothing was written');
  }
  try {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, text, { flag: flags.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'EEXIST' ? `${output} already exists; use --force to overwrite it` : `cannot write ${output}: ${(e as Error).message}`);
  }
  const s = loaded.scenario;
  out(`wrote ${output}: ${s.title} (${s.points.length} points, ${s.parties.length} parties: the Facilitator and ${s.parties.length - 1} signatories, 1 start)`);
  for (const m of result.imported.parties) {
    const role = m.sheet.role === 'player' ? '' : ` ${m.sheet.role}, veto;`;
    out(`  ${m.id}: ${m.sheet.name} (${m.sheet.fileId}.txt;${role} minimum ${m.sheet.minimum} → reservation ${m.reservation})`);
  }
  const r = s.ratification;
  out(`  ratification: ${r.vetoes?.join(' and ')} and at least ${r.atLeast} of ${r.signatories.length}`);
  return 0;
}

/** The scenario id from the output path: `scenarios/<id>/scenario.yaml`, else the file's own name. */
function defaultId(output: string): string {
  const file = basename(output, extname(output));
  const name = file === 'scenario' ? basename(dirname(resolve(output))) : file;
  return toId(name);
}

const quote = (s: string): string => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A sheet file's text, or why it cannot be read. */
function readSheetFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { error: 'file not found' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'cannot read the file: permission denied' };
    return { error: `cannot read the file: ${(e as Error).message}` };
  }
  try {
    if (fstatSync(fd).isDirectory()) return { error: 'is a folder, not a file' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_SHEET_BYTES) return { error: `file is too large (more than ${MAX_SHEET_BYTES} bytes)` };
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
    } catch {
      return { error: 'is not UTF-8 text; save it as UTF-8' };
    }
  } catch (e) {
    return { error: `cannot read the file: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
