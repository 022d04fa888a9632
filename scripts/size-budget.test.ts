import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { facePathFiles, foreignFiles } from './size-budget';

let dist: string;
const put = (...files: string[]) => {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), '');
  }
};

beforeEach(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'cashier-dist-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('foreignFiles: dist/ holds only the remote', () => {
  test('a remote build passes: entry, manifest, types, hashed chunks, CSS, maps, assets', () => {
    put(
      'remoteEntry.js',
      'remoteEntry.js.map',
      'remoteEntry.slim.js',
      'remoteEntry.slim.js.map',
      'mf-manifest.json',
      'mf-stats.json',
      'mf-manifest.slim.json',
      'mf-manifest.slim-stats.json',
      '@mf-types.zip',
      '@mf-types.d.ts',
      '__federation_expose_CashierPage.f84a3fa4.js',
      '338.718b1735.js',
      '338.718b1735.js.map',
      'password-six-digit.da222500.css',
      'assets/tiny_face_detector_model.0a1b2c3d.bin',
    );
    expect(foreignFiles(dist)).toEqual([]);
  });

  test('the dev playground, the previews and their entry bundles are reported', () => {
    put('remoteEntry.js', 'index.html', 'previews.html', 'main.js', 'previews.js', 'main.js.map', 'nested/page.HTM');
    expect(foreignFiles(dist)).toEqual(['index.html', 'main.js', 'nested/page.HTM', 'previews.html', 'previews.js']);
  });

  test('a remote entry under another name is still allowed when named', () => {
    put('cashierEntry.js', 'remoteEntry.js');
    expect(foreignFiles(dist, ['cashierEntry.js'])).toEqual(['remoteEntry.js']);
  });
});

describe('facePathFiles: what the face step downloads before its first detection', () => {
  test('the detector chunk and the model files, without source maps or other chunks', () => {
    put(
      'face-detector.1a2b3c4d.js',
      'face-detector.1a2b3c4d.js.map',
      'assets/tiny_face_detector_model.0a1b2c3d.bin',
      'assets/tiny_face_detector_model-weights_manifest.5e6f7a8b.json',
      '338.718b1735.js',
    );
    expect(facePathFiles(dist, ['face-detector.', 'assets/tiny_face_detector_model'])).toEqual({
      files: ['assets/tiny_face_detector_model-weights_manifest.5e6f7a8b.json', 'assets/tiny_face_detector_model.0a1b2c3d.bin', 'face-detector.1a2b3c4d.js'],
      unmatched: [],
    });
  });

  test('a listed prefix that matches nothing is reported, so a renamed chunk cannot slip out of the budget', () => {
    put('face-detector.1a2b3c4d.js');
    expect(facePathFiles(dist, ['face-detector.', 'assets/tiny_face_detector_model']).unmatched).toEqual(['assets/tiny_face_detector_model']);
  });
});
