/** Messages between the page and its simulation workers. */
import type { Scenario } from '../../scenario/types.ts';
import type { Result } from '../../metrics/types.ts';

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
  warnings: string[];
}

/** A plan the page asks the reader for: levers as `set` paths and both validated scenarios. */
export interface PlanRequest {
  agents: Record<string, number>;
  volume: Record<string, number>;
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
