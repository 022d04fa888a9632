import { afterNextPaint } from './after-paint';

describe('afterNextPaint', () => {
  afterEach(() => jest.useRealTimers());

  it('runs the task once, after a frame callback, not in the current task', async () => {
    const task = jest.fn();
    afterNextPaint(task);
    expect(task).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs after the time limit when no frame comes (a hidden page), still once', () => {
    jest.useFakeTimers();
    const frames = jest.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    const task = jest.fn();
    afterNextPaint(task, 100);
    jest.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
    frames.mockRestore();
  });

  it('does nothing once cancelled', async () => {
    const task = jest.fn();
    afterNextPaint(task)();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(task).not.toHaveBeenCalled();
  });
});
