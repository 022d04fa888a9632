// The system under test for the model-based test: the real mock payment server in process, one or two real stores
// ("tabs") on one order, each talking to it through the faulty transport, and every invariant checked against both.
import { once } from 'node:events';
import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addListener, combineSlices, configureStore, type Middleware, type UnknownAction } from '@reduxjs/toolkit';
import type { Scheduler } from 'fast-check';
import express from 'express';
import { createMockServer, type MockServer } from '../../../mocks/app';
import { LOCK_MS, MAX_WRONG_PASSWORDS } from '../../../mocks/password';
import { parseScenario } from '../../../mocks/scenario';
import { IDLE_SOCKET_MS } from '../../../mocks/test-helpers';
import { createCashierApi } from '../../api/cashier-api';
import { encryptPassword } from '../../core/password-cipher';
import { buildPayRequest, createIdempotencyKey } from '../../core/payment-request';
import type { PaymentResult } from '../../core/service-interfaces';
import type { PaymentData, PaymentReminder } from '../../core/types';
import { parsePaymentResult } from '../../core/wire-validation';
import { type CashierServices, createCashierServices } from '../cashier-services';
import { createCashierStore, type FlowDispatch, flowDispatchFor } from '../createCashierStore';
import { closeFlow, sendPayment, startFlow } from '../flow-thunks';
import { isSettling } from '../flow-machine';
import { flowEnded } from '../flow-actions';
import { paymentSlice } from '../paymentSlice';
import type { PaymentState } from '../payment-state';
import { createFaultyHttp, type Endpoint, type ServerAnswer, type TransportFault } from '../test-support/faulty-transport';
import type { RootWithPayment } from '../thunk-types';
import { observeVerifier } from './verifier-watch';

/** The payment server, started once per test file. */
export interface ModelServer {
  mock: MockServer;
  base: string;
  /** Added to the mock's clock: the model moves time past a password lock. */
  clock: { offset: number };
  /** Keep-alive connections to it, shared by every run's transports. */
  agent: Agent;
  close(): Promise<void>;
}

