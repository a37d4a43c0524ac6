// The linearizability checker on a 1,000-operation history from 5 clients of a register (each client always
// has one operation open, so up to 5 overlap): once as recorded (linearizable) and once with one read near
// the end turned stale (not linearizable: the search must exhaust every placement of the last window).
// Operations checked per second, so run.ts gives the ratio to the kernel's events per second.
import { checkLinearizable } from '../../src/engine/admission/linearizability.ts';
import { registerModel, type RegisterOp, type RegisterValue } from '../../src/engine/admission/register-model.ts';
import type { Figure } from './kernel.ts';

function history(ops: number, clients: number): RegisterOp[] {
  let seed = 12345;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  let value: RegisterValue = 0;
  const free = Array.from({ length: clients }, () => 0);
  const out: RegisterOp[] = [];
  for (let k = 0; k < ops; k++) {
    const c = k % clients;
    const at = k * 4; // each operation's moment of effect
    const call = Math.max(free[c]!, at - rand(12));
    const ret = at + rand(12);
    free[c] = ret + 1;
    const write = rand(2) === 0;
    if (write) value = rand(5);
    out.push({ id: k, client: `c${c}`, call, ret, input: write ? { f: 'write', key: 'x', value } : { f: 'read', key: 'x' }, output: write ? {} : { value } });
  }
  return out;
}

function timed(ops: RegisterOp[]): { secs: number; verdict: string } {
  let best = Infinity;
  let verdict = '';
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    verdict = checkLinearizable(registerModel(0), ops).verdict;
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { secs: best, verdict };
}

export function benchAdmission(): Figure[] {
  const ok = history(1_000, 5);
  const bad = ok.map((o) => ({ ...o }));
  const lastRead = bad.findLast((o) => o.input.f === 'read')!;
  lastRead.output = { value: 99 };
  const a = timed(ok);
  const b = timed(bad);
  if (a.verdict !== 'linearizable' || b.verdict !== 'not-linearizable') throw new Error(`checker bench: unexpected verdicts ${a.verdict}, ${b.verdict}`);
  return [
    { name: 'checker, 1,000 ops / 5 clients, linearizable: ops/s', value: ok.length / a.secs, unit: 'ops/s' },
    { name: 'checker, same with one stale read: ops/s', value: bad.length / b.secs, unit: 'ops/s' },
  ];
}
