// Model-based test of the whole payment protocol: generated command sequences (people, tabs, remounts, network faults,
// the clock) drive the real stores and thunks against the real mock server; the scheduler generates the interleavings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { commandArbs, type Model, Pay } from './model/commands';
import { ModelStats, type ModelServer, type Payer, type RunSetup, startModelServer, World } from './model/world';

// The server's password verifier, wrapped to count evaluations (the lockout invariant); see model/verifier-watch.ts.
jest.mock('../../mocks/password-crypto', () => {
  const actual = jest.requireActual('../../mocks/password-crypto');
  const { watchedVerifier } = require('./model/verifier-watch');
  return { ...actual, verifyPassword: watchedVerifier(actual.verifyPassword) };
});

const RUNS = Number(process.env.MODEL_RUNS ?? 1000);
const SEED = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const PATH = process.env.MODEL_PATH;
/** fc.commands' own replay path (printed as replayPath="…"): needed with MODEL_PATH to replay a shrunk sequence. */
const REPLAY_PATH = process.env.MODEL_REPLAY_PATH;
const MAX_COMMANDS = Number(process.env.MODEL_MAX_COMMANDS ?? 12);

let server: ModelServer;
const stats = new ModelStats();

beforeAll(async () => {
  server = await startModelServer();
  // Redux Toolkit's development checks warn when a check is slow (a busy machine); everything else still shows.
  const warn = console.warn.bind(console);
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && /^(Serializable|Immutable)StateInvariantMiddleware took \d+ms/.test(args[0])) return;
    warn(...args);
  });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await server?.close();
});

const setupArb: fc.Arbitrary<RunSetup> = fc.record({
  payer: fc.constantFrom<Payer>('alice', 'alice', 'bob', 'bob-declined'),
  tabs: fc.constantFrom<1 | 2>(1, 2, 2),
  priorWrong: fc.constantFrom(0, 0, 3, 4),
});

test(
  `the payment protocol keeps its invariants under generated faults and interleavings (${RUNS} runs)`,
  async () => {
    const seed = SEED ?? Date.now() ^ (Math.random() * 0x1_0000_0000);
    const property = fc.asyncProperty(
      fc.scheduler(),
      setupArb,
      fc.commands(commandArbs, { maxCommands: MAX_COMMANDS, size: 'medium', ...(REPLAY_PATH ? { replayPath: REPLAY_PATH } : {}) }),
      async (s, setup, commands) => {
        const world = new World(server, s, setup, stats);
        stats.runs++;
        await world.start();
        try {
          const model: Model = { tabs: setup.tabs, paid: [false, false] };
          // Every run opens with "Pay" on the first tab (awaited), so the generated commands start from a payable flow.
          await fc.asyncModelRun(() => ({ model, real: world }), [new Pay(0, false, true), ...commands]);
          await world.finish();
        } finally {
          await world.dispose();
        }
      },
    );
    const started = Date.now();
    const outcome = await fc.check(property, { numRuns: RUNS, seed, ...(PATH ? { path: PATH } : {}) });
    const summary = { seed, ...stats.toJSON(), seconds: Math.round((Date.now() - started) / 100) / 10 };
    const artifacts = join(__dirname, '..', '..', 'e2e', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'model-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`model test: ${JSON.stringify(summary)}`);
    if (outcome.failed) {
      const replayPath = /replayPath="([^"]*)"/.exec(String(outcome.counterexample?.[2]))?.[1];
      const replay = `MODEL_SEED=${outcome.seed} MODEL_PATH=${outcome.counterexamplePath}${replayPath ? ` MODEL_REPLAY_PATH='${replayPath}'` : ''} npx jest src/store/flow.model.test.ts`;
      const cause = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
      throw new Error(`${fc.defaultReportMessage(outcome)}\n\nViolation: ${cause}\n\nReplay: ${replay}`);
    }
    // A replay (MODEL_PATH) runs the one counterexample; otherwise every generated run must have run.
    if (!PATH) expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    expect(stats.violations).toBe(0);
  },
  Number(process.env.MODEL_TIMEOUT_MS ?? Math.max(600_000, RUNS * 300)),
);
