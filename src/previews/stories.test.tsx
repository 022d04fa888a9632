import { readdirSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import type { Locale } from '../core/types';
import { expectNoAxeViolations } from '../pages/test-support';
import { installCamera } from '../widgets/face-verify/test-camera';
import { StoryCanvas } from './StoryCanvas';
import { collectStories, type StoryEntry, type StoryModule } from './story-types';

// webpack's import.meta.webpackContext does not exist in jest: the same files, found with fs.
const SRC = path.resolve(__dirname, '..');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.stories.tsx'))
  .sort();
const entries = collectStories(
  files.map((file) => require(path.join(SRC, file)) as StoryModule),
  files,
);

const LOCALES: Locale[] = ['zh-CN', 'en-US'];

// jsdom has no media pipeline: the face stories' camera picture plays at once (the widget's own jsdom stand-in).
beforeAll(() => installCamera());
const CJK = /[\u4e00-\u9fff]/;

// Stories that reach for the API (the ready page, the password step's challenge) fail offline in jsdom by design;
// jsdom reports each failed XHR through console.error as an error of type 'XMLHttpRequest'. Anything else fails the test.
const isOfflineRequest = (args: unknown[]) => (args[0] as { type?: unknown } | null)?.type === 'XMLHttpRequest';

async function renderStory(entry: StoryEntry, locale: Locale) {
  const errors: unknown[][] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!isOfflineRequest(args)) errors.push(args);
  });
  // StrictMode, as the previews app renders: every story must survive the double mount.
  const view = render(
    <StrictMode>
      <StoryCanvas entry={entry} locale={locale} theme="default" />
    </StrictMode>,
  );
  // Effects, the providers' tracker, lazy chunks, simulated key presses and failed requests settle.
  await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
  return { ...view, errors, spy };
}

test('stories files are found and each holds stories', () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const file of files) expect(entries.some((e) => file.includes(e.meta.title.split('/')[1] ?? '?'))).toBe(true);
});

test('every state the issue names has a story', () => {
  const ids = entries.map((e) => e.id);
  const required = [
    ...['empty', 'partlyfilled', 'wrong', 'locked', 'shuffled'].map((s) => `widgets-passwordkeyboard--${s}`),
    'widgets-mixedpasswordinput--empty',
    'widgets-mixedpasswordinput--partlyfilled',
    ...['loading', 'ready', 'verificationfailed', 'succeeded', 'failed'].map((s) => `pages-cashierpage--${s}`),
    ...['available', 'unavailable', 'failed'].map((s) => `widgets-fingerprintverify--${s}`),
    ...['detecting', 'cameradenied', 'noface'].map((s) => `widgets-faceverify--${s}`),
    'pages-verifyfaileddialog--singlelimit',
    'pages-resultdialog--succeeded',
    'pages-resultdialog--failed',
  ];
  expect(required.filter((id) => !ids.includes(id))).toEqual([]);
});

describe.each(LOCALES)('every story in %s', (locale) => {
  it.each(entries.map((entry) => [entry.id, entry] as const))('%s renders, speaks the locale, passes axe, logs no error', async (_id, entry) => {
    const { container, errors, spy } = await renderStory(entry, locale);
    try {
      expect(container.querySelector('.previews__error')).toBeNull();
      expect(container.querySelector('.cashier-root > *')).not.toBeNull();
      const text = container.textContent ?? '';
      // The skeleton has no words in either language.
      if (!entry.id.endsWith('--loading')) expect(CJK.test(text)).toBe(locale === 'zh-CN');
      await expectNoAxeViolations(container);
      expect(errors).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('partly filled stories reach their state by key presses', () => {
  it('the password keyboard shows three of six digits entered', async () => {
    const entry = entries.find((e) => e.id === 'widgets-passwordkeyboard--partlyfilled')!;
    const { spy } = await renderStory(entry, 'en-US');
    spy.mockRestore();
    expect(screen.getByRole('status')).toHaveTextContent('3 of 6 digits entered');
    expect(document.querySelectorAll('.cashier-pk-filled')).toHaveLength(3);
  });

  it('the mixed password shows four characters entered', async () => {
    const entry = entries.find((e) => e.id === 'widgets-mixedpasswordinput--partlyfilled')!;
    const { spy } = await renderStory(entry, 'en-US');
    spy.mockRestore();
    expect(screen.getByRole('status')).toHaveTextContent('4 characters entered');
  });
});

describe('biometric stories reach the state they name, with the browser scripted by the story', () => {
  it.each([
    ['widgets-fingerprintverify--available', 'Press “Verify fingerprint”, then touch the fingerprint sensor.'],
    ['widgets-fingerprintverify--waiting', 'Touch the fingerprint sensor…'],
    ['widgets-fingerprintverify--unavailable', 'This device cannot verify a fingerprint.'],
    ['widgets-fingerprintverify--failed', 'cancelled or the fingerprint was not recognised'],
    ['widgets-fingerprintverify--notenrolled', 'Fingerprint payment is not turned on for this account.'],
    ['widgets-faceverify--detecting', 'Move closer.'],
    ['widgets-faceverify--captured', 'Face captured. Paying…'],
    ['widgets-faceverify--noface', 'No face found.'],
    ['widgets-faceverify--cameradenied', 'Camera access was refused.'],
    ['widgets-faceverify--notenrolled', 'Face payment is not turned on for this account.'],
  ])('%s says "%s"', async (id, text) => {
    const entry = entries.find((e) => e.id === id);
    expect(entry).toBeDefined();
    const { spy } = await renderStory(entry!, 'en-US');
    try {
      expect(await screen.findByText(text, { exact: false })).toBeInTheDocument();
    } finally {
      spy.mockRestore();
    }
  });

  it('puts the real browser back when a staged story unmounts', async () => {
    const before = { credentials: navigator.credentials, mediaDevices: navigator.mediaDevices, fetch: globalThis.fetch };
    const { unmount, spy } = await renderStory(entries.find((e) => e.id === 'widgets-fingerprintverify--failed')!, 'en-US');
    spy.mockRestore();
    expect(navigator.credentials).not.toBe(before.credentials);
    unmount();
    expect(navigator.credentials).toBe(before.credentials);
    expect(navigator.mediaDevices).toBe(before.mediaDevices);
    expect(globalThis.fetch).toBe(before.fetch);
    expect('PublicKeyCredential' in window).toBe(false);
  });
});
