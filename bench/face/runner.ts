// The bench page's own script: times one candidate from its import to its first detection on the fake camera, then
// runs it on the fixture frames. Built apart from the candidates, so their bytes are what the network log shows.
import type { Detect } from './candidates/types';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));

async function camera(): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
  await video.play();
  while (video.readyState < 2 || !video.videoWidth) await new Promise((r) => setTimeout(r, 10));
  return video;
}

let detect: Detect | undefined;

/** Camera and detector start together, as in the widget; the clock stops at the first detection that finds a face. */
async function first(candidate: string) {
  const start = performance.now();
  const video = camera();
  // A URL in a variable: the bundler leaves this import to the browser.
  const href = new URL(`/${candidate}.js`, location.href).href;
  const module = (await import(href)) as { load: () => Promise<Detect> };
  detect = await module.load();
  const loadedMs = performance.now() - start;
  const v = await video;
  for (let tries = 0; tries < 20; tries++) {
    const faces = await detect(v, v.videoWidth, v.videoHeight);
    if (faces.length > 0) return { loadedMs, firstDetectionMs: performance.now() - start, tries: tries + 1, faces };
  }
  return { loadedMs, firstDetectionMs: null, tries: 20, faces: [] };
}

/** Each fixture frame (raw RGBA from the bench server) through the loaded detector: boxes and time per detection. */
async function frames(names: string[]) {
  if (!detect) throw new Error('first() has not loaded a detector');
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  const out: { name: string; faces: Awaited<ReturnType<Detect>>; ms: number }[] = [];
  for (const name of names) {
    const bytes = new Uint8ClampedArray(await (await fetch(`/frames/${name}`)).arrayBuffer());
    context.putImageData(new ImageData(bytes, 640, 480), 0, 0);
    const t = performance.now();
    const faces = await detect(canvas, 640, 480);
    out.push({ name, faces, ms: performance.now() - t });
  }
  return out;
}

(window as unknown as { bench: unknown }).bench = { first, frames, violations };
