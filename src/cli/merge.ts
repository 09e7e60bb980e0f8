/**
 * `ccsim merge DIR...`: combine the outputs of the shards of one sweep (`ccsim sweep --shard
 * i/n`) into exactly what one unsharded run writes: sweep.json and sweep.csv in a new run folder,
 * and, from the scenario.json the shards saved, the report and (`--xlsx`) the workbook.
 */

import { existsSync, statSync } from 'node:fs';
import { heapBoundBytes, heapLimitText, InputFileError, MAX_HISTORY_BYTES, readInputText } from '../input-file.ts';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { printWarnings } from './output.ts';
import type { Scenario } from '../scenario/types.ts';
import { displayPath, planRunFolder, writeRunFolder } from '../report/run-folder.ts';

/**
 * Heap that reading shards may take, per byte of their sweep.json files: the text, and the parsed
 * document. A real sweep's document takes half its text's size, but a crafted list of empty
 * objects (`[{},{},...]`) 22 times it, and in a 1 GB heap a crafted shard of 150 MB, or of 63 MB,
 * ended a merge in V8's fatal "heap out of memory" (after 93 s and 35 s). At 32, a heap of 1 GB
 * reads 32 MB of shards, the default heap of this machine 130 MB: a sweep of 40,000 points.
 */
const MEMORY_PER_SHARD_BYTE = 32;

/**
 * DIR/sweep.json, or the file itself when a .json file is given, when it fits in what is left of
 * `limit` bytes of shards after the `used` bytes read before it.
 */
function readSweepText(path: string, used: number, limit: number): { source: string; text: string } {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'sweep.json');
  } catch {
    throw new UserError(`merge: ${path}: no such folder or file`);
  }
  let text: string;
  try {
    text = readInputText(file, Math.min(MAX_HISTORY_BYTES, limit - used));
  } catch (e) {
    if (e instanceof InputFileError && e.reason === 'file not found') {
      throw new UserError(`merge: ${path}: no sweep.json in it (expected the output folder of ccsim sweep --shard i/n)`);
    }
    if (e instanceof InputFileError && limit - used < MAX_HISTORY_BYTES && e.tooLarge) {
      const mb = (bytes: number): string => `${Math.ceil(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;
      const before = used > 0 ? ` (${mb(used)} read before it)` : '';
      throw new UserError(
        `merge: ${file}: ${mb(statSync(file).size)}${before} is more than this process can merge, ${mb(limit)} of shards in all: ` +
          `merging takes about ${MEMORY_PER_SHARD_BYTE} times the shards' size in memory, and this process may use ${heapLimitText()} ` +
          `(give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES)`,
      );
    }
    if (e instanceof InputFileError) throw new UserError(`merge: ${e.message}`);
    throw e;
  }
  return { source: file, text };
}

function parseSweep(source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`merge: ${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A shard's scenario.json, checked like any scenario before a report is drawn from it. */
async function savedScenario(file: string): Promise<Scenario> {
  const { scenarioArgument } = await import('../library/arguments.ts');
  let value: unknown;
  try {
    value = JSON.parse(readInputText(file, MAX_HISTORY_BYTES));
  } catch (e) {
    throw new UserError(`merge: ${file}: not a valid scenario.json (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return scenarioArgument(value, 'merge', 'scenario.json');
  } catch (e) {
    throw new UserError(`merge: ${file}: not a valid scenario.json: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export const mergeCommand = defineCommand({
  name: 'merge',
  describe: 'Combine the shard outputs of one sweep into the output of an unsharded run',
  positionals: ['dirs'],
  options: ['json', 'out', 'force', 'quiet', 'charts', 'xlsx'],
  examples: [
    ['ccsim merge shards/* --out staffing-sweep', 'merge every shard folder'],
    ['ccsim merge shards/* --out staffing-sweep --xlsx', 'and the workbook an unsharded sweep --xlsx writes'],
  ],
  async run({ dirs, json, out, force, quiet, charts, xlsx }) {
    const { mergeSweeps } = await import('../experiment/sweep.ts');
    const { readSweepDocument } = await import('../experiment/sweep-file.ts');
    // Each shard checked against the schema and its content hash before anything is merged.
    // The shards' share of memory is for all of them together: every file is read, within it,
    // before any is parsed.
    const limit = heapBoundBytes(MEMORY_PER_SHARD_BYTE, Number.MAX_SAFE_INTEGER);
    let used = 0;
    const texts = dirs.map((d) => {
      const read = readSweepText(d, used, limit);
      used += Buffer.byteLength(read.text);
      return read;
    });
    const parts = texts.map(({ source, text }) => ({ source, document: readSweepDocument(parseSweep(source, text), source) }));
    const doc = mergeSweeps(parts);
    const plan = planRunFolder({ name: `sweep ${doc.scenario}`, out, force, inputs: [...dirs, ...parts.map((p) => p.source)] });
    const { sweepFiles, formatSweep, sweepSentence } = await import('../report/sweep.ts');
    const written: Record<string, string | Uint8Array> = sweepFiles(doc);
    // Each shard saved the scenario it ran; with it the merged sweep gets its report, its
    // workbook and its targets in the table too, as the unsharded sweep does.
    const scenarioFile = dirs.map((d) => join(d, 'scenario.json')).find((f) => existsSync(f));
    if (scenarioFile === undefined && xlsx) {
      throw new UserError('merge --xlsx: no shard folder holds the scenario.json the workbook is drawn from (shard outputs of ccsim sweep --out DIR do)');
    }
    let textOptions: Parameters<typeof formatSweep>[1];
    if (scenarioFile !== undefined) {
      const { reportFiles, savedInputFiles } = await import('../report/report-files.ts');
      const scenario = await savedScenario(scenarioFile);
      const input = { kind: 'sweep', scenario, sweep: doc } as const;
      Object.assign(written, savedInputFiles(input), await reportFiles(input, { charts, onWarning: (w) => printWarnings([w]) }));
      // The sweep's own --days (kept in sweep.json) sets the hours its targets are read over.
      const { withOverrides } = await import('../experiment/simulate.ts');
      const { reportedHours } = await import('../experiment/plan-summary.ts');
      const { targetTexts } = await import('../report/compare.ts');
      const scaled = withOverrides(scenario, { days: doc.days ?? undefined });
      textOptions = { targets: targetTexts(scaled), reportedHours: reportedHours(scaled) };
      if (xlsx) {
        const { workbookBytes } = await import('../report/workbook.ts');
        written['results.xlsx'] = await workbookBytes({ kind: 'sweep', scenario, sweep: doc, sentence: sweepSentence(doc, textOptions) });
      }
    }
    const { describeFiles } = await import('../report/report-files.ts');
    const dir = writeRunFolder(plan, written);
    const wrote = `Wrote ${displayPath(dir)} (${describeFiles(Object.keys(written))}) from ${parts.length} shard output${parts.length === 1 ? '' : 's'}\n`;
    if (json) {
      process.stdout.write(written['sweep.json']!);
      if (!quiet) process.stderr.write(wrote);
    } else if (!quiet) {
      process.stdout.write(formatSweep(doc, textOptions) + '\n' + wrote);
    }
  },
});
