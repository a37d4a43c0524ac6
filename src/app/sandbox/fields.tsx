// Labelled form controls for the builder: each one names itself, shows its problem right under it
// (aria-invalid + aria-describedby), and reports plain values (numbers as numbers, NaN when unreadable).
import { createContext, useContext, type ReactNode } from 'react';

/** Problems by field path (`queues.0.dlq`), provided by the builder. */
export const ProblemsContext = createContext<ReadonlyMap<string, readonly string[]>>(new Map());

export const fieldId = (path: string) => `sb-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface Common { path: string; label: string; hint?: string; wide?: boolean; span2?: boolean }

function Frame({ path, label, hint, wide, span2, children }: Common & { children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const problems = useContext(ProblemsContext).get(path) ?? [];
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, problems.length ? `${id}-err` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`sb-field${wide ? ' wide' : span2 ? ' span2' : ''}${problems.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: problems.length > 0 })}
      {hint ? <span className="sb-hint" id={`${id}-hint`}>{hint}</span> : null}
      {problems.length ? (
        <span className="sb-error" id={`${id}-err`}>
          {problems.map((p, i) => <span key={i}><span aria-hidden="true">✗ </span>{p}</span>)}
        </span>
      ) : null}
    </div>
  );
}

export function TextField(props: Common & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type="text" value={props.value} spellCheck={false} autoComplete="off" placeholder={props.placeholder}
          aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Frame>
  );
}

export function NumberField(props: Common & { value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number; unit?: string }) {
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <span className="sb-number">
          <input id={id} type="number" inputMode="numeric" value={Number.isFinite(props.value) ? String(props.value) : ''}
            min={props.min} max={props.max} step={props.step ?? 1} aria-invalid={invalid} aria-describedby={describedBy}
            onChange={(e) => props.onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))} />
          {props.unit ? <span className="sb-unit" aria-hidden="true">{props.unit}</span> : null}
        </span>
      )}
    </Frame>
  );
}

export function SelectField<T extends string>(props: Common & { value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void }) {
  const known = props.options.some((o) => o.value === props.value);
  return (
    <Frame {...props}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={props.value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => props.onChange(e.target.value as T)}>
          {known ? null : <option value={props.value}>{props.value === '' ? '— pick one —' : `${props.value} (missing)`}</option>}
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Frame>
  );
}

export function CheckField(props: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  const problems = useContext(ProblemsContext).get(props.path) ?? [];
  const id = fieldId(props.path);
  return (
    <div className={`sb-field sb-check${problems.length ? ' invalid' : ''}`}>
      <input id={id} type="checkbox" checked={props.checked} aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-err` : undefined} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {problems.length ? <span className="sb-error" id={`${id}-err`}>{problems.map((p, i) => <span key={i}><span aria-hidden="true">✗ </span>{p}</span>)}</span> : null}
    </div>
  );
}
