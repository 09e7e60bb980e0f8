/** Messages between the page and its simulation workers. */
import type { Scenario } from '../../scenario/types.ts';
import type { Result } from '../../metrics/types.ts';
import type { Lever, LeverValues } from './study.ts';
import type { CardFigures, GroupRow, TypeRow } from './headline.ts';

/** Run one replication of a scenario; `key` names the scenario so a worker compiles it once. */
export interface RunTask {
  run: number;
  key: string;
  scenario: Scenario;
  seed: number;
  replication: number;
}

export type TaskReply =
  | { run: number; key: string; replication: number; result: Result }
  | { run: number; key: string; replication: number; error: string };

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
  base: Result[];
  plan: Result[];
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

export type AnalystRequest = AnalysisRequest | ReportRequest;

export type AnalystReply =
  | { kind: 'figures'; id: number; cards: CardFigures[]; types: TypeRow[]; groups: GroupRow[] }
  | { kind: 'chart'; id: number; base: string | null; plan: string }
  | { kind: 'report'; id: number; html: string }
  | { kind: 'error'; id: number; what: 'figures' | 'chart' | 'report'; error: string };
