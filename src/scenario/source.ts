/**
 * YAML (and JSON, which YAML reads too) source text to a plain value, keeping enough of the
 * document to say on which line and column a field sits.
 *
 * Ids, names and clock times are read as the text the user wrote: YAML would otherwise turn
 * `id: 0123` into the number 123, and a different id than the one written is worse than an error.
 */
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { Problem } from '../errors.ts';
import { MSG } from './messages.ts';

export type PathKey = string | number;
export interface Position {
  line: number;
  column: number;
}
/** Where a field sits in the source; for a missing field, where its parent sits. */
export type Locate = (path: readonly PathKey[]) => Position | undefined;

export interface ParsedSource {
  value: unknown;
  locate: Locate;
  problems: Problem[];
  warnings: Problem[];
}

const KEYS_READ_AS_TEXT = new Set(['id', 'name', 'start']);

/**
 * How many values aliases may expand to in all. Aliases nest, so a few lines can expand to
 * billions of values (an "alias bomb"); a real scenario reuses a distribution or a list a few
 * times, far below this. The yaml library's own guard (`maxAliasCount`) applies to its toJS,
 * which this reader does not use, so the expansion is counted here.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Thrown out of the recursion when the budget is spent; turned into a problem at the alias. */
class AliasBudgetSpent extends Error {
  constructor(readonly offset: number) {
    super('alias budget spent');
  }
}

/** The node an alias stands for (undefined for an unknown anchor). */
type ResolveAlias = (alias: Alias) => unknown;

/**
 * Alias resolution for one document that is not changed afterwards. `Alias.resolve(doc)` alone
 * walks the whole document to list its anchors, at every alias; the context's cache (the
 * library's own `aliasResolveCache`) lists them once. The node found is the same either way.
 */
function aliasResolver(doc: Document): ResolveAlias {
  const ctx: NonNullable<Parameters<Alias['resolve']>[1]> = {
    anchors: new Map(),
    doc,
    keep: false,
    mapAsMap: false,
    mapKeyWarned: false,
    maxAliasCount: -1, // Not a limit: resolve() refuses only 0; the expansion is counted here.
  };
  return (alias) => alias.resolve(doc, ctx);
}

/**
 * The YAML syntax errors listed: one mistake can cascade (an unclosed bracket makes the parser
 * report each enclosing level again, 799 lines for a file of nested brackets), and the first few
 * say where to look. Repeats of one message at one place are listed once.
 */
export const MAX_SYNTAX_PROBLEMS = 5;

function syntaxProblems(all: Problem[]): Problem[] {
  const seen = new Set<string>();
  const distinct = all.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length <= MAX_SYNTAX_PROBLEMS) return distinct;
  const more = distinct.length - MAX_SYNTAX_PROBLEMS;
  return [...distinct.slice(0, MAX_SYNTAX_PROBLEMS), { path: '', message: MSG.moreYamlErrors(more) }];
}

/**
 * Keys written twice in one mapping, where the second is, with the library's own message. Keys
 * are the same when they are the same scalar value (`1` and `'1'` are not), as the library has it.
 */
function repeatedKeys(doc: Document): Array<{ offset: number; message: string }> {
  const found: Array<{ offset: number; message: string }> = [];
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (seen.has(value)) found.push({ offset: pair.key.range?.[0] ?? 0, message: 'Map keys must be unique' });
        else seen.add(value);
      }
    },
  });
  return found;
}

/** The parser's message, in the user's terms where it reports running out of stack. */
function syntaxDetail(message: string): string {
  return /maximum call stack/i.test(message) ? MSG.yamlTooDeep : message;
}

/**
 * How many values (scalars: numbers, texts) a file may hold. The YAML library keeps a node of
 * about a kilobyte per value, with its place in the text: a 9 MB file of three million numbers
 * took 28 s and 3.7 GB to read, and the 32 MB a file may have would run out of memory. A real
 * scenario holds hundreds; its longest lists (ten years of staffing by 15 minutes) 350,400.
 */
export const MAX_YAML_VALUES = 1_000_000;
/** Shorter texts cannot hold enough values to matter (two characters a value at least), so are not counted. */
const COUNT_VALUES_FROM_CHARS = 2 * MAX_YAML_VALUES;

/** More than MAX_YAML_VALUES scalars in `text`: counted by the library's lexer, which keeps no nodes. */
function tooManyValues(text: string): boolean {
  if (text.length < COUNT_VALUES_FROM_CHARS) return false;
  let values = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === CST.SCALAR && ++values > MAX_YAML_VALUES) return true;
  }
  return false;
}

