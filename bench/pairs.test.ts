import { interleave, orderOf } from './pairs';
import { type ResourceSpan, serialChain } from './phases';

describe('interleaved rounds', () => {
  it('alternates the order of the variants from round to round', () => {
    expect(orderOf(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(orderOf(['a', 'b', 'c'], 1)).toEqual(['c', 'b', 'a']);
  });

  it('runs every variant once per round, A B then B A, and drops the warm-up round', async () => {
    const calls: string[] = [];
    let n = 0;
    const rounds = await interleave(2, {
      a: async () => {
        calls.push('a');
        return ++n;
      },
      b: async () => {
        calls.push('b');
        return ++n;
      },
    });
    expect(calls).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    expect(rounds).toEqual([
      { b: 3, a: 4 },
      { a: 5, b: 6 },
    ]);
  });
});

describe('serial chain of requests', () => {
  const span = (file: string, start: number, end: number): ResourceSpan => ({ file, kind: 'js', start, end });

  it('follows files that were requested only after the previous one arrived', () => {
    // 'late' waited for the chunk, not for the entry (still on its way when 'late' was asked for).
    const spans = [span('manifest', 0, 10), span('entry', 12, 30), span('chunk', 11, 25), span('late', 26, 40)];
    expect(serialChain(spans).map((s) => s.file)).toEqual(['manifest', 'chunk', 'late']);
  });

  it('counts files fetched in parallel as one step', () => {
    expect(serialChain([span('a', 0, 10), span('b', 1, 12), span('c', 2, 9)])).toHaveLength(1);
    expect(serialChain([])).toEqual([]);
  });
});
