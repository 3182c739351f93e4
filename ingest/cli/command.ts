import type { ParseArgsConfig } from 'node:util';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export type CommandContext = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
};

/** One CLI command; `name` may have two words (`ingest events`, `token create`). */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  /** Longer help: arguments, options and examples. */
  help: string;
  options?: CommandOptions;
  run: (context: CommandContext) => Promise<void>;
};

export const defineCommand = (command: Command) => command;
