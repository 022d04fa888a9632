// `npx tsx bench/face/run.ts [rounds]` (after `npm install --prefix bench/face`): the face detection candidates under a
// strict CSP (no 'unsafe-eval', no 'wasm-unsafe-eval'), nothing from a CDN. For each: gzip bytes fetched from its import
// to its first detection (code + weights), time to first detection on the fake camera (face-a video), interleaved
// rounds with a fresh context each, and agreement with face-api's bundled build on the fixture frames.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import express from 'express';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, FULL_CHROMIUM } from '../../e2e/browser';
import { FACE_VIDEOS, type FaceVideoName, faceVideoFrame, fromI420, toI420 } from '../../e2e/fixtures/face-frames';
import { faceVideo } from '../../e2e/helpers/biometrics';
import { type FaceBox, guidanceFor } from '../../src/widgets/face-verify/guide';
import { iou } from '../../src/widgets/face-verify/tiny-face-net';

const ROOT = path.resolve(__dirname, '../..');
const HERE = __dirname;
const CANDIDATES = ['today', 'tfjs-custom', 'tiny-net', 'blazeface-tfjs', 'shape-detection'] as const;
type Candidate = (typeof CANDIDATES)[number];
const FRAMES_PER_VIDEO = 6;
const ROUNDS = Number(process.argv[2] ?? 5);

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** face-api's no-bundle build imports the full tfjs and two backends: here tfjs-core alone, the backends left out. */
const customTfjs: Plugin = {
  name: 'custom-tfjs',
  setup(b) {
    b.onResolve({ filter: /^@tensorflow\/tfjs\/dist\/index\.js$/ }, () => ({ path: path.join(HERE, 'node_modules/@tensorflow/tfjs-core/dist/index.js') }));
    b.onResolve({ filter: /^@tensorflow\/tfjs-backend-(webgl|wasm)\/dist\/index\.js$/ }, () => ({ path: 'none', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}', loader: 'js' }));
  },
};

/** long.js (in face-api's bundle and under tfjs-core) probes WebAssembly: a strict CSP violation; the probe fails first, as the remote's build once did. */
const noWasmProbe: Plugin = {
  name: 'no-wasm-probe',
  setup(b) {
    b.onLoad({ filter: /(@vladmandic[\\/]face-api[\\/]dist[\\/]face-api\.esm|[\\/]long[\\/]src[\\/]long)\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').split('new WebAssembly.Instance(new WebAssembly.Module(').join('((probe) => { throw probe; })(('),
      loader: 'js',
    }));
  },
};

async function bundle(out: string): Promise<void> {
  const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2020', minify: true, logLevel: 'error', outdir: out } as const;
  await build({ ...common, entryPoints: { runner: path.join(HERE, 'runner.ts') } });
  await build({
    ...common,
    entryPoints: Object.fromEntries(CANDIDATES.map((c) => [c, path.join(HERE, 'candidates', `${c}.ts`)])),
    plugins: [customTfjs, noWasmProbe],
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['@mediapipe/face_detection'],
  });
}

const framePixels = new Map<string, Buffer>();
const frameNames = FACE_VIDEOS.flatMap((video) => Array.from({ length: FRAMES_PER_VIDEO }, (_, i) => `${video}-${i}`));

function frame(name: string): Buffer {
  let pixels = framePixels.get(name);
  if (!pixels) {
    const at = name.lastIndexOf('-');
    const raw = faceVideoFrame(name.slice(0, at) as FaceVideoName, Number(name.slice(at + 1)));
    // What the fake camera shows: the frame through the video's I420.
    pixels = Buffer.from(fromI420(toI420(raw), raw.width, raw.height).data);
    framePixels.set(name, pixels);
  }
  return pixels;
}

function serve(out: string, served: string[]) {
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', POLICY);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><html lang="en"><title>face bench</title><script type="module" src="/runner.js"></script></html>');
  });
  app.get(/\/frames\/(.+)$/, (req, res) => {
    res.type('application/octet-stream').send(frame(String((req.params as Record<string, string>)[0])));
  });
  app.get(/@vladmandic\/face-api\/model\/([\w.-]+)$/, (req, res) => {
    const file = path.join(ROOT, 'node_modules/@vladmandic/face-api/model', String((req.params as Record<string, string>)[0]));
    served.push(file);
    res.sendFile(file);
  });
  app.get(/^\/([\w.-]+\.js)$/, (req, res) => {
    const file = path.join(out, String((req.params as Record<string, string>)[0]));
    if (!file.endsWith('runner.js')) served.push(file);
    res.type('js').sendFile(file);
  });
  return app;
}

/** A step that hangs counts as that candidate's failure, not the bench's. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : Number.NaN;
};

interface Outcome {
  error?: string;
  firstMs: number[];
  loadedMs: number[];
  detectMs: number[];
  bytes: { file: string; gzipKb: number }[];
  frames?: { name: string; faces: FaceBox[] }[];
  violations: string[];
}

async function main() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'face-bench-'));
  await bundle(out);
  const served: string[] = [];
  const server = serve(out, served).listen(0, 'localhost');
  await new Promise((r) => server.once('listening', r));
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: FULL_CHROMIUM,
    args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${faceVideo('face-a')}`],
  });
  const outcomes = new Map<Candidate, Outcome>(CANDIDATES.map((c) => [c, { firstMs: [], loadedMs: [], detectMs: [], bytes: [], violations: [] }]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const candidate of CANDIDATES) {
        const o = outcomes.get(candidate)!;
        if (o.error) continue;
        const context = await browser.newContext();
        const page = await context.newPage();
        console.error(`round ${round + 1}/${ROUNDS}: ${candidate}`);
        try {
          await page.goto(url);
          await page.waitForFunction(() => 'bench' in window);
          served.length = 0;
          const first = await within(150_000, page.evaluate((c) => (window as never as { bench: { first(c: string): Promise<{ loadedMs: number; firstDetectionMs: number | null }> } }).bench.first(c), candidate));
          if (first.firstDetectionMs === null) throw new Error('no face found in 20 detections on the face-a camera');
          o.firstMs.push(first.firstDetectionMs);
          o.loadedMs.push(first.loadedMs);
          if (round === 0) {
            o.bytes = [...new Set(served)].map((file) => ({ file: path.basename(file), gzipKb: gzipKb(file) }));
            const frames = await within(180_000, page.evaluate((names) => (window as never as { bench: { frames(n: string[]): Promise<{ name: string; faces: FaceBox[]; ms: number }[]> } }).bench.frames(names), frameNames));
            o.frames = frames;
            o.detectMs.push(...frames.map((f) => f.ms));
          }
        } catch (error) {
          o.error = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
          if (o.bytes.length === 0) o.bytes = [...new Set(served)].map((file) => ({ file: path.basename(file), gzipKb: gzipKb(file) }));
        }
        o.violations.push(...(await page.evaluate(() => (window as never as { bench: { violations: string[] } }).bench.violations).catch(() => [])));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  report(outcomes);
}

function agreement(mine: Outcome['frames'], base: Outcome['frames']) {
  if (!mine || !base) return undefined;
  let sameCount = 0;
  let sameGuidance = 0;
  const ious: number[] = [];
  for (const [i, f] of mine.entries()) {
    const b = base[i]!;
    if (f.faces.length === b.faces.length) sameCount++;
    if (guidanceFor(f.faces, 640, 480) === guidanceFor(b.faces, 640, 480)) sameGuidance++;
    for (const box of b.faces) ious.push(Math.max(0, ...f.faces.map((x) => iou(x, box))));
  }
  return { frames: mine.length, sameCount, sameGuidance, meanIou: ious.reduce((a, b) => a + b, 0) / (ious.length || 1), minIou: Math.min(...ious) };
}

function report(outcomes: Map<Candidate, Outcome>) {
  const base = outcomes.get('today')?.frames;
  console.log(`| candidate | gzip KB to first detection (code + weights) | first detection, median ms (${ROUNDS} rounds) | one detection, median ms | same face count / same guidance (of frames) | box IoU vs today, mean (min) | CSP violations |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [candidate, o] of outcomes) {
    const total = o.bytes.reduce((s, b) => s + b.gzipKb, 0);
    const a = agreement(o.frames, base);
    const cells = [
      candidate,
      `${total.toFixed(1)} (${o.bytes.map((b) => `${b.file} ${b.gzipKb.toFixed(1)}`).join(', ')})`,
      o.firstMs.length ? median(o.firstMs).toFixed(0) : `— ${o.error ?? ''}`,
      o.detectMs.length ? median(o.detectMs).toFixed(0) : '—',
      a ? `${a.sameCount}/${a.frames} / ${a.sameGuidance}/${a.frames}` : '—',
      a ? `${a.meanIou.toFixed(3)} (${a.minIou.toFixed(3)})` : '—',
      String(new Set(o.violations).size ? [...new Set(o.violations)].join('; ') : 0),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  for (const [candidate, o] of outcomes) {
    if (!o.frames) continue;
    console.log(`\n${candidate}: ${o.frames.map((f) => `${f.name}:${f.faces.length}`).join(' ')}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
