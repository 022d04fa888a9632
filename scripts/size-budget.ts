// `npm run test:size [-- --json] [-- --dist <dir>]`: what a host downloads for each expose of the built remote, gzip and brotli, against budgets;
// and that dist/ holds only the remote (no page, no dev bundle).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const KB = 1024;
const SLIM_MANIFEST = 'mf-manifest.slim.json';

export interface Budgets {
  remoteEntry: number;
  /** remoteEntry.slim.js (mf-manifest.slim.json): the container on the host's federation runtime. */
  slimRemoteEntry: number;
  exposes: Record<string, number>;
  lazyChunk: number;
  /** Looser budgets for lazy chunks that carry a big library (face detection), by package name. */
  lazyChunkByPackage?: Record<string, number>;
  sharedPackages: string[];
  sharedFallback?: Record<string, number>;
  /** Everything the face step downloads before its first detection: the detector chunk(s) and the model files. */
  facePath?: { kb: number; files: string[] };
}

/** The budgets in scripts/size-budget.config.json (each change there says why). */
export function readBudgets(): Budgets {
  return JSON.parse(readFileSync(path.join(ROOT, 'scripts/size-budget.config.json'), 'utf8')) as Budgets;
}

interface AssetLists {
  js: { sync: string[]; async: string[] };
  css: { sync: string[]; async: string[] };
}

interface Manifest {
  metaData: { remoteEntry: { name: string; path: string } };
  shared: { name: string; assets: AssetLists }[];
  exposes: { name: string; path: string; assets: AssetLists }[];
}

