// Vector clocks compared as Mattern (1988) and Fidge (1988) define them: V(a) <= V(b) in every entry and
// different in one means a happened before b; neither way round means concurrent.
import { describe, expect, it } from 'vitest';
import { compareVectorClocks, receive, tick } from '../../../src/engine/admission/clocks.ts';

describe('compareVectorClocks', () => {
  it.each([
    [{ a: 1 }, { a: 2 }, 'before'],
    [{ a: 2, b: 1 }, { a: 1, b: 1 }, 'after'],
    [{ a: 1, b: 2 }, { a: 1, b: 2 }, 'equal'],
    [{ a: 2, b: 1 }, { a: 1, b: 2 }, 'concurrent'],
    [{}, {}, 'equal'],
    [{ a: 0 }, {}, 'equal'],             // a missing entry counts 0
    [{}, { c: 1 }, 'before'],
    [{ a: 1 }, { b: 1 }, 'concurrent'],  // each knows an event the other does not
  ] as const)('%j vs %j: %s', (a, b, want) => {
    expect(compareVectorClocks(a, b)).toBe(want);
  });

  it('a message orders the send before the receive; two writes with no message between them are concurrent', () => {
    const send = tick({}, 'p');                // p: {p:1}
    const got = receive({}, send, 'q');       // q: {p:1, q:1}
    expect(compareVectorClocks(send, got)).toBe('before');
    const other = tick({}, 'r');              // r writes on its own
    expect(compareVectorClocks(got, other)).toBe('concurrent');
  });
});
