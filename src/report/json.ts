/**
 * The result as JSON text: what `simulate --json` prints and what `summary.json` holds.
 * Stable: keys in the order the result was built, two-space indent, full number precision,
 * a final newline. A ratio with a zero denominator is already `null` in the result.
 */

import type { Result } from '../metrics/types.ts';

export function resultToJson(result: Result): string {
  return JSON.stringify(result, null, 2) + '\n';
}
