/**
 * Every command, in the order `--help` lists them, each loaded only when it is run: a command
 * line pays for its own command's code and no other's.
 */
import type { Command } from './command.ts';

export const COMMAND_LOADERS = {
  simulate: async () => (await import('./simulate.ts')).simulateCommand,
  compare: async () => (await import('./compare.ts')).compareCommand,
  sweep: async () => (await import('./sweep.ts')).sweepCommand,
  merge: async () => (await import('./merge.ts')).mergeCommand,
  fit: async () => (await import('./fit.ts')).fitCommand,
  staff: async () => (await import('./staff.ts')).staffCommand,
  erlang: async () => (await import('./erlang.ts')).erlangCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  validate: async () => (await import('./validate.ts')).validateCommand,
  studio: async () => (await import('./studio.ts')).studioCommand,
} as const satisfies Record<string, () => Promise<Command>>;

export type CommandName = keyof typeof COMMAND_LOADERS;
export const COMMAND_NAMES = Object.keys(COMMAND_LOADERS) as CommandName[];

export function isCommandName(word: string | undefined): word is CommandName {
  return word !== undefined && Object.hasOwn(COMMAND_LOADERS, word);
}

/** Every command, for the parser that knows them all (yargs). */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map((name) => COMMAND_LOADERS[name]()));
}
