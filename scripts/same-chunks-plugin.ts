// The slim remote compiler emits only its own files: every chunk its manifest names that the full build also wrote
// must be there byte for byte, or the build fails (two entries naming one set of chunks).
import path from 'node:path';
import type { Compilation, Compiler } from 'webpack';

type ReadFile = (file: string, callback: (error: NodeJS.ErrnoException | null, data?: Buffer | string) => void) => void;

interface ManifestAssets {
  js: { sync: string[]; async: string[] };
  css: { sync: string[]; async: string[] };
}

/** Every file the slim manifest names (its entry, the chunks of each expose and shared package); null without one. */
function namedBy(compilation: Compilation, manifestName: string): Set<string> | null {
  const asset = compilation.getAsset(manifestName);
  if (!asset) return null;
  const manifest = JSON.parse(asset.source.source().toString()) as {
    metaData: { remoteEntry: { name: string } };
    exposes: { assets: ManifestAssets }[];
    shared: { assets: ManifestAssets }[];
  };
  const files = [...manifest.exposes, ...manifest.shared].flatMap(({ assets }) => [...assets.js.sync, ...assets.js.async, ...assets.css.sync, ...assets.css.async]);
  return new Set([manifest.metaData.remoteEntry.name, ...files]);
}

export class SameChunksAsFull {
  constructor(private readonly manifestName: string) {}

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SameChunksAsFull', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        // After every other stage: the manifest and the minified, hashed chunks are final here.
        { name: 'SameChunksAsFull', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT + 1 },
        async () => {
          const output = compilation.outputOptions.path ?? '';
          const fs = compiler.outputFileSystem as unknown as { readFile: ReadFile };
          const read = (file: string) =>
            new Promise<Buffer | null>((resolve) => fs.readFile(file, (error, data) => resolve(error || data === undefined ? null : Buffer.from(data))));
          const named = namedBy(compilation, this.manifestName);
          for (const name of Object.keys(compilation.assets)) {
            const existing = await read(path.join(output, name));
            if (!existing) continue; // the slim build's own file (its entry, its manifest)
            const same = existing.equals(compilation.getAsset(name)!.source.buffer());
            // A file the slim manifest does not name (a dev page's bundle) is the full build's to write.
            if (same || (named && !named.has(name))) compilation.deleteAsset(name);
            else compilation.errors.push(new WebpackError(`slim remote: ${name} differs from the full build's copy; both entries must load the same chunks`));
          }
        },
      );
    });
  }
}
