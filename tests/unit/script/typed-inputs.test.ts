import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';

const inputLines = (s: ReturnType<typeof createSession>) =>
  s.sim.trace().filter((e) => e.kind === 'input').map((e) => e.text);

describe('the trace shows each command as it was typed', () => {
  it('not the parsed arguments with every default spelled out in ms', () => {
    const s = createSession(1);
    expect(s.exec('sqs.queue name=orders   visibility=2s  # a comment').error).toBeUndefined();
    expect(s.exec('sqs.consumer name=w1 queue=orders work=300ms').error).toBeUndefined();
    expect(inputLines(s)).toEqual(['sqs.queue name=orders visibility=2s', 'sqs.consumer name=w1 queue=orders work=300ms']);
  });

  it('and replays of the same lines give the same trace hash', () => {
    const run = () => {
      const s = createSession(3);
      for (const l of ['service name=app work=5ms', 'crash node=app', 'run for=1s', 'restart node=app']) s.exec(l);
      return s.sim.traceHash();
    };
    expect(run()).toBe(run());
  });

  it('a command that fails leaves no label behind for the next one', () => {
    const s = createSession(1);
    expect(s.exec('crash node=nobody').error).toBeDefined();
    s.exec('service name=app');
    expect(inputLines(s)).toEqual(['service name=app']);
  });
});
