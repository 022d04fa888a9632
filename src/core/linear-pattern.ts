// Pattern rules from the server, matched in linear time: a small regular-expression subset compiled to a Thompson NFA
// and run as a set of states (no backtracking), so no pattern, however hostile, can hang the page or the server.
// Supported: literals and escapes, . \d \D \w \W \s \S, [classes] with ranges, (groups), (?:groups), |, * + ? {n}
// {n,} {n,m} (lazy suffixes accepted), ^ and $. Everything else (back-references, look-arounds, \b, \p{..}, named
// groups, flags) is refused at compile time. A compiled pattern always matches the whole input.

/** The pattern cannot be compiled (bad syntax, unsupported feature, too large): the check using it fails closed. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

/** Upper bound on NFA states (counted repetitions are expanded); keeps compile and match cost bounded too. */
export const MAX_PATTERN_STATES = 4000;
const MAX_REPEAT = 1000;

type Range = readonly [number, number];
interface CharSet {
  ranges: Range[];
  negated: boolean;
}

type Node =
  | { kind: 'char'; set: CharSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'start' }
  | { kind: 'end' };

const DIGIT: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
// JS \s: whitespace and line terminators.
const SPACE: Range[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f],
  [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: Range[] = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const SYNTAX = new Set('^$\\.*+?()[]{}|/-');
const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0 };

const single = (cp: number): CharSet => ({ ranges: [[cp, cp]], negated: false });
const singleCodePoint = (set: CharSet): number | undefined => {
  const [range] = set.ranges;
  return set.ranges.length === 1 && !set.negated && range && range[0] === range[1] ? range[0] : undefined;
};
const inSet = (set: CharSet, cp: number) => set.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) !== set.negated;

/** Recursive-descent parser over code points (the 'u' flag's view of the pattern). */
class Parser {
  private pos = 0;
  private readonly cps: number[];
  private depth = 0;

  constructor(source: string) {
    this.cps = Array.from(source, (c) => c.codePointAt(0) as number);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.cps.length) this.fail(this.peek() === ')' ? 'an unmatched ")"' : `an unexpected "${this.peek()}"`);
    return node;
  }

  private fail(what: string): never {
    throw new PatternError(`${what} at position ${this.pos} of the pattern`);
  }

  private peek(): string | undefined {
    const cp = this.cps[this.pos];
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private take(): string {
    const c = this.peek();
    if (c === undefined) this.fail('an unexpected end');
    this.pos++;
    return c;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) items.push(this.quantified());
    return { kind: 'seq', items };
  }

  private quantified(): Node {
    const atom = this.atom();
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (atom.kind === 'start' || atom.kind === 'end') this.fail('a quantified anchor');
    if (this.peek() === '?') this.pos++; // Lazy or greedy: the same strings match in full.
    if (this.quantifierAhead()) this.fail('a second quantifier');
    return { kind: 'repeat', node: atom, min: bounds[0], max: bounds[1] };
  }

  private quantifierAhead(): boolean {
    const c = this.peek();
    return c === '*' || c === '+' || c === '?' || (c === '{' && this.braceBounds(true) !== undefined);
  }

  /** [min, max] (max Infinity for unbounded) or undefined when no quantifier follows. */
  private quantifier(): [number, number] | undefined {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    if (c === '{') return this.braceBounds(false);
    return undefined;
  }

  private braceBounds(peekOnly: boolean): [number, number] | undefined {
    const rest = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 16));
    const match = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(rest);
    if (!match) {
      if (!peekOnly) this.fail('a "{" that is not a quantifier {n}, {n,} or {n,m} (escape it as \\{)');
      return undefined;
    }
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (peekOnly) return [min, max];
    if (max < min) this.fail('a quantifier {n,m} with m < n');
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) this.fail(`a repetition count above ${MAX_REPEAT}`);
    this.pos += match[0].length;
    return [min, max];
  }

  private atom(): Node {
    const c = this.take();
    switch (c) {
      case '^':
        return { kind: 'start' };
      case '$':
        return { kind: 'end' };
      case '.':
        return { kind: 'char', set: { ranges: LINE_TERMINATORS, negated: true } };
      case '[':
        return { kind: 'char', set: this.bracket() };
      case '\\':
        return { kind: 'char', set: this.escape(false) };
      case '(':
        return this.group();
      case '*':
      case '+':
      case '?':
        return this.fail(`a quantifier "${c}" with nothing to repeat`);
      case '{':
        return this.fail('a "{" with nothing to repeat (escape it as \\{)');
      case '}':
      case ']':
        return this.fail(`a lone "${c}" (escape it)`);
      default:
        return { kind: 'char', set: single(c.codePointAt(0) as number) };
    }
  }

  private group(): Node {
    if (this.peek() === '?') {
      this.pos++;
      if (this.take() !== ':') this.fail('a look-around or named group, which pattern rules do not support');
    }
    if (++this.depth > 32) this.fail('groups nested deeper than 32');
    const inner = this.alternation();
    this.depth--;
    if (this.peek() !== ')') this.fail('a "(" without its ")"');
    this.pos++;
    return inner;
  }

  private hex(digits: number): number {
    const text = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + digits));
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(text)) this.fail(`an escape that needs ${digits} hex digits`);
    this.pos += digits;
    return Number.parseInt(text, 16);
  }

  /** After a backslash: a class escape, a control escape, \xHH, \uHHHH or an escaped syntax character. */
  private escape(inBracket: boolean): CharSet {
    const c = this.take();
    if (c === 'd' || c === 'D') return { ranges: DIGIT, negated: c === 'D' };
    if (c === 'w' || c === 'W') return { ranges: WORD, negated: c === 'W' };
    if (c === 's' || c === 'S') return { ranges: SPACE, negated: c === 'S' };
    if (c in CONTROL_ESCAPES) {
      if (c === '0' && /\d/.test(this.peek() ?? '')) this.fail('an octal escape');
      return single(CONTROL_ESCAPES[c] as number);
    }
    if (c === 'x') return single(this.hex(2));
    if (c === 'u') return single(this.hex(4));
    if (SYNTAX.has(c) || (inBracket && c === 'b')) return single(c === 'b' ? 0x08 : (c.codePointAt(0) as number));
    return this.fail(`an escape "\\${c}" that pattern rules do not support`);
  }

  private bracket(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const ranges: Range[] = [];
    while (this.peek() !== ']') {
      const low = this.classAtom();
      if (low.negated) this.fail('a negated class escape (\\D, \\W, \\S) inside [...]');
      const rangeAhead = this.peek() === '-' && this.cps[this.pos + 1] !== undefined && this.cps[this.pos + 1] !== 0x5d;
      if (!rangeAhead) {
        ranges.push(...low.ranges);
        continue;
      }
      this.pos++;
      const high = this.classAtom();
      const lo = singleCodePoint(low);
      const hi = singleCodePoint(high);
      if (lo === undefined || hi === undefined) this.fail('a range whose end is a class');
      if (lo > hi) this.fail('a range out of order');
      ranges.push([lo, hi]);
    }
    this.pos++;
    return { ranges, negated };
  }

  private classAtom(): CharSet {
    const c = this.take();
    if (c === '\\') return this.escape(true);
    if (c === '[') this.fail('a nested "[" (escape it as \\[)');
    return single(c.codePointAt(0) as number);
  }
}