export interface Measured {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Row extends Measured {
  target: string;
  files: string[];
  budgetKb: number;
  over: boolean;
}

const sizeCache = new Map<string, Measured>();

/** Bytes on disk, gzip level 9 and brotli quality 11 of one file (each file travels as its own response). */
export function measureFile(file: string): Measured {
  const cached = sizeCache.get(file);
  if (cached) return cached;
  const content = readFileSync(file);
  const measured = {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  sizeCache.set(file, measured);
  return measured;
}

function sum(dist: string, files: readonly string[]): Measured {
  return files.reduce<Measured>(
    (total, file) => {
      const m = measureFile(path.join(dist, file));
      return { raw: total.raw + m.raw, gzip: total.gzip + m.gzip, brotli: total.brotli + m.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** The npm package a bundled source path comes from: '.../node_modules/@scope/pkg/x.js' -> '@scope/pkg'. */
export function packageOf(source: string): string | null {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return null;
  const parts = source.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

/** The bundled module paths of a JS chunk, from its source map (webpack's own runtime left out). */
function sourcesOf(dist: string, file: string): string[] {
  const map = path.join(dist, `${file}.map`);
  if (!file.endsWith('.js') || !existsSync(map)) return [];
  const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }).sources ?? [];
  return sources.filter((source) => !source.startsWith('webpack/') && !source.includes('/webpack/runtime/'));
}

/** True when every module in a JS chunk is from a shared singleton package. */
function onlySharedCode(dist: string, file: string, shared: ReadonlySet<string>): boolean {
  const sources = sourcesOf(dist, file);
  return sources.length > 0 && sources.every((source) => shared.has(packageOf(source) ?? ''));
}

/** A lazy chunk's budget: the loosest one of a listed package it contains, else the default. */
function lazyBudget(dist: string, file: string, budgets: Budgets): number {
  const byPackage = budgets.lazyChunkByPackage ?? {};
  const packages = new Set(sourcesOf(dist, file).map(packageOf));
  const listed = Object.entries(byPackage).filter(([name]) => packages.has(name)).map(([, kb]) => kb);
  return Math.max(budgets.lazyChunk, ...listed);
}

export function evaluate(dist: string, budgets: Budgets): { initial: Row[]; lazy: Row[]; problems: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'mf-manifest.json'), 'utf8')) as Manifest;
  const sharedPackages = new Set(budgets.sharedPackages);
  const sharedFiles = new Set(
    manifest.shared.flatMap(({ assets }) => [...assets.js.sync, ...assets.js.async, ...assets.css.sync, ...assets.css.async]),
  );
  const own = (files: readonly string[]) => files.filter((file) => !sharedFiles.has(file) && !onlySharedCode(dist, file, sharedPackages));
  const problems: string[] = [];
  const row = (target: string, files: string[], budgetKb: number): Row => {
    const measured = sum(dist, files);
    return { target, files, budgetKb, ...measured, over: measured.gzip > budgetKb * KB };
  };

  const entry = path.posix.join(manifest.metaData.remoteEntry.path, manifest.metaData.remoteEntry.name);
  const initial = [row(entry, [entry], budgets.remoteEntry)];
  const slimFile = path.join(dist, SLIM_MANIFEST);
  if (existsSync(slimFile)) {
    const slim = JSON.parse(readFileSync(slimFile, 'utf8')) as Manifest;
    const slimEntry = path.posix.join(slim.metaData.remoteEntry.path, slim.metaData.remoteEntry.name);
    initial.push(row(slimEntry, [slimEntry], budgets.slimRemoteEntry));
    // Both entries must load one set of chunks: a host switching entries downloads nothing twice.
    const assetsOf = (m: Manifest) => JSON.stringify(m.exposes.map(({ path: name, assets }) => [name, assets]));
    if (assetsOf(slim) !== assetsOf(manifest)) problems.push(`${SLIM_MANIFEST} names other expose chunks than mf-manifest.json`);
  } else {
    problems.push(`${SLIM_MANIFEST} is missing: the build writes both entries`);
  }
  const lazyFiles = new Set<string>();
  for (const expose of manifest.exposes) {
    const budget = budgets.exposes[expose.path];
    if (budget === undefined) {
      problems.push(`${expose.path} has no budget in scripts/size-budget.config.json`);
      continue;
    }
    initial.push(row(expose.path, own([...expose.assets.js.sync, ...expose.assets.css.sync]), budget));
    for (const file of own([...expose.assets.js.async, ...expose.assets.css.async])) lazyFiles.add(file);
  }
  for (const name of Object.keys(budgets.exposes)) {
    if (!manifest.exposes.some((expose) => expose.path === name)) problems.push(`${name} has a budget but is not exposed`);
  }
  const lazy = [...lazyFiles].sort().map((file) => row(file, [file], lazyBudget(dist, file, budgets)));
  // Shared but not singletons (axios): our own copy loads only when the host provides none; reported and budgeted apart.
  const fallbacks = manifest.shared
    .filter(({ name }) => !sharedPackages.has(name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')))
    .map(({ name, assets }) => row(`${name} (fallback)`, [...assets.js.sync, ...assets.js.async], budgets.sharedFallback?.[name] ?? budgets.lazyChunk));
  const face = budgets.facePath ? facePathRow(dist, budgets.facePath, row, problems) : [];
  return { initial, lazy: [...lazy, ...fallbacks, ...face], problems };
}

/** The face path's files: dist files (source maps left out) whose path starts with one of the prefixes; prefixes that match nothing. */
export function facePathFiles(dist: string, prefixes: readonly string[]): { files: string[]; unmatched: string[] } {
  const all = filesUnder(dist).filter((file) => !file.endsWith('.map'));
  const files = prefixes.flatMap((prefix) => all.filter((file) => file.startsWith(prefix)));
  return { files: [...new Set(files)].sort(), unmatched: prefixes.filter((prefix) => !all.some((file) => file.startsWith(prefix))) };
}

/** The face path as one sum, against its budget. */
function facePathRow(dist: string, face: NonNullable<Budgets['facePath']>, row: (t: string, f: string[], kb: number) => Row, problems: string[]): Row[] {
  const { files, unmatched } = facePathFiles(dist, face.files);
  for (const prefix of unmatched) problems.push(`facePath: no file in dist/ starts with ${prefix}`);
  return files.length ? [row('facePath (code + weights to first detection)', files, face.kb)] : [];
}

/** Every file under dir, as a '/'-separated path relative to dir. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

const CONTENT_HASHED_JS = /\.[0-9a-f]{8}\.js$/;

/**
 * What does not belong in a deployable remote: an HTML page (the dev playground shows fixture passwords and drives the
 * mock's fault injection) or a JavaScript file that is neither a remote entry nor a content-hashed chunk (an entry
 * bundle such as main.js or previews.js).
 */
export function foreignFiles(dist: string, remoteEntries: readonly string[] = ['remoteEntry.js', 'remoteEntry.slim.js']): string[] {
  return filesUnder(dist)
    .filter((file) => {
      if (/\.html?$/i.test(file)) return true;
      return file.endsWith('.js') && !remoteEntries.includes(file) && !CONTENT_HASHED_JS.test(file);
    })
    .sort();
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

function table(title: string, rows: Row[]): string {
  const header = ['', 'files', 'raw KB', 'gzip KB', 'brotli KB', 'budget KB', ''];
  const lines = rows.map((r) => [r.target, String(r.files.length), kb(r.raw), kb(r.gzip), kb(r.brotli), String(r.budgetKb), r.over ? 'OVER' : 'ok']);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [title, format(header), ...lines.map(format)].join('\n');
}

function main(): number {
  const distFlag = process.argv.indexOf('--dist');
  const dist = distFlag > 0 && process.argv[distFlag + 1] ? path.resolve(process.argv[distFlag + 1]!) : path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'mf-manifest.json'))) {
    console.error(`${path.relative(ROOT, dist) || dist}/mf-manifest.json is missing: run \`npm run build\` first`);
    return 1;
  }
  const { initial, lazy, problems } = evaluate(dist, readBudgets());
  for (const file of foreignFiles(dist)) problems.push(`${file} is not part of the remote: dist/ ships only the remote (pages and dev bundles are for \`npm start\`)`);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ initial, lazy, problems }, null, 2));
  } else {
    console.log(table('Initial download per expose (own code; shared singletons excluded):', initial));
    console.log('');
    console.log(table('Lazily loaded chunks and shared fallbacks (each on its own):', lazy));
    for (const r of initial.filter((x) => x.files.length > 1)) console.log(`  ${r.target}: ${r.files.join(', ')}`);
  }
  const over = [...initial, ...lazy].filter((r) => r.over);
  for (const r of over) problems.push(`${r.target} is ${kb(r.gzip)} KB gzip, over its ${r.budgetKb} KB budget`);
  for (const problem of problems) console.error(`size budget: ${problem}`);
  if (problems.length === 0) console.log(`size budget: all ${initial.length + lazy.length} targets within budget; dist/ holds only the remote`);
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exit(main());
