/**
 * Validators for the values typed on the command line: each names the flag and shows what was
 * typed, and throws UserError (exit code 2).
 */
import { UserError } from '../errors.ts';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An integer in [min, Number.MAX_SAFE_INTEGER]. */
export function parseInteger(text: string, flag: string, min = Number.MIN_SAFE_INTEGER): number {
  const value = Number(text.trim());
  if (!INTEGER.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UserError(`${flag}: expected an integer, got '${text}'`);
  }
  if (value < min) throw new UserError(`${flag}: expected an integer >= ${min}, got '${text}'`);
  return value;
}

/** A finite number greater than zero. */
export function parsePositiveNumber(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) {
    throw new UserError(`${flag}: expected a number, got '${text}'`);
  }
  if (value <= 0) throw new UserError(`${flag}: expected a number > 0, got '${text}'`);
  return value;
}

/** A finite number >= 0. */
export function parseNonNegativeNumber(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!DECIMAL.test(text.trim()) || !Number.isFinite(value)) throw new UserError(`${flag}: expected a number, got '${text}'`);
  if (value < 0) throw new UserError(`${flag}: expected a number >= 0, got '${text}'`);
  return value;
}

/** A share: a number in [0, 1], or a percentage `80%`. */
export function parseShare(text: string, flag: string): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  const value = Number(body);
  if (!DECIMAL.test(body) || !Number.isFinite(value)) throw new UserError(`${flag}: expected a share such as 0.8 or 80%, got '${text}'`);
  const share = percent ? value / 100 : value;
  if (share < 0 || share > 1) throw new UserError(`${flag}: expected a share in [0, 1] (or 0%..100%), got '${text}'`);
  return share;
}

/** A non-empty path (not checked for existence). */
export function parsePath(text: string, flag: string): string {
  if (text.trim() === '') throw new UserError(`${flag}: expected a path, got an empty value`);
  return text;
}
