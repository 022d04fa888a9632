// Target 1: sizes, gzip and brotli, of what hosts download: scripts/size-budget.ts's evaluate() plus the face weights.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { evaluate, measureFile, type Row, readBudgets } from '../scripts/size-budget';
import { type FetchedFile, packagesIn, type Totals, totals } from './network';

export interface SizeRow {
  target: string;
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Sizes {
  remoteEntry: SizeRow;
  /** Each expose's initial download, own code only (shared singletons excluded). */
  exposes: SizeRow[];
  /** Every lazily loaded chunk, one row each, and the shared axios fallback. */
  lazyFiles: SizeRow[];
  /** The face detector: face-api's chunk, the detector chunk and the model weights (dist/assets). */
  faceDetector: { files: FetchedFile[]; totals: Totals };
  weights: SizeRow[];
  axiosFallback: SizeRow | null;
  problems: string[];
}

const toRow = (r: Row): SizeRow => ({ target: r.target, files: r.files, raw: r.raw, gzip: r.gzip, brotli: r.brotli });

function fileRow(dist: string, file: string): SizeRow {
  return { target: file, files: [file], ...measureFile(path.join(dist, file)) };
}

export function measureSizes(dist: string): Sizes {
  const { initial, lazy, problems } = evaluate(dist, readBudgets());
  const [entry, ...exposes] = initial.map(toRow);
  if (!entry) throw new Error('size-budget evaluate() returned no remoteEntry row');
  const assets = path.join(dist, 'assets');
  const weights = existsSync(assets) ? readdirSync(assets).sort().map((file) => fileRow(dist, `assets/${file}`)) : [];
  const lazyFiles = lazy.map(toRow);
  const detectorFiles = lazyFiles
    .filter((row) => row.files.length === 1 && (row.target.startsWith('face-detector.') || packagesIn(dist, row.target).has('@vladmandic/face-api')))
    .map((row) => ({ file: row.target, transferred: row.raw, gzip: row.gzip, brotli: row.brotli, kind: 'face detector' }));
  const detector = [...detectorFiles, ...weights.map((w) => ({ file: w.target, transferred: w.raw, gzip: w.gzip, brotli: w.brotli, kind: 'model weights' }))];
  return {
    remoteEntry: entry,
    exposes,
    lazyFiles,
    faceDetector: { files: detector, totals: totals(detector) },
    weights,
    axiosFallback: lazyFiles.find((row) => row.target.startsWith('axios')) ?? null,
    problems,
  };
}
