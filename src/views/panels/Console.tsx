// The console: type scenario commands (as an instructor would live), with history on ↑/↓ and clear errors.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { labStore } from '../../store/lab-store.ts';
import { useLesson } from '../../store/lesson-store.ts';

interface Entry { id: number; line: string; output: string[]; error?: string; violations: string[] }
const MAX_ENTRIES = 200;
/** A long run prints thousands of trace lines: the console keeps the last ones. */
const MAX_OUTPUT = 500;
let nextId = 1;

export function Console({ inputId = 'console-input' }: { inputId?: string }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const history = useRef<string[]>([]);
  const cursor = useRef<number>(0);
  const out = useRef<HTMLDivElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const line = text.trim();
    if (!line) return;
    history.current = [...history.current.filter((h) => h !== line), line].slice(-100);
    cursor.current = history.current.length;
    setText('');
    // A long `run` goes in slices (a progress bar with Cancel), so the page keeps answering meanwhile.
    labStore.getState().execInSlices(line, (r) => {
      setEntries((es) => [...es, { id: nextId++, line, output: r.output.slice(-MAX_OUTPUT), violations: r.violations, ...(r.error ? { error: r.error } : {}) }].slice(-MAX_ENTRIES));
    });
  };

  const focusRequest = useLesson((s) => s.consoleFocus);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { if (focusRequest > 0) input.current?.focus(); }, [focusRequest]);

  // Keep the newest output in view.
  useEffect(() => { if (out.current) out.current.scrollTop = out.current.scrollHeight; }, [entries]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const h = history.current;
    if (e.key === 'ArrowUp' && h.length) {
      e.preventDefault();
      cursor.current = Math.max(0, cursor.current - 1);
      setText(h[cursor.current] ?? '');
    } else if (e.key === 'ArrowDown' && h.length) {
      e.preventDefault();
      cursor.current = Math.min(h.length, cursor.current + 1);
      setText(h[cursor.current] ?? '');
    }
  };

  return (
    <div className="console">
      <div className="console-output" ref={out} tabIndex={0} role="log" aria-live="polite" aria-label="Console output" data-testid="console-output">
        {entries.length === 0 ? (
          <p className="muted">Type a scenario command, e.g. <code>crash node=analytics</code>, <code>help</code>, <code>run for=1s</code> or <code>expect waited(app) &lt; 100ms</code>. ↑ and ↓ recall earlier commands. The <a href="#/reference">language reference</a> lists them all.</p>
        ) : null}
        {entries.map((en) => (
          <div key={en.id} className={`console-entry${en.error ? ' has-error' : ''}`}>
            <div className="console-line"><span className="prompt" aria-hidden="true">›</span> {en.line}</div>
            {en.output.map((l, k) => <div key={k} className="console-out">{l}</div>)}
            {en.violations.map((l, k) => <div key={`v${k}`} className="console-violation"><span aria-hidden="true">! </span>{l}</div>)}
            {en.error ? <div className="console-error" role="alert"><span aria-hidden="true">✗ </span>{en.error}</div> : null}
          </div>
        ))}
      </div>
      <form className="console-form" onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">Scenario command</label>
        <span className="prompt" aria-hidden="true">›</span>
        <input
          ref={input} id={inputId} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
          autoComplete="off" spellCheck={false} placeholder="command, e.g. run for=500ms" data-testid="console-input"
        />
        <button type="submit" className="btn">Run</button>
        <button type="button" className="btn ghost" onClick={() => setEntries([])}>Clear</button>
      </form>
    </div>
  );
}
