// Injected before any page script (page.addInitScript): timestamps in the page's own clock (performance.now()).
// Plain browser JavaScript, kept out of tsx's transform so nothing but this text reaches the page.
(() => {
  if (window.__bench) return;
  const bench = { pointerDowns: [], cells: [], remoteCalls: [], remoteLoads: [], slowEvents: [] };
  window.__bench = bench;

  // Time after the next frame is painted: rAF runs just before the frame's paint, a task queued from it after.
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(0);
    });

  // The federation runtime reads global plugins from a pre-existing __FEDERATION__: loadRemote's first hook marks its start,
  // the others mark the phases (manifest read, container initialised with the share scope, module handed over).
  bench.federation = [];
  const mark = (hook, detail) => bench.federation.push({ hook, detail: detail ?? '', at: performance.now() });
  window.__FEDERATION__ = {
    __GLOBAL_PLUGIN__: [
      {
        name: 'cashier-bench-timing',
        beforeRequest(args) {
          bench.remoteCalls.push({ id: args.id, at: performance.now() });
          mark('beforeRequest', args.id);
          return args;
        },
        afterLoadSnapshot(args) {
          mark('afterLoadSnapshot', args.moduleInfo?.name);
          return args;
        },
        beforeInitContainer(args) {
          mark('beforeInitContainer', args.origin?.name);
          return args;
        },
        initContainer(args) {
          mark('initContainer', args.origin?.name);
          return args;
        },
        beforeLoadShare(args) {
          mark('beforeLoadShare', args.pkgName);
          return args;
        },
        // The exposed module is evaluated and about to be handed to the host: loading is over, rendering starts.
        onLoad(args) {
          bench.remoteLoads.push({ id: args.id, at: performance.now() });
          mark('onLoad', args.id);
        },
      },
    ],
  };

  // ?benchProfile=1 (profiling runs only, never timed): React commits and the components each commit rendered, counted
  // through the DevTools hook every React build calls; Redux actions and store subscriptions through the compose hook
  // Redux Toolkit's configureStore looks for.
  if (new URLSearchParams(location.search).get('benchProfile')) {
    bench.commits = [];
    bench.actions = [];
    bench.storeEvents = [];
    const PERFORMED_WORK = 1;
    // Components that rendered in this commit: function/class/forwardRef/memo fibers flagged PerformedWork, skipping
    // subtrees React bailed out of (their child is still the previous tree's, shared with the alternate).
    const rendered = (fiber) => {
      let count = 0;
      const stack = fiber ? [fiber] : [];
      while (stack.length) {
        const node = stack.pop();
        if ([0, 1, 11, 14, 15].includes(node.tag) && node.flags & PERFORMED_WORK) count++;
        if (node.sibling) stack.push(node.sibling);
        if (node.child && !(node.alternate && node.child === node.alternate.child)) stack.push(node.child);
      }
      return count;
    };
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      isDisabled: false,
      supportsFiber: true,
      renderers: new Map(),
      inject(renderer) {
        const id = this.renderers.size + 1;
        this.renderers.set(id, renderer);
        return id;
      },
      onScheduleFiberRoot() {},
      onCommitFiberRoot(_id, root) {
        bench.commits.push({ at: performance.now(), components: rendered(root.current.child) });
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
    const countingEnhancer = (createStore) => (...args) => {
      const store = createStore(...args);
      return {
        ...store,
        dispatch(action) {
          if (action && typeof action.type === 'string') bench.actions.push({ type: action.type, at: performance.now() });
          return store.dispatch(action);
        },
        subscribe(listener) {
          bench.storeEvents.push({ kind: 'subscribed', at: performance.now() });
          const off = store.subscribe(() => {
            bench.storeEvents.push({ kind: 'notified', at: performance.now() });
            listener();
          });
          return () => {
            bench.storeEvents.push({ kind: 'unsubscribed', at: performance.now() });
            off();
          };
        },
      };
    };
    window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ = (...funcs) => {
      // Called either with options (returns a compose) or with enhancers directly; the counter sits innermost, so it
      // sees every action that reaches the reducers (thunks' included) and every subscriber.
      const compose = (...enhancers) => (createStore) => [...enhancers, countingEnhancer].reduceRight((next, enhancer) => enhancer(next), createStore);
      return funcs.length === 1 && typeof funcs[0] === 'object' ? compose : compose(...funcs);
    };
  }

  addEventListener(
    'pointerdown',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      bench.pointerDowns.push({ at: event.timeStamp, label: button ? (button.getAttribute('aria-label') ?? button.textContent ?? '') : '' });
    },
    true,
  );

  // Things the harness waits for, by what a person sees; DOM reads only (no layout), so watching costs the page nothing.
  // The cashier may render inside an open shadow root (openCashier's and mountCashier's style isolation, on the
  // elements they mark): every query looks there too.
  const roots = () => [
    document,
    ...[...document.querySelectorAll('[data-cashier-modal], [data-cashier-mount]')].map((host) => host.shadowRoot).filter(Boolean),
  ];
  const queryAll = (selector) => roots().flatMap((root) => [...root.querySelectorAll(selector)]);
  const dialogTitled = (title) =>
    roots().some((root) =>
      [...root.querySelectorAll('[role="dialog"]')].some((dialog) => {
        const label = (root.getElementById ? root : document).getElementById(dialog.getAttribute('aria-labelledby') ?? '');
        return label?.textContent?.trim() === title;
      }),
    );
  // A button's visible words without its aria-hidden parts ('Pay' beside the amount, which is aria-hidden).
  const ownText = (element) =>
    [...element.childNodes]
      .filter((node) => !(node.nodeType === 1 && node.getAttribute('aria-hidden') === 'true'))
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
  const STATES = {
    pay: () => queryAll('button').some((b) => ownText(b) === 'Pay' && !b.disabled),
    keyboard: () => dialogTitled('Enter payment password') && queryAll('[role="dialog"] button').length >= 11,
    success: () => dialogTitled('Payment successful'),
    closed: () => !document.querySelector('[data-cashier-modal]'),
  };

  // Resolves with { seenAt, paintedAt } once the state holds and the frame showing it is painted. Mutations of the
  // document and of every shadow root seen so far are watched (a shadow root's own changes never reach the document's
  // observer); a root attached after its host was inserted is found at the next mutation anywhere.
  bench.whenPainted = (state) =>
    new Promise((resolve) => {
      const test = STATES[state];
      if (!test) throw new Error(`unknown state ${state}`);
      let done = false;
      const watched = new Set();
      const watchRoots = () => {
        for (const root of roots()) {
          if (watched.has(root)) continue;
          watched.add(root);
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        }
      };
      const check = () => {
        if (done) return;
        watchRoots();
        if (!test()) return;
        done = true;
        observer.disconnect();
        const seenAt = performance.now();
        afterNextPaint((paintedAt) => resolve({ seenAt, paintedAt }));
      };
      const observer = new MutationObserver(check);
      check();
    });

  // ?benchWatch=<state>: watched from the first script on, for timings that start at navigation.
  const watch = new URLSearchParams(location.search).get('benchWatch');
  if (watch) {
    bench.watched = null;
    const start = () => bench.whenPainted(watch).then((painted) => (bench.watched = painted));
    if (document.documentElement) start();
    else addEventListener('DOMContentLoaded', start, { once: true });
  }

  // Password cells: every time the number of filled cells grows, the paint of that frame is recorded.
  let filled = 0;
  const cellWaiters = [];
  // Resolves once `n` filled-cell paints are recorded: the harness asks before it taps, so nothing polls the page.
  bench.cellsPainted = (n) =>
    new Promise((resolve) => {
      const check = () => (bench.cells.length >= n ? resolve(bench.cells.length) : cellWaiters.push(check));
      check();
    });
  const countFilled = () => document.querySelectorAll('.cashier-pk-cells .cashier-pk-filled').length;
  new MutationObserver(() => {
    const now = countFilled();
    if (now > filled) {
      const seenAt = performance.now();
      const pointerDown = bench.pointerDowns.at(-1)?.at ?? Number.NaN;
      afterNextPaint((paintedAt) => {
        bench.cells.push({ count: now, pointerDown, seenAt, paintedAt });
        for (const waiter of cellWaiters.splice(0)) waiter();
      });
    }
    filled = now;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });

  // Event Timing: only interactions of 16 ms or more are reported (the API's floor), duration up to the next paint.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.slowEvents.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, processingEnd: entry.processingEnd });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // No Event Timing in this browser: the MutationObserver numbers stand alone.
  }
})();
