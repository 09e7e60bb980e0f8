/**
 * Reading a scenario file from disk: the file-system edge in front of the scenario parser
 * (src/scenario/ itself reads no files, so it also runs in a browser).
 */
import { InputFileError, MAX_SCENARIO_BYTES, readInputText } from '../input-file.ts';
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
    // Only a regular file, at most MAX_SCENARIO_BYTES (a FIFO or /dev/zero would hang or fill memory).
    text = readInputText(file, MAX_SCENARIO_BYTES);
  } catch (e) {
    if (e instanceof InputFileError) throw new ScenarioError(file, [{ path: '', message: e.reason }]);
    throw e;
  }
  const loaded = parseScenario(text, file);
  loaded.scenario.source = file;
  return loaded;
}
