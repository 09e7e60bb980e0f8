/**
 * Measuring the suite: with CCSIM_TEST_CPU=FILE, each test file appends one JSON line to FILE:
 * its CPU seconds and its wall seconds, from module import to its last test. `self` is the CPU of
 * the thread the file runs on (the pool runs files on worker threads, so the process's CPU would
 * count the other worker's file too); `children` is the CPU of the child processes (CLI runs) the
 * process waited for meanwhile, which with two workers includes the other file's. CPU is what to
 * compare on a machine shared with other work; wall time there measures the load as much as the
 * tests. `start` and `end` (Unix seconds) and `thread` (the worker) show how the two workers were
 * kept busy. Without the variable this does nothing.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, expect } from 'vitest';

const OUT = process.env['CCSIM_TEST_CPU'];

/** Fields 3.. of a /proc stat line (after the parenthesised name) as numbers. */
function stat(path: string): number[] {
  const text = readFileSync(path, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
}

/** This thread's utime + stime, and the process's cutime + cstime, in seconds (Linux; ticks of 1/100 s). */
function cpu(): { self: number; children: number } {
  // Field 3 (state) is at index 0, so utime (field 14) is at index 11.
  const thread = stat('/proc/thread-self/stat');
  const proc = stat('/proc/self/stat');
  return { self: (thread[11]! + thread[12]!) / 100, children: (proc[13]! + proc[14]!) / 100 };
}

if (OUT !== undefined && OUT !== '') {
  const start = cpu();
  const wall = performance.now();
  afterAll(() => {
    const end = cpu();
    const file = relative(process.cwd(), expect.getState().testPath ?? '?');
    const line = {
      file,
      self: +(end.self - start.self).toFixed(2),
      children: +(end.children - start.children).toFixed(2),
      wall: +((performance.now() - wall) / 1000).toFixed(2),
      // When the file started and ended (Unix seconds), to see how the workers were kept busy.
      start: +((performance.timeOrigin + wall) / 1000).toFixed(2),
      end: +((performance.timeOrigin + performance.now()) / 1000).toFixed(2),
      thread: threadId,
    };
    appendFileSync(OUT, JSON.stringify(line) + '\n');
  });
}
