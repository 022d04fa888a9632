// Visual regression and the stories check in one pass: every Storybook story at 375×812 in zh-CN and the light theme
// is rendered once, compared with its PNG under e2e/visual/baselines/ and checked (renders, speaks zh-CN, no error,
// axe). The other combinations run in e2e/visual-variants.e2e.ts (e2e/visual/matrix.ts says which file runs which).
// `npm run test:visual:update` (VISUAL_UPDATE=1) rewrites the baselines that changed and deletes those of no story.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertIndexListsRequired } from './stories-check';
import { COMBINATIONS } from './visual/matrix';
import { BASELINES, baselinePath, registerPasses, UPDATE, UPDATE_HINT } from './visual/pass';

const stories = registerPasses('visual');

test('the build lists every story the widgets and pages need', () => assertIndexListsRequired(stories));

test('every baseline belongs to a story that is still shot', () => {
  const wanted = new Set(COMBINATIONS.filter((c) => c.shoots).flatMap((c) => stories.filter((s) => c.covers(s.id)).map((s) => baselinePath(c, s.id))));
  const present = existsSync(BASELINES)
    ? readdirSync(BASELINES, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.png'))
        .map((entry) => path.join(entry.parentPath, entry.name))
    : [];
  const orphans = present.filter((file) => !wanted.has(file));
  if (UPDATE) for (const file of orphans) rmSync(file);
  else assert.deepEqual(orphans.map((file) => path.relative(process.cwd(), file)), [], `baselines of no story; ${UPDATE_HINT}`);
});
