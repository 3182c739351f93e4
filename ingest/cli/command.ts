import type { ParseArgsConfig } from 'node:util';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export type CommandContext = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
};

/** What a command does: its usage, help, options and run (its module loads only when it is asked for). */
export type Command = {
  usage: string;
  /** Longer help: arguments, options and examples. */
  help: string;
  options?: CommandOptions;
  run: (context: CommandContext) => Promise<void>;
};

/** One CLI command as `waymark --help` lists it; `name` may have two words (`ingest events`, `token create`). */
export type CommandEntry = {
  name: string;
  summary: string;
  load: () => Promise<Command>;
};

export const defineCommand = (command: Command) => command;
