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

export type ReaderAsk = { kind: 'read'; text: string; file: string } | ({ kind: 'plan' } & PlanRequest);
export type ReaderRequest = ReaderAsk & { id: number };

export type ReadReply = { id: number; kind: 'read'; study: StudySummary } | { id: number; kind: 'read'; error: string };
export type PlanReply =
  | { id: number; kind: 'plan'; common: Setting[]; plan: Setting[]; base: Scenario; planned: Scenario }
  | { id: number; kind: 'plan'; error: string };
export type ReaderReply = ReadReply | PlanReply;

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
}

/** Asks for report.html of the analysed plan `id`. */
export interface ReportRequest {
  kind: 'report';
  id: number;
}

/**
 * A port on which a simulation worker sends results; `forget`: drop every result kept (a new
 * scenario was read).
 */
export type AnalystRequest = AnalysisRequest | ReportRequest | { kind: 'port'; port: MessagePort } | { kind: 'forget' };

export type AnalystReply =
  | { kind: 'figures'; id: number; cards: CardFigures[]; types: TypeRow[]; groups: GroupRow[] }
  | { kind: 'chart'; id: number; base: string | null; plan: string }
  | { kind: 'report'; id: number; html: string }
  | { kind: 'error'; id: number; what: 'figures' | 'chart' | 'report'; error: string };
