import { describe, expect, it } from 'vitest';
import { parseLine, parseScript, ScriptError } from '../../../src/script/parser.ts';
import { allCommands, language } from '../../../src/script/language.ts';
import { createSession } from '../../../src/script/runner.ts';

const errorOf = (line: string): string => {
  try {
    parseLine(language, line, 7);
  } catch (e) {
    if (e instanceof ScriptError) return e.message;
    throw e;
  }
  throw new Error(`'${line}' parsed without error`);
};

describe('the scenario language: valid scripts', () => {
  it('parses commands with typed arguments, defaults, quotes and comments', () => {
    const cmds = parseScript(language, [
      '# a comment',
      'service name=bakery work=1.5s   # trailing comment',
      'link from=bakery to=board loss=10% dup=0.5 latency=20ms',
      'run until="now >= 2s and violations == 0" max=5s',
      'expect read(bakery) == 0',
      '',
    ].join('\n'));
    expect(cmds.map((c) => c.spec.name)).toEqual(['service', 'link', 'run', 'expect']);
    expect(cmds[0]!.args).toMatchObject({ name: 'bakery', work: 1500, jitter: 0 });
    expect(cmds[1]!.args).toMatchObject({ loss: 0.1, dup: 0.5, latency: 20, oneway: false });
    expect(cmds[2]!.args).toMatchObject({ until: 'now >= 2s and violations == 0', max: 5000 });
    expect(cmds[3]!.rest).toBe('read(bakery) == 0');
    expect(cmds[3]!.line).toBe(5);
  });

  it('runs a script and checks expectations against the simulation', () => {
    const s = createSession(1);
    for (const l of ['service name=a work=10ms', 'service name=b work=100ms', 'call from=a to=b', 'run until="waiting(a) == false"']) {
      expect(s.exec(l).error).toBeUndefined();
    }
    expect(s.exec('expect waited(a) == 120ms').error).toBeUndefined();
    expect(s.exec('expect handled(b) == 1 and violations == 0').error).toBeUndefined();
  });
});

