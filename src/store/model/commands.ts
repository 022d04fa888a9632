// The model's commands: what a person, a second tab, a remount, the network and the clock can do to one payment.
import fc from 'fast-check';
import { encryptPassword } from '../../core/password-cipher';
import type { Authentication } from '../../core/service-interfaces';
import { checkAgain, closeFlow, pay, payWith, requestPasswordChallenge, startFlow, tryAgain } from '../flow-thunks';
import { type Fault, type FaultTarget, PAYERS, WRONG_PASSWORD, type World } from './world';

/** What the model knows without asking the system: how many tabs there are and which have offered "Pay". */
export interface Model {
  tabs: number;
  paid: boolean[];
}

type Cmd = fc.AsyncCommand<Model, World>;

abstract class TabCommand implements Cmd {
  constructor(readonly tab: number) {}
  check(m: Readonly<Model>): boolean {
    return this.tab < m.tabs;
  }
  abstract run(m: Model, w: World): Promise<void>;
  abstract toString(): string;
}

const count = (w: World, name: string, command: object) => {
  w.log.push(String(command));
  w.stats.commands++;
  w.stats.commandsByName.set(name, (w.stats.commandsByName.get(name) ?? 0) + 1);
};

/** Starts or waits for a piece of work, then checks every invariant. */
async function settle(w: World, label: string, work: Promise<unknown>, wait: boolean): Promise<void> {
  const tracked = w.track(label, work);
  if (wait) await w.until(tracked);
  w.check(label);
}

/** A remount: a new view of the same store dispatches startFlow again with the same payment. */
export class Remount extends TabCommand {
  async run(_m: Model, w: World) {
    count(w, 'remount', this);
    w.tabs[this.tab]!.dispatch(startFlow({ payment: { ...w.payment }, locale: 'en-US' }));
    w.check(this.toString());
  }
  toString() {
    return `Remount(tab${this.tab})`;
  }
}

/** "Pay" (pre-verification and pre-order), once or twice in a row. */
export class Pay extends TabCommand {
  constructor(
    tab: number,
    readonly twice: boolean,
    readonly wait: boolean,
  ) {
    super(tab);
  }
  async run(m: Model, w: World) {
    count(w, this.twice ? 'pay twice' : 'pay', this);
    m.paid[this.tab] = true;
    const tab = w.tabs[this.tab]!;
    const first = Promise.resolve(tab.dispatch(pay({ method: 'password' })));
    const second = this.twice ? Promise.resolve(tab.dispatch(pay({ method: 'password' }))) : undefined;
    await settle(w, this.toString(), Promise.all([first, second]), this.wait);
  }
  toString() {
    return `Pay(tab${this.tab}${this.twice ? ', twice' : ''}${this.wait ? ', wait' : ''})`;
  }
}

export type Repeat = 'once' | 'sameSeal' | 'resealed';

/**
 * The 6th digit: a challenge bound to this payment, the password sealed with it, then payWith. `sameSeal` dispatches
 * the same sealed password twice (the key pressed twice); `resealed` seals it again under a second challenge.
 */
export class EnterPassword extends TabCommand {
  constructor(
    tab: number,
    readonly right: boolean,
    readonly repeat: Repeat,
    readonly wait: boolean,
  ) {
    super(tab);
  }
  override check(m: Readonly<Model>) {
    return super.check(m) && m.paid[this.tab] === true;
  }
  async run(_m: Model, w: World) {
    count(w, `password ${this.right ? 'right' : 'wrong'}${this.repeat === 'once' ? '' : ` ${this.repeat}`}`, this);
    const tab = w.tabs[this.tab]!;
    const password = this.right ? PAYERS[w.setup.payer].password : WRONG_PASSWORD;
    const seal = async (): Promise<Authentication> => {
      const challenge = await tab.dispatch(requestPasswordChallenge());
      const bytes = Uint8Array.from(password, (c) => c.charCodeAt(0));
      const encryptedPassword = await encryptPassword(bytes, challenge);
      bytes.fill(0);
      w.addSecret(encryptedPassword.ciphertext);
      w.addSecret(encryptedPassword.nonce);
      return { method: 'password', encryptedPassword };
    };
    const work = (async () => {
      const authentication = await seal();
      // Each payment is tracked on its own: a failing second seal must not hide the first payment still in flight.
      const first = w.track(`${this} first`, tab.dispatch(payWith(authentication)));
      if (this.repeat === 'once') return first;
      if (this.repeat === 'sameSeal') return Promise.all([first, tab.dispatch(payWith(authentication))]);
      const again = await seal();
      return Promise.all([first, tab.dispatch(payWith(again))]);
    })();
    await settle(w, this.toString(), work, this.wait);
  }
  toString() {
    return `EnterPassword(tab${this.tab}, ${this.right ? 'right' : 'wrong'}${this.repeat === 'once' ? '' : `, ${this.repeat}`}${this.wait ? ', wait' : ''})`;
  }
}

/** "Check again" after an unknown outcome (nothing happens in any other phase). */
export class CheckAgain extends TabCommand {
  constructor(
    tab: number,
    readonly wait: boolean,
  ) {
    super(tab);
  }
  async run(_m: Model, w: World) {
    count(w, 'check again', this);
    await settle(w, this.toString(), Promise.resolve(w.tabs[this.tab]!.dispatch(checkAgain())), this.wait);
  }
  toString() {
    return `CheckAgain(tab${this.tab}${this.wait ? ', wait' : ''})`;
  }
}

