/**
 * Errors that are the user's to fix (a bad scenario file, a bad option). The CLI prints their
 * message, without a stack trace, and exits with code 2. Anything else is a bug in ccsim.
 */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** One thing wrong with a scenario file. `path` is the field path, e.g. `contact_types[0].fcr`. */
export interface Problem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** The most problems an error message lists (ScenarioError.format). */
export const SHOWN_PROBLEMS = 50;

/** A scenario file that cannot be used, with every problem found in it. */
export class ScenarioError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(ScenarioError.format(file, problems));
    this.name = 'ScenarioError';
  }

  /**
   * The message: every problem with its place, up to SHOWN_PROBLEMS of them (in the order given);
   * `problems` keeps them all. A generated file can have tens of thousands (60,000 lines, 7 MB,
   * for 20,000 contact types with the same two mistakes), which no one reads past the first.
   */
  static format(file: string, problems: Problem[]): string {
    const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => {
      const where = p.line !== undefined ? `${file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : file;
      return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
    });
    if (problems.length > SHOWN_PROBLEMS) lines.push(`... and ${(problems.length - SHOWN_PROBLEMS).toLocaleString('en-US')} more`);
    return problems.length === 1 ? lines[0]! : `${file}: ${problems.length.toLocaleString('en-US')} problems\n  ${lines.join('\n  ')}`;
  }
}

/**
 * A bad argument to one of ccsim's public functions (issue 15): `fn` names the function, and
 * every problem its field path, from the argument's name (`scenario.contact_types[0].fcr`,
 * `options.replications`). `path` is the first problem's.
 */
export class ArgumentError extends ScenarioError {
  constructor(
    readonly fn: string,
    problems: Problem[],
  ) {
    super(`${fn}()`, problems);
    this.name = 'ArgumentError';
  }

  get path(): string {
    return this.problems[0]?.path ?? '';
  }
}

/** A figure of a result came out NaN or infinite: refused rather than reported (issue 15). */
export class NonFiniteResultError extends UserError {
  constructor(
    readonly path: string,
    readonly value: number,
  ) {
    super(
      `the result's ${path} came out ${value} instead of a finite number: some input is too large to compute with (see "Numeric limits" in the README); nothing was written`,
    );
    this.name = 'NonFiniteResultError';
  }
}
