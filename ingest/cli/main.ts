import { parseArgs } from 'node:util';
import { describeError, isAppError } from '../../lib/errors';
import { redactText } from '../../lib/observability/redact';
import type { Command, CommandEntry } from './command';
import { COMMANDS } from './commands';

const findCommand = (argv: string[]): { entry: CommandEntry; rest: string[] } | null => {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  for (const length of [2, 1]) {
    const name = words.slice(0, length).join(' ');
    const entry = COMMANDS.find((candidate) => candidate.name === name);
    if (entry) {
      const rest = [...argv];
      for (const word of name.split(' ')) rest.splice(rest.indexOf(word), 1);
      return { entry, rest };
    }
  }
  return null;
};

const overview = () =>
  [
    'Usage: waymark <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(18)} ${command.summary}`),
    '',
    "Run `waymark <command> --help` for a command's options. Configuration: environment variables or waymark.yaml (see README).",
  ].join('\n');

const commandHelp = (entry: CommandEntry, command: Command) =>
  [`Usage: ${command.usage}`, '', entry.summary, '', command.help].join('\n');

const main = async (argv: string[]): Promise<number> => {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${overview()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((command) => command.name.startsWith(`${argv[0]} `));
    const hint =
      group.length > 0
        ? `: try ${group.map((command) => `\`waymark ${command.name}\``).join(', ')}`
        : '; run `waymark --help` for the list';
    process.stderr.write(
      `waymark: unknown command "${argv
        .filter((arg) => !arg.startsWith('-'))
        .slice(0, 2)
        .join(' ')}"${hint}\n`,
    );
    return 2;
  }
  const { entry, rest } = found;
  const command = await entry.load();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(
      `waymark ${entry.name}: ${(error as Error).message}\nRun \`waymark ${entry.name} --help\` for usage.\n`,
    );
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${commandHelp(entry, command)}\n`);
    return 0;
  }
  // Loaded here, not at the top: `--help` and a wrong invocation need neither the database nor the tracing SDK.
  const { registerTracing, shutdownTracing } = await import('../../lib/observability/register-tracing');
  const { closeDb } = await import('../../lib/db/client');
  registerTracing('waymark-cli');
  try {
    await command.run({
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
      stdout: process.stdout,
      stderr: process.stderr,
    });
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`waymark ${entry.name}: ${redactText(error.message)}\n`);
      for (const detail of error.details) process.stderr.write(`  ${redactText(detail)}\n`);
      if (error.code === 'USAGE') process.stderr.write(`Run \`waymark ${entry.name} --help\` for usage.\n`);
      // Bad input (a wrong invocation, a refused record) exits 2; anything else that went wrong exits 1.
      return error.code === 'USAGE' || error.code === 'VALIDATION_FAILED' ? 2 : 1;
    }
    process.stderr.write(`waymark ${entry.name}: ${redactText(describeError(error))}\n`);
    if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  } finally {
    await closeDb().catch(() => {});
    await shutdownTracing().catch(() => {});
  }
};

/** Resolves once everything written to `stream` so far is handed to the OS (a write callback runs in order). */
const drain = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

const code = await main(process.argv.slice(2));
// A pipe whose reader is slow takes writes asynchronously once its buffer is full: exiting at once cut a long
// validation report off after about 64 KiB. Wait for both streams, then exit.
await Promise.all([drain(process.stdout), drain(process.stderr)]);
// Open handles (a database pool, the embedded database) must not keep a finished command alive.
process.exit(code);
