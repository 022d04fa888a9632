// The dev server's previews path: Storybook's static build when it exists, otherwise a page that says how to get it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

const HOW_TO = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cashier previews</title></head><body>
<main><h1>Cashier previews</h1><p>The widget previews are Storybook stories. Run <code>npm run storybook</code> (it opens
on port 6006), or <code>npm run build-storybook</code> once and reload this page to have them served here.</p></main>
</body></html>`;

export function servePreviews(staticBuild: string): RequestHandler {
  const files = express.static(staticBuild, { index: 'index.html' });
  return (req, res, next) => {
    if (existsSync(path.join(staticBuild, 'index.html'))) return files(req, res, next);
    res.status(200).type('html').send(HOW_TO);
  };
}
