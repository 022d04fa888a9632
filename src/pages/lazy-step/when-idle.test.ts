import { whenIdle } from './when-idle';

describe('whenIdle', () => {
  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
    delete (globalThis as { cancelIdleCallback?: unknown }).cancelIdleCallback;
  });

  it('runs the task in an idle period where requestIdleCallback exists, with the timeout given', () => {
    const calls: { callback: () => void; options?: { timeout?: number } }[] = [];
    const cancelled: number[] = [];
    Object.assign(globalThis, {
      requestIdleCallback: (callback: () => void, options?: { timeout?: number }) => calls.push({ callback, options }),
      cancelIdleCallback: (id: number) => cancelled.push(id),
    });
    const task = jest.fn();
    const cancel = whenIdle(task, 1500);
    expect(task).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toEqual({ timeout: 1500 });
    calls[0]?.callback();
    expect(task).toHaveBeenCalledTimes(1);
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it('falls back to a short timer, which cancel stops', () => {
    jest.useFakeTimers();
    const task = jest.fn();
    whenIdle(task);
    jest.advanceTimersByTime(199);
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);

    const stopped = jest.fn();
    const cancel = whenIdle(stopped);
    cancel();
    jest.advanceTimersByTime(1000);
    expect(stopped).not.toHaveBeenCalled();
  });
});
