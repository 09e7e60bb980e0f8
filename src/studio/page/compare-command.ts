/**
 * The `ccsim compare` command that reproduces the page's figures from its saved variants file
 * (shown beside the Save button). Its own module, free of the YAML writer, so the page's main
 * script stays small: the file itself is written by the reader worker.
 */
export function compareCommand(run: { replications: number; seed: number }, fileName: string): string {
  return `ccsim compare ${fileName} --replications ${run.replications} --seed ${run.seed}`;
}

/** The variants file's name for a scenario file (`retail-bank.yaml` -> `retail-bank-studio.yaml`). */
export function savedFileName(scenarioFile: string): string {
  return `${scenarioFile.replace(/\.(ya?ml|json)$/i, '')}-studio.yaml`;
}
