/**
 * `ccsim studio [FILE] [--port N]`: serve the what-if studio page on 127.0.0.1 and print its
 * address. Opens nothing by itself; runs until interrupted (Ctrl+C).
 */
import type { Argv } from 'yargs';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';

function parsePort(text: unknown): number {
  if (text === undefined) return 0;
  const s = String(text);
  if (!/^\d+$/.test(s) || Number(s) > 65535) throw new UserError(`--port: expected a port number 0-65535 (0: any free port), got '${s}'`);
  return Number(s);
}

export const studioCommand: Command = {
  name: 'studio',
  register(y: Argv, done: (exitCode: number) => void): Argv {
    return y.command(
      'studio [file]',
      'Open-in-your-browser what-if studio: change a plan and see the paired difference (local, offline)',
      (b) =>
        b
          .positional('file', { type: 'string', describe: 'A scenario to start from (default: the bundled retail bank)' })
          .option('port', { type: 'string', describe: 'Port on 127.0.0.1 (default: any free port)', requiresArg: true })
          .example('ccsim studio', 'serve the studio; open the printed address in a browser')
          .example('ccsim studio my-center.yaml --port 8080', 'start from your scenario, on a fixed port'),
      async (argv) => {
        const port = parsePort(argv['port']);
        const file = argv['file'] as string | undefined;
        // Imported when needed, so `--help` stays fast.
        const { existsSync } = await import('node:fs');
        const { basename } = await import('node:path');
        const { readStudioAssets, startStudioServer } = await import('../studio/server.ts');
        const { InputFileError, MAX_SCENARIO_BYTES, readInputText } = await import('../input-file.ts');
        let scenario: { file: string; text: string } | undefined;
        if (file !== undefined) {
          try {
            // As any scenario is read: a regular file of at most 32 MB (a pipe would hang here).
            scenario = { file: basename(file), text: readInputText(file, MAX_SCENARIO_BYTES) };
          } catch (e) {
            if (e instanceof InputFileError) throw new UserError(`${file}: ${e.reason}`);
            throw e;
          }
        }
        // The built page sits in dist/studio: next to dist/bin (the bundled CLI) and dist/cli.
        const dirs = [new URL('../studio/', import.meta.url), new URL('../../dist/studio/', import.meta.url)];
        const dir = dirs.find((d) => existsSync(new URL('index.html', d)));
        if (dir === undefined) throw new UserError('the studio page is not built: run `npm run build` first');
        let server;
        try {
          server = await startStudioServer({ assets: readStudioAssets(dir), scenario, port });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new UserError(`--port ${port}: cannot listen on 127.0.0.1 (${code === 'EADDRINUSE' ? 'the port is in use' : (code ?? String(e))})`);
        }
        process.stdout.write(`ccsim studio: ${server.url}\n(local only; open it in a browser; Ctrl+C stops)\n`);
        const stop = server;
        await new Promise<void>((resolve) => {
          const quit = (): void => {
            void stop.close().then(resolve);
          };
          process.once('SIGINT', quit);
          process.once('SIGTERM', quit);
        });
        done(0);
      },
    );
  },
};
