export { loadScenarioText, parseScenario, validateScenarioObject, fileStem, type LoadedScenario } from './load.ts';
export { formatPath } from './path.ts';
export { intervalCount } from './checks.ts';
export { DEFAULTS, scenarioSchema, distributionSchema } from './schema.ts';
export type { Locate, PathKey, Position } from './source.ts';
export type * from './types.ts';
