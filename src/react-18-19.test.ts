// Code shape the Biome plugin (scripts/lint/react-18-19.grit) cannot see: hosts may lend React 18.2+, so no context
// renders as its own provider and no function component takes `ref` as a plain prop (both React 19 only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

interface Source {
  file: string;
  text: string;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Names bound to `createContext(...)` anywhere in the sources. */
function contextNames(sources: Source[]): Set<string> {
  const names = new Set<string>();
  for (const { text } of sources) {
    for (const match of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:React\.)?createContext\b/g)) {
      names.add(match[1] ?? '');
    }
  }
  return names;
}

/** `<SomeContext value=…>`: a context used as its own provider (React 19), instead of `<SomeContext.Provider>`. */
function contextAsProvider(sources: Source[]): string[] {
  const names = [...contextNames(sources)];
  if (names.length === 0) return [];
  const tag = new RegExp(`<(${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?=[\\s/>])`, 'g');
  return sources.flatMap(({ file, text }) => [...text.matchAll(tag)].map((m) => `${file}:${lineOf(text, m.index ?? 0)} <${m[1]}>`));
}

const REF_PATTERNS: [RegExp, string][] = [
  // function Field({ label, ref }: Props) / const Field = ({ ref, ...rest }) =>
  [/\bfunction\s+[A-Z][\w$]*\s*(?:<[^>]*>)?\s*\(\s*\{[^}]*\bref\b[^}]*\}/g, 'a component destructures `ref` from its props'],
  [/\b(?:const|let)\s+[A-Z][\w$]*\s*(?::[^=]+)?=\s*(?:memo\()?\s*\(\s*\{[^}]*\bref\b[^}]*\}/g, 'a component destructures `ref` from its props'],
  [/\bprops\.ref\b/g, 'a component reads props.ref'],
  // interface Props { ref?: Ref<HTMLInputElement> }
  [/^\s*(?:readonly\s+)?ref\??\s*:/gm, 'a props type declares `ref`'],
];

/** `ref` passed as a plain prop to a function component: React 18 strips it unless the component uses forwardRef. */
function refAsProp(sources: Source[]): string[] {
  return sources.flatMap(({ file, text }) => {
    if (/\bforwardRef\b/.test(text)) return [];
    return REF_PATTERNS.flatMap(([pattern, what]) => [...text.matchAll(pattern)].map((m) => `${file}:${lineOf(text, m.index ?? 0)} ${what}`));
  });
}

describe('the detectors', () => {
  const sample = (text: string): Source[] => [{ file: 'sample.tsx', text }];

  test('find a context rendered as its own provider, not <Context.Provider>', () => {
    const code = `const ThemeCtx = createContext(1);\nconst a = <ThemeCtx value={2}><b /></ThemeCtx>;\nconst b = <ThemeCtx.Provider value={2} />;`;
    expect(contextAsProvider(sample(code))).toEqual(['sample.tsx:2 <ThemeCtx>']);
    expect(contextAsProvider(sample('const X = createContext(0);\n<X.Provider value={1} />'))).toEqual([]);
  });

  test('find ref taken as a plain prop, but not through forwardRef or in a `videoRef` prop', () => {
    expect(refAsProp(sample('export function Field({ label, ref }: Props) { return null; }'))).toHaveLength(1);
    expect(refAsProp(sample('const Field = ({ ref, ...rest }: Props) => null;'))).toHaveLength(1);
    expect(refAsProp(sample('interface Props {\n  ref?: Ref<HTMLInputElement>;\n}'))).toHaveLength(1);
    expect(refAsProp(sample('function F(props: P) { return <input ref={props.ref} />; }'))).toHaveLength(1);
    expect(refAsProp(sample('const F = forwardRef(function F({ label }: P, ref) { return null; });'))).toEqual([]);
    expect(refAsProp(sample('interface P {\n  videoRef: RefObject<HTMLVideoElement>;\n}\nfunction F({ videoRef }: P) {}'))).toEqual([]);
  });
});

describe('src/ keeps to what React 18 and 19 both offer', () => {
  const sources = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));
  // The detectors' own fixtures are strings in this file.
  const checked = sources.filter((s) => s.file !== path.basename(__filename));

  test('reads the sources', () => {
    expect(checked.length).toBeGreaterThan(50);
    expect(contextNames(checked).size).toBeGreaterThan(0);
  });

  test('no context renders as its own provider', () => {
    expect(contextAsProvider(checked)).toEqual([]);
  });

  test('no function component takes `ref` as a plain prop', () => {
    expect(refAsProp(checked)).toEqual([]);
  });
});
