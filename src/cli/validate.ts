/** `ccsim validate FILE`: load and check a scenario file without simulating it. */

import { defineCommand } from './command.ts';
import { plural, printWarnings } from './output.ts';
import { isSmallFile, skipOptimizingCompiler } from './quick-start.ts';

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
