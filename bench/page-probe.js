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

  // The federation runtime reads global plugins from a pre-existing __FEDERATION__: loadRemote's first hook marks its start.
  window.__FEDERATION__ = {
    __GLOBAL_PLUGIN__: [
      {
        name: 'cashier-bench-timing',
        beforeRequest(args) {
          bench.remoteCalls.push({ id: args.id, at: performance.now() });
          return args;
        },
        // The exposed module is evaluated and about to be handed to the host: loading is over, rendering starts.
        onLoad(args) {
          bench.remoteLoads.push({ id: args.id, at: performance.now() });
        },
      },
    ],
  };

  addEventListener(
    'pointerdown',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      bench.pointerDowns.push({ at: event.timeStamp, label: button ? (button.getAttribute('aria-label') ?? button.textContent ?? '') : '' });
    },
    true,
  );

  // Things the harness waits for, by what a person sees; DOM reads only (no layout), so watching costs the page nothing.
  const dialogTitled = (title) =>
    [...document.querySelectorAll('[role="dialog"]')].some((dialog) => {
      const label = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
      return label?.textContent?.trim() === title;
    });
  const STATES = {
    pay: () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Pay' && !b.disabled),
    keyboard: () => dialogTitled('Enter payment password') && document.querySelectorAll('[role="dialog"] button').length >= 11,
    success: () => dialogTitled('Payment successful'),
    closed: () => !document.querySelector('[data-cashier-modal]'),
  };

  // Resolves with { seenAt, paintedAt } once the state holds and the frame showing it is painted.
  bench.whenPainted = (state) =>
    new Promise((resolve) => {
      const test = STATES[state];
      if (!test) throw new Error(`unknown state ${state}`);
      let done = false;
      const check = () => {
        if (done || !test()) return;
        done = true;
        observer.disconnect();
        const seenAt = performance.now();
        afterNextPaint((paintedAt) => resolve({ seenAt, paintedAt }));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
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