// The NFA: an array of states; `next`/`alt` are indices. Split states fork, char states consume one code point.
type State =
  | { op: 'char'; set: CharSet; next: number }
  | { op: 'split'; next: number; alt: number }
  | { op: 'start' | 'end'; next: number }
  | { op: 'match' };

class Builder {
  readonly states: State[] = [];

  private add(state: State): number {
    if (this.states.length >= MAX_PATTERN_STATES) throw new PatternError(`the pattern is too complex (over ${MAX_PATTERN_STATES} states)`);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Builds `node` so that it continues at `next`; returns its entry state. Built back to front. */
  build(node: Node, next: number): number {
    switch (node.kind) {
      case 'char':
        return this.add({ op: 'char', set: node.set, next });
      case 'start':
      case 'end':
        return this.add({ op: node.kind, next });
      case 'seq':
        return node.items.reduceRight((after, item) => this.build(item, after), next);
      case 'alt':
        return node.options
          .slice(0, -1)
          .reduceRight((rest, option) => this.add({ op: 'split', next: this.build(option, next), alt: rest }), this.build(node.options.at(-1) as Node, next));
      case 'repeat':
        return this.repeat(node.node, node.min, node.max, next);
    }
  }

  private repeat(node: Node, min: number, max: number, next: number): number {
    let entry = next;
    if (max === Infinity) {
      // A loop: split -> (node -> back to split) | next.
      const loop = this.add({ op: 'split', next: -1, alt: next });
      const body = this.build(node, loop);
      (this.states[loop] as { next: number }).next = body;
      entry = loop;
    } else {
      for (let i = 0; i < max - min; i++) entry = this.add({ op: 'split', next: this.build(node, entry), alt: next });
    }
    for (let i = 0; i < min; i++) entry = this.build(node, entry);
    return entry;
  }
}

/** A compiled pattern rule: `matches(input)` is true when the whole input matches. */
export interface LinearPattern {
  readonly source: string;
  readonly stateCount: number;
  /** `stats.steps` counts state visits: at most stateCount per input code point (plus one), i.e. linear. */
  matches(input: string, stats?: { steps: number }): boolean;
}

/** Compiles a pattern rule or throws PatternError saying why it cannot be used. */
export function compilePattern(source: string): LinearPattern {
  const builder = new Builder();
  const matchState = builder.states.push({ op: 'match' }) - 1;
  const start = builder.build(new Parser(source).parse(), matchState);
  const states = builder.states;
  return {
    source,
    stateCount: states.length,
    matches(input, stats) {
      const cps = Array.from(input, (c) => c.codePointAt(0) as number);
      const seen = new Int32Array(states.length).fill(-1);
      let current: number[] = [];
      let next: number[] = [];
      // Follows split and anchor states (epsilon moves) from `index`, once per position: the set stays <= states.length.
      const addState = (list: number[], index: number, pos: number) => {
        const stack = [index];
        while (stack.length > 0) {
          const i = stack.pop() as number;
          if (seen[i] === pos) continue;
          seen[i] = pos;
          if (stats) stats.steps++;
          const state = states[i] as State;
          if (state.op === 'split') stack.push(state.alt, state.next);
          else if (state.op === 'start') {
            if (pos === 0) stack.push(state.next);
          } else if (state.op === 'end') {
            if (pos === cps.length) stack.push(state.next);
          } else list.push(i);
        }
      };
      addState(current, start, 0);
      for (let pos = 0; pos < cps.length && current.length > 0; pos++) {
        const cp = cps[pos] as number;
        next = [];
        for (const i of current) {
          const state = states[i] as State;
          if (state.op === 'char' && inSet(state.set, cp)) addState(next, state.next, pos + 1);
        }
        current = next;
      }
      return current.some((i) => states[i]?.op === 'match');
    },
  };
}