export function parseSource(text: string): ParsedSource {
  if (tooManyValues(text)) {
    return { value: undefined, locate: () => undefined, problems: [{ path: '', message: MSG.tooManyValues(MAX_YAML_VALUES) }], warnings: [] };
  }
  const lineCounter = new LineCounter();
  // Repeated keys are found here, not by the library: its check compares each key with every
  // key before it in the mapping, and 50,000 keys took 15 s.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const resolveAlias = aliasResolver(doc);
  const pairOf = pairFinder(resolveAlias);
  const locate: Locate = (path) => locateIn(doc.contents, resolveAlias, pairOf, path, at);
  const errors = [...doc.errors.map((e) => ({ offset: e.pos[0], message: syntaxDetail(e.message) })), ...repeatedKeys(doc)].sort((a, b) => a.offset - b.offset);
  const problems = syntaxProblems(errors.map((e) => ({ path: '', message: MSG.yamlSyntax(e.message), ...at(e.offset) })));
  const warnings: Problem[] = doc.warnings.map((w) => ({ path: '', message: w.message, ...at(w.pos[0]) }));
  if (problems.length > 0) return { value: undefined, locate, problems, warnings };
  if (doc.contents === null) {
    return { value: undefined, locate, problems: [{ path: '', message: MSG.emptyFile }], warnings };
  }
  const complexKeys: Problem[] = [];
  let value: unknown;
  try {
    value = toPlain(resolveAlias, doc.contents, false, new Set(), (offset) =>
      complexKeys.push({ path: '', message: MSG.complexKey, ...at(offset) }),
    { left: MAX_ALIAS_EXPANSION, inAlias: false });
  } catch (e) {
    if (!(e instanceof AliasBudgetSpent)) throw e;
    return { value: undefined, locate, problems: [{ path: '', message: MSG.aliasBomb(MAX_ALIAS_EXPANSION), ...at(e.offset) }], warnings };
  }
  return { value, locate, problems: complexKeys, warnings };
}

function keyText(resolveAlias: ResolveAlias, key: unknown): string | undefined {
  const node = isAlias(key) ? resolveAlias(key) : key;
  if (isScalar(node)) {
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  }
  if (node === null || node === undefined) return '';
  return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
}

function toPlain(
  resolveAlias: ResolveAlias,
  node: unknown,
  asText: boolean,
  ancestors: Set<unknown>,
  onComplexKey: (offset: number) => void,
  budget: { left: number; inAlias: boolean },
): unknown {
  if (isAlias(node)) {
    const target = resolveAlias(node);
    // An alias to its own ancestor would expand forever.
    if (target === undefined || ancestors.has(target)) return null;
    const outer = budget.inAlias;
    budget.inAlias = true;
    try {
      return toPlain(resolveAlias, target, asText, ancestors, onComplexKey, budget);
    } catch (e) {
      // Point at the outermost alias: the one the user wrote where the expansion starts.
      if (e instanceof AliasBudgetSpent && !outer) throw new AliasBudgetSpent(node.range?.[0] ?? e.offset);
      throw e;
    } finally {
      budget.inAlias = outer;
    }
  }
  if (budget.inAlias && --budget.left < 0) throw new AliasBudgetSpent(0);
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
      return asText && v !== null && typeof v !== 'string' ? (node.source ?? String(v)) : v;
    }
    // Values of other YAML types (a YAML 1.1 timestamp, say) are read as their text.
    return node.source ?? String(v);
  }
  if (isMap(node) || isSeq(node)) ancestors.add(node);
  try {
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = keyText(resolveAlias, pair.key);
        if (key === undefined) {
          const range = (pair.key as { range?: [number, number, number] } | null)?.range;
          onComplexKey(range?.[0] ?? 0);
          continue;
        }
        // defineProperty: a key like `__proto__` must stay an ordinary key.
        Object.defineProperty(out, key, {
          value: toPlain(resolveAlias, pair.value, KEYS_READ_AS_TEXT.has(key), ancestors, onComplexKey, budget),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => toPlain(resolveAlias, item, false, ancestors, onComplexKey, budget));
  } finally {
    ancestors.delete(node);
  }
  return null;
}

type YamlMap = { items: Array<{ key: unknown; value: unknown }> };
type PairOf = (map: YamlMap, key: string) => { key: unknown; value: unknown } | undefined;

/**
 * The first pair of a mapping with a given key, from an index made once per mapping: a file with
 * 50,000 unknown keys has 50,000 problems to place, and finding each key by a scan of the mapping
 * took minutes.
 */
function pairFinder(resolveAlias: ResolveAlias): PairOf {
  const indexes = new WeakMap<YamlMap, Map<string, { key: unknown; value: unknown }>>();
  return (map, key) => {
    if (map.items.length < 16) return map.items.find((p) => keyText(resolveAlias, p.key) === key);
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) {
        const text = keyText(resolveAlias, pair.key);
        if (text !== undefined && !index.has(text)) index.set(text, pair);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
}

function locateIn(contents: unknown, resolveAlias: ResolveAlias, pairOf: PairOf, path: readonly PathKey[], at: (offset: number) => Position): Position | undefined {
  const start = (node: unknown): Position | undefined => {
    const range = (node as { range?: readonly number[] | null } | null)?.range;
    return range && range[0] !== undefined ? at(range[0]) : undefined;
  };
  const resolve = (node: unknown): unknown => (isAlias(node) ? resolveAlias(node) : node);
  let node: unknown = contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const current = resolve(node);
    if (isMap(current)) {
      const pair = pairOf(current as YamlMap, String(seg));
      if (!pair) return start(current);
      if (i === path.length - 1) {
        // A scalar value is pointed at exactly; a list or mapping at its key, where it begins.
        const value = resolve(pair.value);
        return (isScalar(value) && value.value !== null ? start(value) : undefined) ?? start(pair.key);
      }
      node = pair.value;
    } else if (isSeq(current) && typeof seg === 'number' && seg < current.items.length) {
      node = current.items[seg];
    } else {
      return start(node) ?? start(current);
    }
  }
  return start(node) ?? start(resolve(node));
}