export async function startModelServer(): Promise<ModelServer> {
  const clock = { offset: 0 };
  const mock = createMockServer({ log: () => undefined, now: () => Date.now() + clock.offset });
  const app = express();
  app.use('/api/cashier', mock.app);
  const server: Server = createServer(app);
  // The runs reuse keep-alive sockets: the server must not close an idle one while a slowed run is about to send on
  // it (an ECONNRESET here would be the machine's, not a fault the model injected).
  server.keepAliveTimeout = IDLE_SOCKET_MS;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/cashier`;
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  return {
    mock,
    base,
    clock,
    agent,
    close: async () => {
      agent.destroy();
      mock.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Who pays in a run: the amount decides whether the server takes it or declines it. */
export const PAYERS = {
  alice: { accountId: 'acct-alice', card: '6222020000000000018', password: '123456', amount: 10_000 },
  bob: { accountId: 'acct-bob', card: '6217000000000000020', password: '654321', amount: 5_000 },
  'bob-declined': { accountId: 'acct-bob', card: '6217000000000000020', password: '654321', amount: 20_000 },
} as const;
export type Payer = keyof typeof PAYERS;
export const WRONG_PASSWORD = '135790';

export interface RunSetup {
  payer: Payer;
  tabs: 1 | 2;
  /** Wrong passwords the account has had (on another order) before the run: runs start near the lockout too. */
  priorWrong: number;
}

/** The faults the model arms, by where they strike. `events` faults break the message push of the next subscription. */
export type FaultTarget = Endpoint | 'events';
/** `serverProcessing`: the mock's own `processing` scenario (answers at once, settles a few ms later). */
export type Fault = TransportFault | 'serverProcessing' | 'pushLost' | 'pushCut';

/** Figures over every run of a test: what the report in docs/reliability.md is made of. */
export class ModelStats {
  runs = 0;
  commands = 0;
  readonly commandsByName = new Map<string, number>();
  readonly faultsFired = new Map<string, number>();
  readonly finalPhases = new Map<string, number>();
  readonly reminders = new Map<string, number>();
  /** What the server answered to /pay (before any fault): status and result or error code. */
  readonly payAnswers = new Map<string, number>();
  /** Pushed results by the phase of the tab they reached: before the answer (paying), instead of it (recovering), after. */
  readonly pushes = new Map<string, number>();
  actions = 0;
  checks = 0;
  charges = 0;
  passwordsEvaluated = 0;
  locksReached = 0;
  /** Wrong passwords answered inline (the step stayed, with attempts left), and locks the flow held for its countdown. */
  passwordRetriesShown = 0;
  passwordLocksShown = 0;
  violations = 0;

  static bump(map: Map<string, number>, key: string, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  faultsTotal(): number {
    return [...this.faultsFired.values()].reduce((a, b) => a + b, 0);
  }

  toJSON() {
    const obj = (m: Map<string, number>) => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return {
      runs: this.runs,
      commands: this.commands,
      commandsByName: obj(this.commandsByName),
      faultsInjected: this.faultsTotal(),
      faultsByKind: obj(this.faultsFired),
      finalPhases: obj(this.finalPhases),
      reminders: obj(this.reminders),
      payAnswers: obj(this.payAnswers),
      pushesDelivered: obj(this.pushes),
      actionsRecorded: this.actions,
      invariantChecks: this.checks,
      charges: this.charges,
      passwordsEvaluated: this.passwordsEvaluated,
      locksReached: this.locksReached,
      passwordRetriesShown: this.passwordRetriesShown,
      passwordLocksShown: this.passwordLocksShown,
      invariantViolations: this.violations,
    };
  }
}

export class InvariantViolation extends Error {
  override name = 'InvariantViolation';
}

/** One view of the order: a store, its services and what it did. */
export interface Tab {
  readonly id: number;
  readonly services: CashierServices;
  readonly dispatch: FlowDispatch;
  state(): PaymentState;
  /** Attempt keys per flow id (from sendPayment.pending). */
  readonly keysByFlow: Map<number, Set<string>>;
  /** Reminders the host was given, with the flow they ended. */
  readonly reminders: { flowId: number; reminder: PaymentReminder }[];
  /** flowEnded actions per flow id. */
  readonly endedByFlow: Map<number, number>;
}

const SECRET_FIELDS = ['"encryptedPassword"', '"ciphertext"', '"nonce"', '"enrollmentToken"', '"authenticatorData"', '"clientDataJSON"', 'data:image/'];

const charCodes = (s: string) => Array.from(s, (c) => c.charCodeAt(0)).join(',');

let runSequence = 0;

export class World {
  readonly tabs: Tab[] = [];
  readonly payment: PaymentData;
  /** Work started by commands and not awaited yet. */
  private inflight: Promise<unknown>[] = [];
  private closed = false;
  /** Requests sent whose answer has not reached the scheduler yet. */
  private requestsUnanswered = 0;
  /** Pushed results waiting for the answers on the wire to reach the scheduler. */
  private pushesWaiting: (() => void)[] = [];
  private readonly faultQueues = new Map<FaultTarget, Fault[]>();
  private readonly secrets = new Set<string>();
  private readonly records: string[] = [];
  private readonly violations: string[] = [];
  private readonly payKeysAnswered = new Set<string>();
  private readonly claims: { tab: number; flowId: number; keys: string[]; said: string }[] = [];
  private readonly retriesSeen = new Set<string>();
  private readonly locksSeen = new Set<string>();
  private readonly lockWindows = new Map<string, { wrong: number; lockedAt?: number }>();
  readonly log: string[] = [];

  constructor(
    readonly server: ModelServer,
    readonly s: Scheduler,
    readonly setup: RunSetup,
    readonly stats: ModelStats,
  ) {
    const payer = PAYERS[setup.payer];
    this.payment = {
      orderId: `order-model-${++runSequence}-${setup.payer}`,
      accountId: payer.accountId,
      amount: { amount: payer.amount, currency: 'CNY' },
      payerAccount: payer.card,
      payeeAccount: 'merchant-001',
    };
    for (const password of new Set([payer.password, WRONG_PASSWORD])) {
      this.secrets.add(password);
      this.secrets.add(charCodes(password));
      this.secrets.add(Buffer.from(password).toString('base64'));
    }
    for (const field of SECRET_FIELDS) this.secrets.add(field);
  }

  /** A fresh server state, the account's earlier wrong passwords, and the tabs, each with its flow started. */
  async start(): Promise<void> {
    this.server.mock.state.reset();
    this.server.clock.offset = 0;
    observeVerifier((stored) => this.passwordEvaluated(stored));
    if (this.setup.priorWrong > 0) await this.spendWrongPasswords(this.setup.priorWrong);
    for (let id = 0; id < this.setup.tabs; id++) this.tabs.push(this.makeTab(id));
    for (const tab of this.tabs) tab.dispatch(startFlow({ payment: this.payment, locale: 'en-US' }));
  }

  /** Wrong passwords on another order of the same account, through the plain API (no store, no faults). */
  private async spendWrongPasswords(n: number): Promise<void> {
    const api = createCashierApi(this.server.base, createFaultyHttp({ baseUrl: this.server.base, takeFault: () => undefined, agent: this.server.agent }));
    const other: PaymentData = { ...this.payment, orderId: `${this.payment.orderId}-earlier` };
    const { preorderId } = await api.preorder(other);
    for (let i = 0; i < n; i++) {
      const challenge = await api.passwordChallenge({ accountId: other.accountId, orderId: other.orderId, amount: other.amount, payeeAccount: other.payeeAccount });
      const encryptedPassword = await encryptPassword(Uint8Array.from(WRONG_PASSWORD, (c) => c.charCodeAt(0)), challenge);
      const result = await api.pay(buildPayRequest(preorderId, other, { method: 'password', encryptedPassword }), createIdempotencyKey());
      if (result.code !== 'WRONG_PASSWORD') throw new Error(`An earlier wrong password was answered ${result.code}`);
    }
  }

  private get mock() {
    return this.server.mock;
  }

  // ---- the tabs ---------------------------------------------------------------------------------------------------

  private makeTab(id: number): Tab {
    const keysByFlow = new Map<number, Set<string>>();
    const reminders: Tab['reminders'] = [];
    const endedByFlow = new Map<number, number>();
    let readState: () => PaymentState = () => {
      throw new Error('no store yet');
    };
    const http = createFaultyHttp({
      baseUrl: this.server.base,
      takeFault: (endpoint) => this.transportFault(endpoint),
      onFault: (endpoint, fault) => ModelStats.bump(this.stats.faultsFired, `${endpoint}:${fault}`),
      onServerAnswer: (answer) => this.serverAnswered(answer),
      gate: (value, label) => this.s.schedule(Promise.resolve(label), `tab${id} ${label}`).then(() => value),
      closed: () => this.closed,
      onBusy: (delta) => {
        this.requestsUnanswered += delta;
        if (this.requestsUnanswered === 0) for (const schedule of this.pushesWaiting.splice(0)) schedule();
      },
      delayMs: 2,
      agent: this.server.agent,
    });
    const services = createCashierServices({
      api: createCashierApi(this.server.base, http),
      subscribePush: (orderId, onResult) => this.subscribePush(id, orderId, onResult),
      // Recovery as in production, a hundred times faster: backoff 5, 10, 20 ms … within 120 ms.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.round(ms / 100)))),
      recoveryDeadlineMs: 120,
      hooks: {
        track: (type, data) => this.record(`track ${type}`, JSON.stringify(data)),
        onReminder: (reminder) => reminders.push({ flowId: readState().flowId, reminder }),
      },
    });
    const onAction = (action: UnknownAction, state: RootWithPayment) => {
      this.stats.actions++;
      this.record(`tab${id} action ${action.type}`, JSON.stringify(action));
      this.record(`tab${id} state after ${action.type}`, JSON.stringify(state.payment));
      const flowId = state.payment.flowId;
      if (sendPayment.pending.match(action)) {
        const keys = keysByFlow.get(flowId) ?? new Set<string>();
        keys.add(action.meta.attempt.key);
        keysByFlow.set(flowId, keys);
      }
      if (flowEnded.match(action)) endedByFlow.set(flowId, (endedByFlow.get(flowId) ?? 0) + 1);
    };
    let dispatch: FlowDispatch;
    if (id === 0) {
      // The cashier's own store (createCashierStore); actions recorded by a listener that sees each one with the state after it.
      const store = createCashierStore({ services });
      store.dispatch(
        addListener({
          predicate: (action, state) => {
            onAction(action, state as RootWithPayment);
            return false;
          },
          effect: () => undefined,
        }) as unknown as UnknownAction,
      );
      dispatch = store.dispatch as unknown as FlowDispatch;
      readState = () => store.getState().payment;
    } else {
      // A host's store with the slice injected and a recording middleware of its own (the `store` option of
      // docs/api.md, Options and results).
      const recorder: Middleware = (api) => (next) => (action) => {
        const result = next(action);
        if (typeof action !== 'function') onAction(action as UnknownAction, api.getState() as RootWithPayment);
        return result;
      };
      const rootReducer = combineSlices({ reducerPath: 'host', reducer: (s: { ready: boolean } = { ready: true }) => s });
      paymentSlice.injectInto(rootReducer);
      // The host's own choice: no development-only state checks here (the cashier's own store in tab 0 keeps them).
      const store = configureStore({
        reducer: rootReducer,
        middleware: (getDefault) => getDefault({ serializableCheck: false, immutableCheck: false }).concat(recorder),
      });
      dispatch = flowDispatchFor(store as never, () => services);
      readState = () => (store.getState() as unknown as RootWithPayment).payment;
    }
    return { id, services, dispatch, state: () => readState(), keysByFlow, reminders, endedByFlow };
  }

  /** Message push from the mock's own result listeners (what its SSE stream sends), each delivery scheduled. */
  private subscribePush(tab: number, orderId: string, onResult: (result: PaymentResult) => void): () => void {
    const fault = this.takeFault('events');
    if (fault) ModelStats.bump(this.stats.faultsFired, `events:${fault}`);
    let open = fault !== 'pushLost';
    let live = fault !== 'pushCut';
    const deliver = (result: PaymentResult, replay: boolean) => {
      if (!open || (!replay && !live)) return;
      // What travels on the stream: JSON, read back by the client's own validator.
      const wire = JSON.stringify(result);
      if (wire.includes('enrollmentToken')) this.violate(`an enrolment token in a pushed result: ${wire}`);
      const copy = parsePaymentResult(JSON.parse(wire));
      // Scheduled when no answer is on the wire any more (with the answer that arrives last), so the scheduler holds
      // the push and the answer at once and picks their order: before, after or (answer lost) instead of it.
      const schedule = () => {
        void this.s.schedule(Promise.resolve(), `tab${tab} push ${result.status}`).then(() => {
          if (!open) {
            // Arrived after the attempt settled and the flow closed its stream: the push came after the answer.
            ModelStats.bump(this.stats.pushes, `${result.status} after the stream closed`);
            return;
          }
          ModelStats.bump(this.stats.pushes, `${result.status} while ${this.tabs[tab]?.state().phase}`);
          onResult(copy);
        });
      };
      if (this.requestsUnanswered === 0) schedule();
      else this.pushesWaiting.push(schedule);
    };
    const settled = this.mock.state.orderResults.get(orderId);
    if (settled) deliver(settled, true);
    const unsubscribe = this.mock.state.subscribe(orderId, (result) => deliver(result, false));
    return () => {
      open = false;
      live = false;
      unsubscribe();
    };
  }

  // ---- faults -----------------------------------------------------------------------------------------------------

  arm(target: FaultTarget, fault: Fault, times = 1): void {
    const queue = this.faultQueues.get(target) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faultQueues.set(target, queue);
  }

  private takeFault(target: FaultTarget): Fault | undefined {
    return this.faultQueues.get(target)?.shift();
  }

  /** The transport's fault for this request; a server-side one is armed on the mock for the request instead. */
  private transportFault(endpoint: Endpoint): TransportFault | undefined {
    const fault = this.takeFault(endpoint);
    if (fault !== 'serverProcessing') return fault as TransportFault | undefined;
    ModelStats.bump(this.stats.faultsFired, `${endpoint}:serverProcessing`);
    this.mock.state.scenario = parseScenario({ name: 'processing', times: 1, delayMs: 4 });
    return undefined;
  }

  // ---- work in flight ---------------------------------------------------------------------------------------------

  /** Starts work a command does not wait for; its failure is recorded, not thrown. */
  track(label: string, work: Promise<unknown>): Promise<unknown> {
    const settled = work.then(
      (value) => value,
      (error: unknown) => {
        this.log.push(`${label} rejected: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    this.inflight.push(settled);
    return settled;
  }

  /** Lets scheduled answers and pushes through, one at a time in a generated order, until `work` is done. */
  async until(work: Promise<unknown>): Promise<void> {
    await this.s.waitFor(work);
  }

  async step(count: number): Promise<void> {
    const n = Math.min(count, this.s.count());
    if (n > 0) await this.s.waitNext(n);
  }

  /** Everything started so far runs to its end, with the answers interleaved by the scheduler. */
  async drain(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.inflight.length > 0) {
        const pending = this.inflight;
        this.inflight = [];
        await this.s.waitFor(Promise.all(pending));
      } else if (this.s.count() > 0) {
        await this.s.waitIdle();
      } else if (this.requestsUnanswered > 0 || this.pushesWaiting.length > 0 || this.mock.state.cleanups.size > 0) {
        // An answer on its way, or the server's own delayed work (a `processing` payment settling).
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        // One more turn: a timer (recovery backoff) or a pushed result may still schedule something.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.inflight.length === 0 && this.s.count() === 0 && this.requestsUnanswered === 0 && this.pushesWaiting.length === 0 && this.mock.state.cleanups.size === 0) {
          return;
        }
      }
    }
    throw new Error('The run did not come to rest within 10 s');
  }

  /** The end of a run: everything settles, every tab's cashier is closed, then the final invariants. */
  async finish(): Promise<void> {
    await this.drain();
    this.checkAtRest();
    for (const tab of this.tabs) ModelStats.bump(this.stats.finalPhases, tab.state().phase);
    for (const tab of this.tabs) tab.dispatch(closeFlow());
    await this.drain();
    this.check('after closing every tab');
    for (const tab of this.tabs) {
      const state = tab.state();
      if (!state.reminder) this.violate(`tab${tab.id}: the flow did not end when its cashier was closed (phase ${state.phase})`);
      for (const [flowId, ended] of tab.endedByFlow) {
        const told = tab.reminders.filter((r) => r.flowId === flowId).length;
        if (ended !== 1 || told !== 1) this.violate(`tab${tab.id} flow ${flowId}: ${ended} flowEnded actions, ${told} reminders`);
      }
      for (const { reminder } of tab.reminders) ModelStats.bump(this.stats.reminders, reminder.status);
    }
    this.stats.charges += this.orderCharges().length;
    this.throwIfViolated('at the end of the run');
  }

  /** Stops the run: nothing more reaches the server, and the verifier is no longer watched. */
  async dispose(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([this.drain(), new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
    } catch {
      // A run that failed may not come to rest; it is closed anyway.
    } finally {
      clearTimeout(timer);
    }
    this.closed = true;
    observeVerifier(undefined);
  }

  // ---- invariants -------------------------------------------------------------------------------------------------

  private violate(message: string): void {
    this.violations.push(message);
  }

  private throwIfViolated(when: string): void {
    if (this.violations.length === 0) return;
    this.stats.violations += this.violations.length;
    const lines = [...new Set(this.violations)];
    this.violations.length = 0;
    throw new InvariantViolation(`${when}:\n  - ${lines.join('\n  - ')}\n  log:\n    ${this.log.slice(-30).join('\n    ')}`);
  }

  /** No secret in any action, state or buried point; a secret learned later is looked for in what was recorded before. */
  private record(where: string, json: string): void {
    this.records.push(json);
    for (const secret of this.secrets) if (json.includes(secret)) this.violate(`a secret (${secret.slice(0, 12)}…) in ${where}: ${json.slice(0, 300)}`);
  }

  addSecret(secret: string): void {
    if (!secret || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    for (const json of this.records) if (json.includes(secret)) this.violate(`a secret (${secret.slice(0, 12)}…) in a recorded action or state`);
  }

  /** Every answer the server gave: an enrolment token only in the original /pay answer of an attempt. */
  private serverAnswered(answer: ServerAnswer): void {
    const wire = JSON.stringify(answer.body) ?? '';
    if (answer.endpoint === 'pay') {
      const body = answer.body as { status?: unknown; code?: unknown } | null;
      const what = [answer.status, typeof body?.status === 'string' ? body.status : undefined, typeof body?.code === 'string' ? body.code : undefined];
      ModelStats.bump(this.stats.payAnswers, what.filter((x) => x !== undefined).join(' '));
    }
    const token = (answer.body as { enrollmentToken?: unknown } | null)?.enrollmentToken;
    if (answer.endpoint === 'pay' && answer.idempotencyKey && !this.payKeysAnswered.has(answer.idempotencyKey)) {
      this.payKeysAnswered.add(answer.idempotencyKey);
      if (typeof token === 'string') this.addSecret(token);
      return;
    }
    if (wire.includes('enrollmentToken')) {
      this.violate(`an enrolment token outside the original /pay answer (${answer.endpoint} ${answer.status}): ${wire.slice(0, 300)}`);
    }
  }

  /** The server evaluates a password: at most MAX_WRONG_PASSWORDS wrong ones per lock window, none while locked. */
  private passwordEvaluated(stored: string): (right: boolean) => void {
    const account = [...this.mock.state.accounts.values()].find((a) => a.passwordHash === stored)?.accountId ?? 'unknown';
    const now = () => this.mock.state.now();
    const window = this.lockWindows.get(account) ?? { wrong: 0 };
    this.lockWindows.set(account, window);
    if (window.lockedAt !== undefined && now() >= window.lockedAt + LOCK_MS) {
      window.wrong = 0;
      window.lockedAt = undefined;
    }
    if (window.lockedAt !== undefined) this.violate(`${account}: a password was evaluated while the account was locked`);
    this.stats.passwordsEvaluated++;
    return (right) => {
      if (right) {
        if (window.lockedAt === undefined) window.wrong = 0;
        return;
      }
      window.wrong++;
      if (window.wrong > MAX_WRONG_PASSWORDS) {
        this.violate(`${account}: ${window.wrong} wrong passwords evaluated in one lock window (at most ${MAX_WRONG_PASSWORDS})`);
      }
      if (window.wrong >= MAX_WRONG_PASSWORDS && window.lockedAt === undefined) {
        window.lockedAt = now();
        this.stats.locksReached++;
      }
    };
  }

  orderCharges() {
    return this.mock.state.charges.filter((c) => c.orderId === this.payment.orderId);
  }

  /** Idempotency keys under which the server charged this order. */
  private chargedKeys(): Set<string> {
    const paymentIds = new Set(this.orderCharges().map((c) => c.paymentId));
    const keys = new Set<string>();
    for (const [key, record] of this.mock.state.idempotency) {
      const paymentId = record.response?.result?.paymentId;
      if (record.orderId === this.payment.orderId && paymentId && paymentIds.has(paymentId)) keys.add(key);
    }
    return keys;
  }

  /** The invariants that hold after every command, whatever is still in flight. */
  check(after: string): void {
    this.stats.checks++;
    const charges = this.orderCharges();
    if (charges.length > 1) this.violate(`${charges.length} charges for one order`);
    const charged = this.chargedKeys();
    for (const tab of this.tabs) {
      const state = tab.state();
      const own = [...(tab.keysByFlow.get(state.flowId) ?? [])];
      const said =
        state.phase === 'failed'
          ? 'failed'
          : state.phase === 'awaitingAuthentication' && own.length > 0
            ? 'nothing was taken (back to authentication)'
            : undefined;
      if (said) this.claims.push({ tab: tab.id, flowId: state.flowId, keys: own, said });
      for (const { flowId, reminder } of tab.reminders) {
        if (reminder.status === 'failed') this.claims.push({ tab: tab.id, flowId, keys: [...(tab.keysByFlow.get(flowId) ?? [])], said: 'failed (reminder)' });
        if (reminder.status === 'succeeded' && charges.length === 0) this.violate(`tab${tab.id} flow ${flowId}: reminder succeeded, no charge`);
      }
      if (state.phase === 'succeeded' && charges.length === 0) this.violate(`tab${tab.id} flow ${state.flowId}: phase succeeded, no charge`);
      this.checkPasswordState(tab.id, state);
      const perFlow = new Map<number, number>();
      for (const { flowId } of tab.reminders) perFlow.set(flowId, (perFlow.get(flowId) ?? 0) + 1);
      for (const [flowId, n] of perFlow) if (n > 1) this.violate(`tab${tab.id} flow ${flowId}: ${n} reminders`);
    }
    // A claim stays a claim: a charge that appears later under a key the flow had said nothing of is caught too.
    for (const claim of this.claims) {
      const hit = claim.keys.find((key) => charged.has(key));
      if (hit) this.violate(`tab${claim.tab} flow ${claim.flowId} said "${claim.said}" while its attempt ${hit} was charged`);
    }
    this.dedupeClaims();
    this.throwIfViolated(`after ${after}`);
  }

  /**
   * The wrong-password and lock state the password step shows is the server's own answer: a retry only on the password
   * step, after this attempt's WRONG_PASSWORD with the same attempts left (and some left); a lock only with the unlock
   * time of a PASSWORD_LOCKED answer for this order.
   */
  private checkPasswordState(tab: number, state: PaymentState): void {
    const seenRetry = `${tab}|${state.attempt?.key}`;
    if (state.passwordRetry) {
      const { attemptsLeft } = state.passwordRetry;
      const answer = state.attempt ? this.mock.state.idempotency.get(state.attempt.key)?.response?.result : undefined;
      if (state.phase !== 'awaitingAuthentication') this.violate(`tab${tab}: a password retry shown in phase ${state.phase}`);
      if (answer?.code !== 'WRONG_PASSWORD' || answer.attemptsLeft !== attemptsLeft) {
        this.violate(`tab${tab}: retry with ${attemptsLeft} attempts left, but the attempt was answered ${answer?.code} ${answer?.attemptsLeft}`);
      }
      if (attemptsLeft < 1 || attemptsLeft >= MAX_WRONG_PASSWORDS) this.violate(`tab${tab}: ${attemptsLeft} attempts left shown`);
      if (!this.retriesSeen.has(seenRetry)) this.stats.passwordRetriesShown++;
      this.retriesSeen.add(seenRetry);
    }
    if (state.passwordLock) {
      const { unlocksAt } = state.passwordLock;
      const locked = [...this.mock.state.idempotency.values()].some(
        (r) => r.orderId === this.payment.orderId && r.response?.result?.code === 'PASSWORD_LOCKED' && r.response.result.unlocksAt === unlocksAt,
      );
      if (!locked) this.violate(`tab${tab}: a password lock until ${unlocksAt} that no PASSWORD_LOCKED answer gave`);
      if (!this.locksSeen.has(`${tab}|${unlocksAt}`)) this.stats.passwordLocksShown++;
      this.locksSeen.add(`${tab}|${unlocksAt}`);
    }
  }

  private dedupeClaims(): void {
    const seen = new Set<string>();
    for (let i = this.claims.length - 1; i >= 0; i--) {
      const claim = this.claims[i]!;
      const id = `${claim.tab}|${claim.flowId}|${claim.said}|${claim.keys.join(',')}`;
      if (seen.has(id)) this.claims.splice(i, 1);
      else seen.add(id);
    }
  }

  /** At rest (nothing in flight): no flow is still waiting for an answer. */
  private checkAtRest(): void {
    for (const tab of this.tabs) {
      const phase = tab.state().phase;
      if (isSettling(phase) || phase === 'preverifying') this.violate(`tab${tab.id}: still ${phase} with nothing in flight`);
    }
    this.check('the run came to rest');
  }

  /** Moves the server's clock past a password lock. */
  advanceClock(): void {
    this.server.clock.offset += LOCK_MS + 60_000;
  }
}
