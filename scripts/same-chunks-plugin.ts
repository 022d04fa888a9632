// The slim remote compiler emits only its own files: every chunk it shares with the full build must already be in
// the output folder, byte for byte, or the build fails (two entries naming one set of chunks).
import path from 'node:path';
import type { Compiler } from 'webpack';

type ReadFile = (file: string, callback: (error: NodeJS.ErrnoException | null, data?: Buffer | string) => void) => void;

export class SameChunksAsFull {
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
          for (const name of Object.keys(compilation.assets)) {
            const existing = await read(path.join(output, name));
            if (!existing) continue; // the slim build's own file (its entry, its manifest)
            const mine = compilation.getAsset(name)!.source.buffer();
            if (existing.equals(mine)) compilation.deleteAsset(name);
            else compilation.errors.push(new WebpackError(`slim remote: ${name} differs from the full build's copy; both entries must load the same chunks`));
          }
        },
      );
    });
  }
}
