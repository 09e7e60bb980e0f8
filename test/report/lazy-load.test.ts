/**
 * The chart libraries (vega-lite, vega, resvg) take most of a second to load, so they are
 * loaded only when charts are drawn: here importing any of them fails, and a report without
 * charts must still be made.
 */

import { describe, expect, it, vi } from 'vitest';
import { reportFiles } from '../../src/report/report-files.ts';
import { runBank } from './fixtures.ts';

vi.mock('vega', () => {
  throw new Error('vega was loaded');
});
vi.mock('vega-lite', () => {
  throw new Error('vega-lite was loaded');
});
vi.mock('@resvg/resvg-js', () => {
  throw new Error('resvg was loaded');
});

describe('chart libraries', () => {
  it('are not loaded for a report without charts', async () => {
    const input = { kind: 'simulate' as const, ...runBank(14, 1) };
    const files = await reportFiles(input, { charts: false });
    expect(Object.keys(files)).toEqual(['report.html']);
    // The check has teeth: drawing charts does reach for them.
    await expect(reportFiles(input, { charts: true })).rejects.toThrow();
  });
});
