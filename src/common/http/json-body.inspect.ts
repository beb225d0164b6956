/**
 * What JSON.parse lets through but a gateway must not: nesting deep enough to overflow the recursive code
 * that walks a request later (tool schemas, validators, serialisers — a 10,000-deep `parameters` used to end
 * in a 500), and duplicate keys, whose meaning differs between parsers (JSON.parse keeps the last, others the
 * first), so a request could say one thing to a filter and another to Bedrock.
 *
 * One pass over the text, without recursion. String contents are skipped with `indexOf`, so a request made
 * mostly of base64 images costs a few searches, not a loop over every character. Run it on text JSON.parse
 * accepted: it relies on the text being well-formed.
 */

/** Deepest nesting of objects and arrays a request may have. Real requests stay far below it. */
export const MAX_JSON_DEPTH = 128;

export type JsonBodyProblem =
  { kind: 'depth'; limit: number; path: string } | { kind: 'duplicate-key'; key: string; path: string };

interface Frame {
  /** Keys seen so far (objects only; created on the second key, the first cannot collide). */
  keys?: Set<string>;
  first?: string;
  isObject: boolean;
  /** The key or index this container sits under in its parent, for the path in messages. */
  label: string;
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opened at `open`. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

function pathOf(stack: Frame[], limit = stack.length): string {
  let path = '';
  // stack[0] stands for "outside the document", stack[1] is the body itself: neither has a name.
  const end = Math.min(limit, stack.length);
  for (let i = 2; i < end; i++) {
    const label = stack[i].label;
    path += /^\d+$/.test(label) ? `[${label}]` : path === '' ? label : `.${label}`;
  }
  return end < stack.length ? `${path}…` : path;
}

/** The first problem in well-formed JSON `text`, or undefined. */
export function inspectJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonBodyProblem | undefined {
  const stack: Frame[] = [{ isObject: false, label: '', index: 0 }];
  /** The key just read in the current object, waiting for its value. */
  let pendingKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const top = stack[stack.length - 1];
      // A string is a key when it sits in an object and a colon follows it.
      if (top.isObject && nextSignificant(text, end + 1) === 0x3a) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.first === undefined) top.first = key;
        else {
          top.keys ??= new Set([top.first]);
          if (top.keys.has(key)) {
            return { kind: 'duplicate-key', key, path: pathOf(stack) };
          }
          top.keys.add(key);
        }
        pendingKey = key;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      const parent = stack[stack.length - 1];
      const label = parent.isObject ? pendingKey : String(parent.index);
      stack.push({ isObject: c === 0x7b, label, index: 0 });
      if (stack.length - 1 > maxDepth) return { kind: 'depth', limit: maxDepth, path: pathOf(stack, 14) };
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      stack[stack.length - 1].index++;
    }
  }
  return undefined;
}

function nextSignificant(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return -1;
}

/** The message a client sees for a problem. */
export function describeJsonProblem(problem: JsonBodyProblem): string {
  const where = problem.path ? ` (at ${problem.path})` : '';
  return problem.kind === 'depth'
    ? `The request body nests JSON objects and arrays more than ${problem.limit} levels deep${where}; the gateway accepts at most ${problem.limit}.`
    : `The request body repeats the key '${problem.key}' in one object${where}; each key may appear once.`;
}
