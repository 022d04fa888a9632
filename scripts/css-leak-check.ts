// `npm run test:css-leaks [-- --dist <dir>]`: no rule of the CSS the built remote ships to hosts may reach outside
// the cashier. Every selector must start at a cashier element (a `.cashier-*` class) or the shadow host (`:host`);
// no element, `:root`, `html`, `body` or `*` rule at the top level; @font-face and @keyframes names carry the prefix.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss, { type AtRule, type Root, type Rule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

const ROOT = path.resolve(__dirname, '..');
const PREFIX = 'cashier';
const ANCHOR_CLASS = /^cashier-/;
const GLOBAL_TAGS = new Set(['html', 'body']);

export interface Leak {
  file: string;
  line?: number;
  what: string;
}

type Selector = selectorParser.Selector;
type Node = selectorParser.Node;

/** The nodes of a selector up to its first combinator: the element the whole selector is anchored on. */
function firstCompound(selector: Selector): Node[] {
  const nodes: Node[] = [];
  for (const node of selector.nodes) {
    if (node.type === 'combinator') break;
    if (node.type !== 'comment') nodes.push(node);
  }
  return nodes;
}

/** A compound is anchored when it names a cashier class or the shadow host, or is an :is()/:where() of anchored ones. */
function anchored(compound: Node[]): boolean {
  return compound.some((node) => {
    if (node.type === 'class') return ANCHOR_CLASS.test(node.value);
    if (node.type === 'pseudo' && (node.value === ':host' || node.value === ':host-context')) return node.value === ':host';
    if (node.type === 'pseudo' && [':is', ':where', ':matches'].includes(node.value) && node.nodes.length) {
      return node.nodes.every((inner) => anchored(firstCompound(inner)));
    }
    return false;
  });
}

/** Global element, `:root`, `html` or `body` anywhere in a selector (e.g. `body .cashier-x` restyles by the page's state). */
function globalPart(selector: Selector): string | null {
  let found: string | null = null;
  selector.walk((node) => {
    if (found) return;
    if (node.type === 'tag' && GLOBAL_TAGS.has(node.value.toLowerCase())) found = node.value;
    if (node.type === 'pseudo' && node.value === ':root') found = ':root';
  });
  return found;
}

function insideKeyframes(rule: Rule): boolean {
  for (let parent: postcss.Node | undefined = rule.parent as postcss.Node | undefined; parent; parent = parent.parent as postcss.Node | undefined) {
    if (parent.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return true;
  }
  return false;
}

/** Every rule of `css` that can match or name something outside the cashier. */
export function findLeaks(css: string, file: string): Leak[] {
  const leaks: Leak[] = [];
  const root: Root = postcss.parse(css, { from: file });
  root.walkRules((rule) => {
    if (insideKeyframes(rule)) return;
    const line = rule.source?.start?.line;
    selectorParser((selectors) => {
      selectors.each((selector) => {
        const text = selector.toString().trim();
        const global = globalPart(selector);
        if (global) leaks.push({ file, line, what: `selector "${text}" uses the global ${global}` });
        else if (!anchored(firstCompound(selector))) leaks.push({ file, line, what: `selector "${text}" is not anchored to a .cashier-* element or :host` });
      });
    }).processSync(rule.selector);
  });
  root.walkAtRules((at) => {
    const line = at.source?.start?.line;
    if (/keyframes$/i.test(at.name) && !at.params.trim().startsWith(`${PREFIX}-`)) {
      leaks.push({ file, line, what: `@${at.name} "${at.params}" lacks the ${PREFIX}- prefix` });
    }
    if (at.name.toLowerCase() === 'font-face') {
      at.walkDecls(/^font-family$/i, (decl) => {
        if (!decl.value.replace(/["']/g, '').trim().startsWith(PREFIX)) leaks.push({ file, line, what: `@font-face "${decl.value}" lacks the ${PREFIX} prefix` });
      });
    }
  });
  return leaks;
}

/** The checker itself must catch each of these, or it would pass anything. */
const MUST_CATCH = [
  'button{all:unset}',
  ':root{--x:1}',
  'html,body{margin:0}',
  '*{box-sizing:border-box}',
  '.host-form .cashier-x{color:red}',
  '.cashier-x,div{color:red}',
  'body .cashier-x{color:red}',
  ':where(.cashier-x, p){color:red}',
  '@keyframes pulse{to{opacity:0}}',
  "@font-face{font-family:'Inter';src:url(a.woff2)}",
];
const MUST_PASS = [
  ':where(.cashier-root,.cashier-shell-backdrop) :where(:not(svg *)):not(cashier-a){all:revert}',
  ':host{display:block}',
  '.cashier-pk-keys>:nth-child(10){grid-column:2}',
  ':is(.cashier-a,.cashier-b) p{margin:0}',
  '@keyframes cashier-pulse{50%{opacity:.4}}',
  '@media (prefers-color-scheme:dark){.cashier-root{color:#fff}}',
];

function selfTest(): string[] {
  const failures: string[] = [];
  for (const css of MUST_CATCH) if (!findLeaks(css, 'self-test').length) failures.push(`missed a leak in ${css}`);
  for (const css of MUST_PASS) for (const leak of findLeaks(css, 'self-test')) failures.push(`false alarm on ${css}: ${leak.what}`);
  return failures;
}

interface ManifestAssets {
  css: { sync: string[]; async: string[] };
}
interface Manifest {
  shared?: { assets: ManifestAssets }[];
  exposes?: { assets: ManifestAssets }[];
}

/** The stylesheets a host can load: every CSS asset the manifest names (exposes and shared packages). */
function shippedCss(dist: string): { shipped: string[]; other: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'mf-manifest.json'), 'utf8')) as Manifest;
  const named = new Set<string>();
  for (const entry of [...(manifest.exposes ?? []), ...(manifest.shared ?? [])]) {
    for (const file of [...entry.assets.css.sync, ...entry.assets.css.async]) named.add(file);
  }
  const all = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
  return { shipped: all.filter((f) => named.has(f)), other: all.filter((f) => !named.has(f)) };
}

function main(): void {
  const at = process.argv.indexOf('--dist');
  const dist = path.resolve(ROOT, at > 0 ? (process.argv[at + 1] ?? 'dist') : 'dist');
  const broken = selfTest();
  if (broken.length) {
    console.error(`css-leak-check: the checker itself is wrong:\n  ${broken.join('\n  ')}`);
    process.exit(1);
  }
  if (!existsSync(path.join(dist, 'mf-manifest.json'))) {
    console.error(`css-leak-check: no build in ${dist} (run npm run build first)`);
    process.exit(1);
  }
  const { shipped, other } = shippedCss(dist);
  if (!shipped.length) {
    console.error('css-leak-check: the manifest names no stylesheet; nothing was checked');
    process.exit(1);
  }
  const leaks = shipped.flatMap((file) => findLeaks(readFileSync(path.join(dist, file), 'utf8'), file));
  let rules = 0;
  for (const file of shipped) postcss.parse(readFileSync(path.join(dist, file), 'utf8')).walkRules(() => void rules++);
  if (leaks.length) {
    console.error(`css-leak-check: ${leaks.length} rule(s) can reach outside the cashier:`);
    for (const leak of leaks) console.error(`  ${leak.file}${leak.line ? `:${leak.line}` : ''}  ${leak.what}`);
    process.exit(1);
  }
  const skipped = other.length ? `; not shipped to hosts, not checked: ${other.join(', ')}` : '';
  console.log(`css-leak-check: ${shipped.length} stylesheet(s), ${rules} rules, no leak${skipped}`);
}

if (require.main === module) main();
