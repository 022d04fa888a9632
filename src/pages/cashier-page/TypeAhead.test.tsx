import { act, render } from '@testing-library/react';
import { TYPE_AHEAD } from './type-ahead';
import { SAMPLE_TEXT, TypeAhead } from './TypeAhead';

type Idle = (deadline: IdleDeadline) => void;

describe('TypeAhead', () => {
  let idle: Idle[];
  let requested: number;
  let cancelled: number[];
  beforeEach(() => {
    idle = [];
    requested = 0;
    cancelled = [];
    Object.assign(globalThis, {
      requestIdleCallback: (callback: Idle) => {
        idle.push(callback);
        return ++requested;
      },
      cancelIdleCallback: (id: number) => cancelled.push(id),
    });
  });
  afterEach(() => {
    delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
    delete (globalThis as { cancelIdleCallback?: unknown }).cancelIdleCallback;
  });
  const runIdle = (timeLeft: number) => act(() => idle.shift()?.({ didTimeout: false, timeRemaining: () => timeLeft }));

  it('lays out one hidden line per font while idle, a few per idle period, then removes them', async () => {
    const { container } = render(<TypeAhead locale="zh-CN" />);
    const box = container.querySelector('.cashier-type-ahead') as HTMLElement;
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(box.childElementCount).toBe(0); // nothing before the page is idle
    runIdle(0); // a busy idle period still does one
    expect(box.childElementCount).toBe(1);
    const [first] = TYPE_AHEAD;
    expect((box.firstElementChild as HTMLElement).style.fontSize).toBe(`${first?.size}px`);
    expect(box.textContent).toContain('支付');
    while (idle.length) runIdle(50);
    expect(box.childElementCount).toBe(TYPE_AHEAD.length);
    const mono = [...box.children].find((line) => (line as HTMLElement).style.fontFamily.startsWith('ui-monospace'));
    expect(mono).toBeDefined();
    await act(() => new Promise((resolve) => setTimeout(resolve, 150))); // after the next paint
    expect(box.childElementCount).toBe(0);
    expect(box.dataset.state).toBe('done');
  });

  it('writes no CJK for en-US, and stops when unmounted', () => {
    const { container, unmount } = render(<TypeAhead locale="en-US" />);
    runIdle(0);
    expect(container.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(idle).toHaveLength(1); // the next line waits for the next idle period
    unmount();
    expect(cancelled).toEqual([requested]);
  });

  it('shows no two figures side by side, so no sample can read as a password or a card number', () => {
    for (const text of Object.values(SAMPLE_TEXT)) {
      expect(text).not.toMatch(/\d\d/);
      expect(text.match(/\d/g)).toHaveLength(10); // every figure is still laid out
    }
  });
});