/** "Try again" after a failed attempt. */
export class TryAgain extends TabCommand {
  async run(_m: Model, w: World) {
    count(w, 'try again', this);
    w.tabs[this.tab]!.dispatch(tryAgain('password'));
    w.check(this.toString());
  }
  toString() {
    return `TryAgain(tab${this.tab})`;
  }
}

/** The person closes the cashier (×, Escape, Done): the flow ends if it has not. Paying again starts a new flow. */
export class Close extends TabCommand {
  async run(_m: Model, w: World) {
    count(w, 'close', this);
    w.tabs[this.tab]!.dispatch(closeFlow());
    w.check(this.toString());
  }
  toString() {
    return `Close(tab${this.tab})`;
  }
}

/** Arms a fault for the next request to one endpoint (or the next message push subscription). */
export class ArmFault implements Cmd {
  constructor(
    readonly target: FaultTarget,
    readonly fault: Fault,
    readonly times: number,
  ) {}
  check() {
    return true;
  }
  async run(_m: Model, w: World) {
    count(w, 'arm fault', this);
    w.arm(this.target, this.fault, this.times);
    w.check(this.toString());
  }
  toString() {
    return `ArmFault(${this.target}, ${this.fault}${this.times > 1 ? ` ×${this.times}` : ''})`;
  }
}

/** Lets a few held answers or pushed results through, in an order the scheduler picks. */
export class Step implements Cmd {
  constructor(readonly n: number) {}
  check() {
    return true;
  }
  async run(_m: Model, w: World) {
    count(w, 'step', this);
    await w.step(this.n);
    w.check(this.toString());
  }
  toString() {
    return `Step(${this.n})`;
  }
}

/** Everything in flight runs to its end. */
export class Settle implements Cmd {
  check() {
    return true;
  }
  async run(_m: Model, w: World) {
    count(w, 'settle', this);
    await w.drain();
    w.check(this.toString());
  }
  toString() {
    return 'Settle';
  }
}

/** The server's clock moves past a password lock (30 minutes). */
export class AdvanceClock implements Cmd {
  check() {
    return true;
  }
  async run(_m: Model, w: World) {
    count(w, 'advance clock', this);
    w.advanceClock();
    w.check(this.toString());
  }
  toString() {
    return 'AdvanceClock';
  }
}

const tab = fc.constantFrom(0, 1);

/** Where faults strike and which ones; retried reads (pre-verification, challenge) cost real backoff, so they are rarer. */
const faultArb: fc.Arbitrary<ArmFault> = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(
        fc.constant<FaultTarget>('pay'),
        fc.constantFrom<Fault>('dropRequest', 'dropAnswer', 'malformed', 'serverError', 'serverErrorAfter', 'delay', 'processing', 'serverProcessing'),
      ),
    },
    {
      weight: 5,
      arbitrary: fc.tuple(
        fc.constant<FaultTarget>('status'),
        fc.constantFrom<Fault>('dropRequest', 'dropAnswer', 'malformed', 'serverError', 'serverErrorAfter', 'delay'),
      ),
    },
    { weight: 4, arbitrary: fc.tuple(fc.constant<FaultTarget>('events'), fc.constantFrom<Fault>('pushLost', 'pushCut')).map(([t, f]) => [t, f] as [FaultTarget, Fault]) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom<FaultTarget>('challenge', 'preverify', 'preorder'), fc.constantFrom<Fault>('malformed', 'delay')) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom<FaultTarget>('challenge', 'preverify', 'preorder'), fc.constantFrom<Fault>('dropRequest', 'dropAnswer', 'serverError')),
    },
  )
  .chain(([target, fault]) => {
    // The status query may be out for longer than the recovery deadline (an outage): that is how `unknown` is reached.
    const times = target === 'status' || target === 'events' ? fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(12)) : fc.integer({ min: 1, max: target === 'pay' ? 3 : 1 });
    return times.map((n) => new ArmFault(target, fault, n));
  });

export const commandArbs: fc.Arbitrary<fc.AsyncCommand<Model, World>>[] = [
  fc
    .oneof(
      { weight: 3, arbitrary: fc.tuple(tab, fc.boolean(), fc.boolean()).map(([t, twice, wait]) => new Pay(t, twice, wait) as Cmd) },
      {
        weight: 10,
        arbitrary: fc
          .tuple(tab, fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }), fc.constantFrom<Repeat>('once', 'once', 'sameSeal', 'resealed'), fc.boolean())
          .map(([t, right, repeat, wait]) => new EnterPassword(t, right, repeat, wait) as Cmd),
      },
      { weight: 7, arbitrary: faultArb as fc.Arbitrary<Cmd> },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => new Step(n) as Cmd) },
      { weight: 2, arbitrary: fc.constant(new Settle() as Cmd) },
      { weight: 3, arbitrary: tab.map((t) => new TryAgain(t) as Cmd) },
      { weight: 3, arbitrary: fc.tuple(tab, fc.boolean()).map(([t, wait]) => new CheckAgain(t, wait) as Cmd) },
      { weight: 1, arbitrary: tab.map((t) => new Remount(t) as Cmd) },
      { weight: 1, arbitrary: tab.map((t) => new Close(t) as Cmd) },
      { weight: 1, arbitrary: fc.constant(new AdvanceClock() as Cmd) },
    ),
];
