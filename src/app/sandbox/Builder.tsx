// The topology builder: pick a system, start from a preset or from nothing, add and edit its parts.
// Every change goes through `onChange` with a whole new topology (the page decides what the text does).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { KINDS, SECTIONS, newItem, removeItem, updateItem, type Section, type SandboxKind, type Topology } from './model.ts';
import { PRESETS } from './presets.ts';
import { problemsByPath, type Problem } from './validate.ts';
import { NumberField, ProblemsContext, fieldId } from './fields.tsx';
import { BindingFields, ConsumerFields, ExchangeFields, ProducerFields, QueueFields, SECTION_HINTS, SubscriptionFields, TopicFields, itemNoun } from './items.tsx';

interface BuilderProps {
  topology: Topology;
  problems: readonly Problem[];
  onChange: (t: Topology) => void;
  onKind: (k: SandboxKind) => void;
  /** Load a preset: build it and run it at once. */
  onPreset: (t: Topology) => void;
}

export function Builder({ topology: t, problems, onChange, onKind, onPreset }: BuilderProps) {
  const byPath = useMemo(() => problemsByPath(problems), [problems]);
  const [preset, setPreset] = useState(PRESETS[0]!.id);
  // After "Add", focus the new item's first field; after "Remove", the section's Add button.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [t]);

  const add = (section: Section) => {
    const next = newItem(t, section);
    focusNext.current = fieldId(`${section}.${(next[section] as unknown[]).length - 1}.${section === 'bindings' ? 'exchange' : 'name'}`);
    onChange(next);
  };
  const remove = (section: Section, i: number) => {
    focusNext.current = `sb-add-${section}`;
    onChange(removeItem(t, section, i));
  };
  const chosen = PRESETS.find((p) => p.id === preset)!;

  return (
    <ProblemsContext.Provider value={byPath}>
      <section className="sb-builder" aria-labelledby="sb-title" data-own-keys>
        <h3 id="sb-title" className="sb-title" tabIndex={-1}>Build a topology</h3>
        <div className="sb-presets">
          <label htmlFor="sb-preset">Start from</label>
          <select id="sb-preset" value={preset} onChange={(e) => setPreset(e.target.value)} aria-describedby="sb-preset-summary">
            {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
          <button type="button" className="btn small" onClick={() => onPreset(chosen.topology)}>Load and run</button>
          <span id="sb-preset-summary" className="sb-hint">{chosen.summary}</span>
        </div>
        <fieldset className="sb-kinds">
          <legend>System</legend>
          <div className="sb-kind-options">
            {KINDS.map((k) => (
              <label key={k.id} className={`sb-kind${t.kind === k.id ? ' active' : ''}`}>
                <input type="radio" name="sb-kind" value={k.id} checked={t.kind === k.id} onChange={() => onKind(k.id)} />
                <span>{t.kind === k.id ? <span aria-hidden="true">✓ </span> : null}{k.short}</span>
              </label>
            ))}
          </div>
          <p className="sb-hint"><strong>{KINDS.find((k) => k.id === t.kind)!.label}:</strong> {KINDS.find((k) => k.id === t.kind)!.summary}</p>
        </fieldset>
        {SECTIONS[t.kind].map((section) => (
          <SectionBlock key={section} t={t} section={section} problems={byPath.get(section) ?? []} onAdd={() => add(section)}>
            {(t[section] as unknown[]).map((_, i) => (
              <ItemCard key={i} t={t} section={section} i={i} onRemove={() => remove(section, i)}>
                <ItemFields t={t} section={section} i={i} onChange={onChange} />
              </ItemCard>
            ))}
          </SectionBlock>
        ))}
        <div className="sb-run">
          <NumberField path="runForMs" label="After building, run for (ms)" min={0} value={t.runForMs}
            hint="0: start at time 0 and watch it play" onChange={(runForMs) => onChange({ ...t, runForMs })} />
          <button type="button" id="sb-clear" className="btn small ghost" onClick={() => onChange({ ...t, producers: [], queues: [], exchanges: [], bindings: [], topics: [], subscriptions: [], consumers: [] })}>
            Clear the topology
          </button>
        </div>
      </section>
    </ProblemsContext.Provider>
  );
}

function SectionBlock({ t, section, problems, onAdd, children }: { t: Topology; section: Section; problems: readonly string[]; onAdd: () => void; children: ReactNode }) {
  const noun = itemNoun(t, section);
  const count = (t[section] as unknown[]).length;
  return (
    <section className="sb-section" aria-labelledby={`sb-h-${section}`}>
      <div className="sb-section-head">
        <h4 id={`sb-h-${section}`}>{noun.many} <span className="sb-count">({count})</span></h4>
        <button type="button" className="btn small" id={`sb-add-${section}`} onClick={onAdd}>+ Add {noun.one}</button>
      </div>
      <p className="sb-hint">{SECTION_HINTS[section]}</p>
      {problems.length ? <p className="sb-error" id={`sb-err-${section}`}>{problems.map((p, i) => <span key={i}><span aria-hidden="true">✗ </span>{p}</span>)}</p> : null}
      {children}
    </section>
  );
}

function ItemCard({ t, section, i, onRemove, children }: { t: Topology; section: Section; i: number; onRemove: () => void; children: ReactNode }) {
  const noun = itemNoun(t, section).one;
  const item = (t[section] as { name?: string; exchange?: string; queue?: string }[])[i]!;
  const title = item.name !== undefined ? `${noun} ${item.name || i + 1}` : `${noun} ${i + 1}: ${item.exchange || '?'} → ${item.queue || '?'}`;
  return (
    <fieldset className="sb-item">
      <legend className="visually-hidden">{cap(title)}</legend>
      <div className="sb-item-head">
        <span aria-hidden="true">{cap(title)}</span>
        <button type="button" className="btn small ghost sb-remove" onClick={onRemove} aria-label={`Remove ${title}`}>Remove</button>
      </div>
      <div className="sb-grid">{children}</div>
    </fieldset>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function ItemFields({ t, section, i, onChange }: { t: Topology; section: Section; i: number; onChange: (t: Topology) => void }) {
  const set = <K extends Section>(s: K) => (patch: Partial<Topology[K][number]>) => onChange(updateItem(t, s, i, patch));
  switch (section) {
    case 'producers': return <ProducerFields t={t} p={t.producers[i]!} i={i} set={set('producers')} />;
    case 'queues': return <QueueFields t={t} q={t.queues[i]!} i={i} set={set('queues')} />;
    case 'exchanges': return <ExchangeFields x={t.exchanges[i]!} i={i} set={set('exchanges')} />;
    case 'bindings': return <BindingFields t={t} b={t.bindings[i]!} i={i} set={set('bindings')} />;
    case 'topics': return <TopicFields x={t.topics[i]!} i={i} set={set('topics')} />;
    case 'subscriptions': return <SubscriptionFields t={t} s={t.subscriptions[i]!} i={i} set={set('subscriptions')} />;
    case 'consumers': return <ConsumerFields t={t} c={t.consumers[i]!} i={i} set={set('consumers')} />;
  }
}
