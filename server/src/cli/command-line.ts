import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readConfig } from '../config';
import { connectDatabase, type Database } from '../db/client';

/** A mistake in how the command was called: one line on stderr and exit code 2, no stack trace. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandLine {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Runs the command (its words first); throw UsageError for a bad call, any other Error for a refusal (exit code 1). */
  run(words: string[], values: OptionValues, db: Database): Promise<void>;
}

/**
 * The shape every GridScope command shares: --help prints the usage, an unknown option
 * or a bad value is one line and exit code 2, a refusal (a taken username, an unknown
 * token) is one line and exit code 1.
 */
export async function runCommandLine(cli: CommandLine, argv = process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...cli.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's parser adds advice on positionals after the first sentence; the first sentence says it.
    console.error(`${(error as Error).message.split(/\.\s/)[0]} (see --help)`);
    process.exitCode = 2;
    return;
  }
  if (parsed.values.help || parsed.positionals[0] === 'help') {
    console.log(cli.usage);
    return;
  }
  const db = await connectDatabase(readConfig().databaseUrl);
  try {
    await cli.run(parsed.positionals, parsed.values, db);
  } catch (error) {
    console.error(error instanceof UsageError ? `${error.message} (see --help)` : (error as Error).message);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await db.$disconnect();
  }
}

/** Read a password given on standard input (--password-stdin), without its line end. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
