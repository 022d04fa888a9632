// The faults of the seeded runs, and how each is armed: the mock's scenarios and routes in the page.
import type { BrowserContext, Route } from 'playwright-core';
import type { TrackedPage } from '../../browser';
import type { ReliabilityRemote } from './remote';
import type { Random } from './seed';

export const FAULTS = [
  'none',
  'slow',
  'preverify-5xx-retried',
  'preverify-5xx-shown',
  'pay-5xx',
  'pay-and-status-5xx',
  'drop-pay-response',
  'drop-pay-response-status-5xx',
  'events-cut',
  'offline',
] as const;
export type Fault = (typeof FAULTS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const payUrl = '**/api/cashier/pay';
export const statusUrl = '**/api/cashier/payments/status?*';

export interface Injected {
  /** Faults fired by the browser-side routes. */
  routed: number;
  /** `times` given to the mock's scenario, to count how many fired. */
  scenarioTimes: number;
  /** The person must press Pay again after a pre-verification error. */
  payAgain: boolean;
}

/** Arms one fault for the next payment: the mock's scenario and/or routes in the page. */
export async function arm(fault: Fault, remote: ReliabilityRemote, tab: TrackedPage, context: BrowserContext, rng: Random): Promise<Injected> {
  const injected: Injected = { routed: 0, scenarioTimes: 0, payAgain: false };
  const scenario = async (name: string, times: number, extra: Record<string, unknown> = {}) => {
    injected.scenarioTimes = times;
    await remote.scenario(name, { times, ...extra });
  };
  const failStatus = async (times: number) => {
    await tab.page.route(statusUrl, async (route: Route) => {
      if (times-- <= 0) return route.continue();
      injected.routed += 1;
      await route.fulfill({ status: 500, contentType: 'application/json', body: '{"code":"INJECTED_SERVER_ERROR","message":"Injected by the test"}' });
    });
  };
  switch (fault) {
    case 'none':
      break;
    case 'slow': {
      const endpoints = ['preverify', 'preorder', 'password', 'pay', 'page-resources'].filter(() => rng.chance(0.5));
      await scenario('slow', rng.int(1, 3), { delayMs: rng.int(50, 400), endpoints: endpoints.length ? endpoints : ['pay'] });
      break;
    }
    case 'preverify-5xx-retried':
      await scenario('server-error', 1, { endpoints: ['preverify'] });
      break;
    case 'preverify-5xx-shown':
      // The client retries pre-verification once: two errors reach the person.
      await scenario('server-error', 2, { endpoints: ['preverify'] });
      injected.payAgain = true;
      break;
    case 'pay-5xx':
      await scenario('server-error', 1, { endpoints: ['pay'] });
      break;
    case 'pay-and-status-5xx':
      await scenario('server-error', rng.int(2, 3), { endpoints: ['pay', 'status'] });
      break;
    case 'drop-pay-response':
      await scenario('drop-pay-response', 1);
      break;
    case 'drop-pay-response-status-5xx':
      await scenario('drop-pay-response', 1);
      await failStatus(rng.int(1, 2));
      break;
    case 'events-cut':
      // The stream opens when paying starts and breaks after its first heartbeat, while /pay is held back.
      await scenario('drop-events', rng.int(1, 2));
      await tab.page.route(payUrl, async (route) => {
        await sleep(rng.int(400, 700));
        await route.continue();
      });
      break;
    case 'offline':
      // The server takes the payment; the browser goes offline before the answer arrives, and back a moment later.
      await tab.page.route(payUrl, async (route) => {
        await route.fetch();
        await context.setOffline(true);
        injected.routed += 1;
        await route.abort('internetdisconnected');
        setTimeout(() => void context.setOffline(false).catch(() => undefined), rng.int(500, 1200));
      });
      break;
  }
  return injected;
}

export function firedScenarioFaults(remote: ReliabilityRemote, injected: Injected): number {
  if (!injected.scenarioTimes) return 0;
  const left = remote.mock.state.scenario.remaining;
  return remote.mock.state.scenario.name === 'normal' ? injected.scenarioTimes : injected.scenarioTimes - (left ?? 0);
}
