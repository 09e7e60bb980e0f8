/**
 * Reading a scenario file from disk: the file-system edge in front of the scenario parser
 * (src/scenario/ itself reads no files, so it also runs in a browser).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ScenarioError } from '../errors.ts';
import { MSG } from '../scenario/messages.ts';
import { parseScenario, type LoadedScenario } from '../scenario/load.ts';

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The scenario in `file` (`.yaml`, `.yml` or `.json`), validated; every problem in one ScenarioError. */
export function loadScenario(file: string): LoadedScenario {
  const ext = extname(file).toLowerCase();
  if (!EXTENSIONS.includes(ext)) throw new ScenarioError(file, [{ path: '', message: MSG.badExtension(ext) }]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? MSG.fileNotFound : MSG.cannotRead(code === 'EISDIR' ? 'it is a directory' : (code ?? String(e)));
    throw new ScenarioError(file, [{ path: '', message }]);
  }
  const loaded = parseScenario(text, file);
  loaded.scenario.source = file;
  return loaded;
}