describe('the scenario language: each kind of mistake has its own message', () => {
  it('an unknown command names the line and column and suggests the nearest one', () => {
    expect(errorOf('  crsh node=n1')).toBe("line 7, column 3: unknown command 'crsh': expected a command name (run, step, crash, expect, ...). Did you mean 'crash'?");
  });
  it('an unknown argument suggests the nearest argument', () => {
    expect(errorOf('crash nod=n1')).toBe("line 7, column 7: crash has no argument 'nod'. Did you mean 'node='?");
  });
  it('a word without key= says what the command takes', () => {
    expect(errorOf('crash n1')).toBe("line 7, column 7: expected key=value after crash, got 'n1' (crash takes node=)");
  });
  it('a missing required argument is named with its meaning', () => {
    expect(errorOf('crash')).toBe('line 7, column 6: crash needs node= (the node)');
  });
  it('a bad duration shows the expected form', () => {
    expect(errorOf('run for=soon')).toBe("line 7, column 9: for= expects a duration like 250ms or 2s (units: ms, s, m, h), got 'soon'");
  });
  it('a duration without its unit is refused with the expected form, in every duration argument of the language', () => {
    expect(errorOf('run for=5')).toBe("line 7, column 9: for= expects a duration with its unit, like 5ms or 5s (units: ms, s, m, h), got '5'");
    for (const c of allCommands) {
      for (const a of c.args.filter((x) => x.type === 'duration')) {
        const needs = c.args.filter((x) => x.required && x.name !== a.name).map((x) => `${x.name}=${x.type === 'duration' ? '1s' : x.type === 'enum' ? x.values![0] : x.type === 'int' ? '1' : 'x'}`);
        const line = [c.name, ...needs, `${a.name}=5`].join(' ');
        expect(errorOf(line), line).toContain(`${a.name}= expects a duration with its unit, like 5ms or 5s`);
        expect(() => parseLine(language, [c.name, ...needs, `${a.name}=5s`].join(' ')), line).not.toThrow();
      }
    }
    // Zero is zero in any unit; skew's signed offset is checked the same way when it runs.
    expect(parseLine(language, 'run for=0')!.args.for).toBe(0);
    const s = createSession(1);
    s.exec('service name=a');
    expect(s.exec('skew node=a by=-5').error).toBe("skew: by= expects a duration (a minus sign for behind) with its unit, like 5ms or 5s (units: ms, s, m, h), got '-5'");
    expect(s.exec('skew node=a by=-5ms').error).toBeUndefined();
  });
  it('a bad probability', () => {
    expect(errorOf('network loss=150%')).toBe("line 7, column 14: loss= expects a probability between 0 and 1, or a percentage like 5%, got '150%'");
  });
  it('a value outside an enum suggests the nearest', () => {
    expect(errorOf('fanout from=a topic=T mode=call')).toBe("line 7, column 28: mode= expects one of calls, events, got 'call'. Did you mean 'calls'?");
  });
  it('an unterminated quote', () => {
    expect(errorOf('run until="now > 1s')).toBe('line 7, column 11: unterminated quoted value: add the closing "');
  });
  it('an argument given twice', () => {
    expect(errorOf('crash node=a node=b')).toBe('line 7, column 14: node= is given twice');
  });
  it('a broken condition points into it', () => {
    expect(errorOf('expect now >=')).toBe('line 7, column 14: the condition ends too early: expected a value');
    expect(errorOf('expect nosuch(x) == 1')).toBe("line 7, column 8: unknown query 'nosuch'");
    expect(errorOf('expect now == 1 1')).toBe("line 7, column 17: unexpected '1': expected and, or, or the end");
  });
  it('a file reports the file name with the line', () => {
    expect(() => parseScript(language, 'run for=1s\nstep n=x', 'demo.lab')).toThrow("demo.lab:line 2, column 8: n= expects a whole number, got 'x'");
  });
  it('a failed expect reports the actual value', () => {
    const s = createSession(1);
    s.exec('service name=a');
    expect(s.exec('expect handled(a) == 3').error).toBe('expect failed: handled(a) == 3 (handled(a) is 0)');
  });
  it('a command that cannot be carried out says why and changes nothing', () => {
    const s = createSession(1);
    s.exec('service name=a');
    const hash = s.sim.traceHash();
    expect(s.exec('call from=a to=ghost').error).toBe("call: there is no service 'ghost'; add it first with: service name=ghost");
    expect(s.exec('crash node=ghost').error).toBe("crash: unknown node 'ghost'");
    expect(s.sim.traceHash()).toBe(hash);
    expect(s.sim.inputs()).toHaveLength(1);
  });
});

describe('help, from the same command table the parser reads', () => {
  it('`help` lists every command, by group', () => {
    const r = createSession(1).exec('help');
    expect(r.error).toBeUndefined();
    const listed = r.output.slice(1).flatMap((l) => l.split(': ')[1]!.split(', '));
    expect(listed.sort()).toEqual(allCommands.map((c) => c.name).sort());
    expect(r.output[0]).toContain('help <command>');
  });
  it('`help run` shows how run is written, each argument with its default, and an example', () => {
    const out = createSession(1).exec('help run').output;
    expect(out[0]).toBe('run [for=<duration>] [until=<condition>] [max=<duration>]');
    expect(out).toContain('  max=  duration (default 60s): give up on until= after this long');
    expect(out.at(-1)).toBe('  example: run for=500ms  ·  run until="now >= 2s" max=5s');
  });
  it('`help` with a word that is not a command suggests the nearest; the "Type `help`" hint now works', () => {
    expect(errorOf('help rnu')).toBe("line 7, column 6: help takes one command name, got 'rnu'. Did you mean 'run'?");
    expect(errorOf('zzzzzz')).toContain('Type `help` for the list.');
  });
  it('changes nothing in the run', () => {
    const s = createSession(1);
    s.exec('service name=a');
    const hash = s.sim.traceHash();
    s.exec('help');
    s.exec('help crash');
    expect(s.sim.traceHash()).toBe(hash);
  });
});
