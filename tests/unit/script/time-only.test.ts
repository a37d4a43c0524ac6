// Each command's spec says whether it changes the run (`timeOnly`): the lab records a command as an input
// (what share links replay) exactly when it does not. These tests hold the flag to what the engine does.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { allCommands, language } from '../../../src/script/language.ts';
import { parseLine } from '../../../src/script/parser.ts';

const inputsIn = (s: ReturnType<typeof createSession>) => s.sim.fullTrace().filter((e) => e.kind === 'input').length;

describe('timeOnly: which commands change the run', () => {
  it('every command example adds an input to the trace exactly when its spec is not time-only', () => {
    const checked = new Set<string>();
    for (const c of allCommands) {
      const s = createSession(1);
      for (const line of (c.setup ?? '').split('\n').filter(Boolean)) expect(s.exec(line).error, `${c.name} setup: ${line}`).toBeUndefined();
      for (const line of c.example.split('\n')) {
        const cmd = parseLine(language, line);
        if (!cmd) continue;
        const before = inputsIn(s);
        expect(s.exec(line).error, `${c.name} example: ${line}`).toBeUndefined();
        expect(inputsIn(s) > before, `${line}: ${cmd.spec.timeOnly ? 'time-only but recorded an input' : 'acts but recorded no input'}`).toBe(!cmd.spec.timeOnly);
        checked.add(cmd.spec.name);
      }
    }
    expect([...checked].sort()).toEqual(allCommands.map((c) => c.name).sort());
  });

  it('the time and looking commands are the time-only ones', () => {
    expect(allCommands.filter((c) => c.timeOnly).map((c) => c.name).sort())
      .toEqual(['admission.check', 'back', 'eventstore.read', 'expect', 'help', 'run', 'seek', 'show', 'speed', 'step', 'view']);
  });
});

describe('forked: acting at a past moment', () => {
  const opened = () => {
    const s = createSession(7);
    for (const l of ['service name=app work=5ms', 'service name=audit work=30ms', 'subscribe service=audit topic=T', 'fanout from=app topic=T mode=events', 'run for=500ms']) s.exec(l);
    return s;
  };

  it('is said by the result, whatever `show` prints', () => {
    const s = opened();
    s.exec('show kinds=none');
    expect(s.exec('seek t=20ms').forked).toBe(false);
    const r = s.exec('crash node=audit');
    expect(r.output).toEqual([]);
    expect(r.forked).toBe(true);
  });

  it('is false for an act at the end of the run and for time travel itself', () => {
    const s = opened();
    expect(s.exec('crash node=audit').forked).toBe(false);
    expect(s.exec('back n=3').forked).toBe(false);
    expect(s.exec('run for=10ms').forked).toBe(false);
  });
});
