/** Messages between the page and its simulation workers. */
import type { Scenario } from '../../scenario/types.ts';
import type { Result } from '../../metrics/types.ts';
import type { Lever, LeverValues } from './study.ts';
import type { CardFigures, GroupRow, TypeRow } from './headline.ts';

/**
 * Run one replication of a scenario. `key` names the scenario; its text is sent to a worker
 * only the first time that worker meets the key (it keeps scenarios by key and compiles each
 * once), so a task is a few bytes.
 */
export interface RunTask {
  kind: 'task';
  run: number;
  key: string;
  scenario?: Scenario;
  seed: number;
  replication: number;
}

/** Messages to a simulation worker: its port to the analyst (once), then tasks. */
export type SimulationMessage = { kind: 'port'; port: MessagePort } | RunTask;

/**
 * A simulation worker's answer to the page: only that the replication is done (or failed).
 * The result itself goes straight to the analyst over a MessageChannel, so the page's main
 * thread never copies results (tens of thousands of numbers each, with their intervals).
 */
export type TaskReply =
  | { run: number; key: string; replication: number }
  | { run: number; key: string; replication: number; error: string };

/** What a simulation worker sends the analyst for every replication it ran. */
export interface ReplicationResult {
  key: string;
  replication: number;
  result: Result;
}

/** What the page knows of a scenario it did not read itself (the reader worker did). */
export interface StudySummary {
  file: string;
  seed: number;
  days: number;
  policy: string;
  policies: readonly string[];
  groups: string[];
  types: string[];
  levers: Lever[];
  warnings: string[];
}

/** A plan the page asks the reader for: levers as `set` paths and both validated scenarios. */
export interface PlanRequest {
  values: LeverValues;
  policy: string;
  days: number;
}

/**
 * A scenario text to read (pasted, opened, or the FILE given to `ccsim studio`), or one of the
 * bundled scenarios by name (the reader holds their texts: the page's main script stays small).
 */
export type ReaderAsk =
  | { kind: 'read'; text: string; file: string }
  | { kind: 'bundled'; file: string }
  | ({ kind: 'plan' } & PlanRequest);
/** `save`: the variants file of plans the page shows, written by the reader (it has the YAML writer). */
export type ReaderRequest = (ReaderAsk & { id: number }) | { kind: 'save'; id: number; saved: SavedPlans; fileName: string };

/** A read; for a bundled scenario with its text, for the editor. */
export type ReadReply =
  | { id: number; kind: 'read'; study: StudySummary; text?: string }
  | { id: number; kind: 'read'; error: string; text?: string; file?: string };
export type PlanReply =
  | { id: number; kind: 'plan'; common: Setting[]; plan: Setting[]; base: Scenario; planned: Scenario }
  | { id: number; kind: 'plan'; error: string };
/** `bundled`: sent once when the reader starts, the names of the scenarios it holds. */
export type ReaderReply =
  | ReadReply
  | PlanReply
  | { kind: 'bundled'; files: string[] }
  | { id: number; kind: 'saved'; yaml: string; fileName: string }
  | { id: number; kind: 'saved'; error: string };

/** What "Save as variants" writes (variants-file.ts): the baseline and the plans the page shows. */
export interface SavedPlans {
  /** The base scenario's file name, next to which the variants file is meant to be saved. */
  base: string;
  /** Settings every plan shares (the horizon). */
  common: readonly Setting[];
  /** The plans, each with its own settings (none: the baseline again), in the order listed. */
  plans: ReadonlyArray<{ name: string; settings: readonly Setting[] }>;
  seed: number;
  replications: number;
}

export interface Setting {
  path: string;
  value: unknown;
}

/** What the analyst worker is given once a plan's replications are in (both plans, in order). */
export interface AnalysisRequest {
  kind: 'analyse';
  id: number;
  /** The scenario keys of the baseline and the plan (the same key when nothing changed). */
  baseKey: string;
  planKey: string;
  replications: number;
  /** False when the plan is the baseline itself (no lever changed). */
  changed: boolean;
  baseScenario: Scenario;
  planScenario: Scenario;
  seed: number;
  /** Settings both plans share (the horizon) and the plan's own, as in the variants file. */
  common: Setting[];
  settings: Setting[];
  /** The screen's device pixels per CSS pixel: the chart's bitmap is drawn at this scale. */
  pixelRatio: number;
}

/**
 * Asks for report.html of `ccsim compare` on the saved variants file: the baseline and the
 * plans listed, each run with `replications` replications on `seed` (their results are kept by
 * the analyst under their keys). `id` names the request in the answer.
 */
export interface ReportRequest {
  kind: 'report';
  id: number;
  seed: number;
  replications: number;
  /** Settings every plan shares (the horizon): the baseline is then a variant of the base file. */
  common: Setting[];
  baseline: { key: string; scenario: Scenario };
  plans: Array<{ name: string; key: string; scenario: Scenario; settings: Setting[] }>;
}

/**
 * A port on which a simulation worker sends results; `forget`: drop every result kept (a new
 * scenario was read).
 */
export type AnalystRequest = AnalysisRequest | ReportRequest | { kind: 'port'; port: MessagePort } | { kind: 'forget' };

export type AnalystReply =
  | { kind: 'figures'; id: number; cards: CardFigures[]; types: TypeRow[]; groups: GroupRow[] }
  /** The intraday charts as bitmaps (the baseline's only after a change). */
  | { kind: 'chart'; id: number; base: ImageBitmap | null; plan: ImageBitmap }
  | { kind: 'report'; id: number; html: string }
  | { kind: 'error'; id: number; what: 'figures' | 'chart' | 'report'; error: string };
