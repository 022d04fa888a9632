// Init scripts that observe a page without changing what it does: the Redux action log (through the standard Redux
// DevTools hook), CSP violations, and the listeners, timers, event streams and camera tracks it holds.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * tsx (esbuild keepNames) wraps named functions in test code with `__name(fn, "name")`; functions handed to the
 * page need that helper there too. It only names functions: nothing of the page changes.
 */
export async function allowCompiledFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
}

declare global {
  interface Window {
    __reliability?: {
      redux: { actions: string[]; states: string[] };
      csp: { directive: string; blocked: string; sample: string; source: string }[];
      live?: LiveCounters;
    };
  }
}

interface LiveCounters {
  listeners: Map<EventTarget, Map<string, Set<unknown>>>;
  timeouts: Set<number>;
  intervals: Set<number>;
  streams: Set<EventSource>;
  tracks: MediaStreamTrack[];
}

/**
 * Redux Toolkit's configureStore composes its enhancers with window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ when the
 * page has one (that is how the Redux DevTools extension sees every store). This one appends a recording enhancer:
 * every plain action that reaches a store, and the state after it, as JSON. Host stores and the remote's own alike.
 */
export async function recordRedux(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log = { actions: [] as string[], states: [] as string[] };
    window.__reliability = window.__reliability ?? { redux: log, csp: [] };
    window.__reliability.redux = log;
    type Enhancer = (next: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
    const recorder: Enhancer =
      (next) =>
      (...args) => {
        const store = next(...args) as { dispatch: (action: unknown) => unknown; getState: () => unknown };
        const dispatch = (action: unknown) => {
          const result = store.dispatch(action);
          try {
            log.actions.push(JSON.stringify(action));
            log.states.push(JSON.stringify(store.getState()));
          } catch {
            log.actions.push('[unserialisable action]');
          }
          return result;
        };
        return { ...store, dispatch };
      };
    (window as unknown as Record<string, unknown>).__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ =
      () =>
      (...enhancers: Enhancer[]) =>
      (createStore: (...args: unknown[]) => unknown) =>
        [...enhancers, recorder].reduceRight((next, enhancer) => enhancer(next), createStore);
  });
}

export async function reduxLog(page: Page): Promise<{ actions: string[]; states: string[] }> {
  return page.evaluate(() => window.__reliability?.redux ?? { actions: [], states: [] });
}

/** Every securitypolicyviolation event of the page (documents and workers report to the document). */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__reliability = window.__reliability ?? { redux: { actions: [], states: [] }, csp: [] };
    const csp = window.__reliability.csp;
    document.addEventListener('securitypolicyviolation', (event) => {
      csp.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, source: `${event.sourceFile}:${event.lineNumber}` });
    });
  });
}

export async function cspViolations(page: Page): Promise<{ directive: string; blocked: string; sample: string; source: string }[]> {
  return page.evaluate(() => window.__reliability?.csp ?? []);
}

/**
 * Counts what outlives a component: listeners on window/document/html/body, pending timeouts and live intervals,
 * open EventSources, camera tracks. Wrappers pass every call through unchanged.
 */
export async function countLiveResources(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const live = {
      listeners: new Map<EventTarget, Map<string, Set<unknown>>>(),
      timeouts: new Set<number>(),
      intervals: new Set<number>(),
      streams: new Set<EventSource>(),
      tracks: [] as MediaStreamTrack[],
    };
    window.__reliability = window.__reliability ?? { redux: { actions: [], states: [] }, csp: [] };
    window.__reliability.live = live;
    const watched = (target: EventTarget) =>
      target === window || target === document || target === document.documentElement || target === document.body;
    const keyOf = (listener: unknown, options: unknown) => {
      const capture = typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
      return { listener, capture };
    };
    const proto = EventTarget.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    // One entry per (listener, capture), as the DOM itself de-duplicates.
    const ids = new WeakMap<object, number>();
    let nextId = 0;
    const idOf = (listener: unknown) => {
      if (typeof listener !== 'object' && typeof listener !== 'function') return String(listener);
      if (listener === null) return 'null';
      let id = ids.get(listener);
      if (id === undefined) {
        id = nextId++;
        ids.set(listener, id);
      }
      return String(id);
    };
    // Playwright's own injected script listens on window while it acts: not the page's listeners.
    const fromPlaywright = () => /InjectedScript|__playwright/.test(new Error().stack ?? '');
    proto.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener && watched(this) && !fromPlaywright()) {
        const { capture } = keyOf(listener, options);
        const byType = live.listeners.get(this) ?? new Map<string, Set<unknown>>();
        const set = byType.get(type) ?? new Set<unknown>();
        set.add(`${idOf(listener)}:${capture}`);
        byType.set(type, set);
        live.listeners.set(this, byType);
        const signal = (options as { signal?: AbortSignal } | undefined)?.signal;
        signal?.addEventListener('abort', () => set.delete(`${idOf(listener)}:${capture}`));
      }
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    } as typeof proto.addEventListener;
    proto.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener && watched(this)) {
        const { capture } = keyOf(listener, options);
        live.listeners.get(this)?.get(type)?.delete(`${idOf(listener)}:${capture}`);
      }
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    } as typeof proto.removeEventListener;

    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = st(
        (...inner: unknown[]) => {
          live.timeouts.delete(id);
          if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...inner);
        },
        ms,
        ...args,
      );
      live.timeouts.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) live.timeouts.delete(id);
      ct(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = si(handler, ms, ...args);
      live.intervals.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) live.intervals.delete(id);
      ci(id);
    }) as typeof window.clearInterval;

    const NativeEventSource = window.EventSource;
    class CountedEventSource extends NativeEventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        live.streams.add(this);
      }
      override close() {
        live.streams.delete(this);
        super.close();
      }
    }
    window.EventSource = CountedEventSource;

    const media = navigator.mediaDevices;
    if (media?.getUserMedia) {
      const getUserMedia = media.getUserMedia.bind(media);
      media.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        live.tracks.push(...stream.getTracks());
        return stream;
      };
    }
  });
}

export interface LiveCount {
  listeners: Record<string, number>;
  timeouts: number;
  intervals: number;
  /** EventSources not closed by the page (a server-closed stream counts until the page closes it). */
  streams: number;
  /** Camera tracks handed out, and those still live. */
  tracks: number;
  liveTracks: number;
}

export async function liveCount(page: Page): Promise<LiveCount> {
  return page.evaluate(() => {
    const live = window.__reliability?.live;
    if (!live) throw new Error('countLiveResources() was not installed before the page loaded');
    const names = new Map<EventTarget, string>([
      [window, 'window'],
      [document, 'document'],
      [document.documentElement, 'html'],
      [document.body, 'body'],
    ]);
    const listeners: Record<string, number> = {};
    for (const [target, byType] of live.listeners) {
      for (const [type, set] of byType) if (set.size) listeners[`${names.get(target) ?? 'other'}:${type}`] = set.size;
    }
    return {
      listeners,
      timeouts: live.timeouts.size,
      intervals: live.intervals.size,
      streams: live.streams.size,
      tracks: live.tracks.length,
      liveTracks: live.tracks.filter((t) => t.readyState === 'live').length,
    };
  });
}
