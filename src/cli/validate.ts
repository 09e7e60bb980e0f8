/** `ccsim validate FILE`: load and check a scenario file without simulating it. */

import { statSync } from 'node:fs';
import { defineCommand } from './command.ts';
import { plural, printWarnings } from './output.ts';
import { skipOptimizingCompiler } from './quick-start.ts';

/** Up to this size a scenario reads faster without V8's optimizing compiler (quick-start.ts). */
const QUICK_FILE_BYTES = 128 * 1024;

function isSmallFile(file: string): boolean {
  try {
    return statSync(file).size <= QUICK_FILE_BYTES;
  } catch {
    return false; // The loader reports what is wrong with it.
  }
}

export const validateCommand = defineCommand({
  name: 'validate',
  describe: 'Check a scenario file without simulating it',
  positionals: ['file'],
  options: [],
  examples: [['ccsim validate scenarios/retail-bank.yaml', 'check a scenario']],
  async run({ file }) {
    if (isSmallFile(file)) skipOptimizingCompiler();
    // Imported when needed, so `--help` stays fast.
    const { loadScenario } = await import('../files/scenario-file.ts');
    const { scenario, warnings } = loadScenario(file);
    printWarnings(warnings);
    const what = [
      plural(scenario.contact_types.length, 'contact type'),
      plural(scenario.agent_groups.length, 'agent group'),
      plural(scenario.horizon.days, 'day'),
    ];
    process.stdout.write(`${file}: ok (${what.join(', ')})\n`);
  },
});
