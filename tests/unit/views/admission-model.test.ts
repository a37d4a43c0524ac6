// The admission pictures' model: what the timeline outlines as the checker's offending operation, the
// watches that disagree, and siblings with their vector clocks (Dynamo's siblings, Mattern's vectors).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { admissionPicture } from '../../../src/views/admission/model.ts';
import type { AdmissionState } from '../../../src/engine/admission/index.ts';

function picture(lines: string[]) {
  const s = createSession(1);
  for (const l of lines) expect(s.exec(l).error, l).toBeUndefined();
  return admissionPicture(s.sim.state<AdmissionState>('admission'), s.sim);
}

describe('admission picture', () => {
  it('outlines the stale read the checker cannot place, and marks the longest legal order', () => {
    const pic = picture(['admission.start mode=available', 'network latency=10ms', 'admission.write client=c1 value=1', 'run for=200ms',
      'partition a=r1,c1 b=r2,r3,c2', 'admission.write client=c2 value=2', 'run for=100ms', 'admission.read client=c1', 'run for=100ms']);
    expect(pic.verdict).toBe('not-linearizable');
    const bad = pic.ops.filter((o) => o.offending);
    expect(bad.map((o) => [o.client, o.label])).toEqual([['c1', 'r 1']]);
    expect(pic.ops.filter((o) => o.placed).map((o) => o.label)).toEqual(['w 1', 'w 2']);
  });

  it('a refused operation has no return and is not offending in majority mode', () => {
    const pic = picture(['admission.start mode=majority', 'partition a=r1,c1 b=r2,r3,c2', 'admission.read client=c1', 'run for=2s']);
    expect(pic.ops[0]).toMatchObject({ status: 'failed', ret: null, offending: false, label: 'r refused' });
    expect(pic.verdict).toBe('linearizable');
  });

  it('watches show each replica\'s skew and drift', () => {
    const pic = picture(['admission.start', 'skew node=r2 by=-500ms drift=1000', 'run for=1s']);
    expect(pic.replicas.map((r) => r.offset)).toEqual([0, -499, 0]);
    expect(pic.replicas[1]!.drift).toBe(1000);
  });

  it('siblings carry their vector clocks', () => {
    const pic = picture(['admission.start mode=available stamp=vector', 'partition a=r1,c1 b=r2,r3,c2',
      'admission.write client=c1 value=a', 'admission.write client=c2 value=b', 'run for=100ms', 'heal', 'run for=2s']);
    expect(pic.replicas[2]!.versions.map((v) => `${v.value} ${v.vc}`).sort()).toEqual(['a {r1:1}', 'b {r2:1}']);
  });
});
