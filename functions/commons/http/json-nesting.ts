/**
 * How deep a JSON text may nest arrays and objects: 500 levels, at every
 * endpoint of the project (the HTTP API, and on the local stack the Step
 * Functions input, the EventBridge Detail and the request bodies of the
 * three awsJson endpoints).
 *
 * No AWS service documents a nesting limit (Step Functions documents
 * 256 KiB of input, EventBridge 256 KB an entry and a Detail that is a JSON
 * object), so this one is the project's own. It sits well below what the
 * local stack can carry, measured on Node 24 (default stack): JSON.parse
 * takes 200,000 levels and more, but JSON.stringify overflows the stack
 * at about 4,450 and structuredClone at about 1,645 levels of objects
 * (3,290 of arrays), and a create execution whose input nested about
 * 1,640 levels failed to publish its terminal event. A request of the
 * contract nests 3.
 */
export const maxJsonNestingDepth = 500;

const quote = 0x22;
const backslash = 0x5c;
const openers = new Set([0x5b, 0x7b]);
const closers = new Set([0x5d, 0x7d]);

/**
 * The deepest nesting of arrays and objects in `text`, read in one
 * iterative pass without parsing it (brackets inside strings do not
 * count), so any text, valid JSON or not, costs no stack. Stops as soon
 * as the nesting passes `stopAbove`.
 */
export const jsonNestingDepth = (
  text: string,
  stopAbove = Number.POSITIVE_INFINITY,
): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === backslash) index += 1;
      else if (code === quote) inString = false;
    } else if (code === quote) {
      inString = true;
    } else if (openers.has(code)) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (closers.has(code)) {
      depth -= 1;
    }
  }
  return deepest;
};

/** Whether `text` nests arrays and objects deeper than `limit` levels. */
export const nestsTooDeep = (
  text: string,
  limit = maxJsonNestingDepth,
): boolean => jsonNestingDepth(text, limit) > limit;

/** The rule in words, for error messages. */
export const nestingRule = `must not nest arrays and objects more than ${maxJsonNestingDepth} levels deep`;
