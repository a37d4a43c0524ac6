// The stage: the town view and the technical view (side by side or one of them) and the space-time
// diagram, each mounted from its folder's index.ts when that folder exists. Until then a plain summary of
// the same state stands in, so the page always works.
import { useMemo, type ComponentType } from 'react';
import { planKey, planStage, type StagePlan, type StageViewProps } from '../views/stages.ts';
import { useLab, labStore } from '../store/lab-store.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function component(mods: Record<string, unknown>, name: string): ComponentType | null {
  for (const m of Object.values(mods)) {
    const c = (m as Record<string, unknown>)[name];
    if (typeof c === 'function' || (typeof c === 'object' && c !== null)) return c as ComponentType;
  }
  return null;
}

const TownView = component(import.meta.glob('../views/town/index.ts', { eager: true }), 'TownView');
const TechView = component(import.meta.glob('../views/tech/index.ts', { eager: true }), 'TechView');
const SpaceTime = component(import.meta.glob('../views/spacetime/index.ts', { eager: true }), 'SpaceTimeDiagram');

/** A plain list of nodes and messages on the wire, standing in for a view that is not built yet. */
function StateSummary({ title }: { title: string }) {
  const version = useLab((s) => s.version);
  const now = useLab((s) => s.now);
  const sim = useLab((s) => s.session.sim);
  void version; void now;
  const nodes = sim.nodes();
  const flying = sim.inFlight();
  return (
    <div className="fallback-view">
      <h2 className="panel-title">{title}</h2>
      <ul className="fallback-nodes">
        {nodes.map((n) => (
          <li key={n.id}>
            <button type="button" className="node-chip" onClick={() => labStore.getState().select({ kind: 'node', id: n.id })}>
              <span aria-hidden="true">{n.up ? (n.paused ? '⏸' : '●') : '✕'}</span> {n.id}
              <span className="muted"> {n.up ? (n.paused ? 'paused' : 'up') : 'down'}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{flying.length} message{flying.length === 1 ? '' : 's'} on the wire{flying.length ? ':' : '.'}</p>
      <ul className="fallback-msgs">
        {flying.slice(0, 8).map((m) => <li key={m.msgId}>{m.from} → {m.to} {m.msg.type}</li>)}
      </ul>
    </div>
  );
}

// Every system folder's stage.ts registers its drawings (src/views/stages.ts) when loaded.
import.meta.glob('../views/*/stage.ts', { eager: true });

type Pane = { key: string; title: string | null; View: ComponentType<StageViewProps & { systems?: readonly string[] }>; systems?: readonly string[] };

/** The panes of one side (town or technical) for the current plan, stable while the plan is unchanged. */
function usePanes(side: 'town' | 'tech'): Pane[] {
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  void version;
  const plan = planStage(sim);
  const key = planKey(plan);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the plan's key says when it changed
  return useMemo(() => panesFor(plan, side), [key, side]);
}

function panesFor(plan: StagePlan, side: 'town' | 'tech'): Pane[] {
  const several = plan.stages.length + (plan.generic.length ? 1 : 0) > 1;
  const panes: Pane[] = plan.stages.map((st) => ({ key: st.id, title: several ? st.title : null, View: side === 'town' ? st.Town : st.Tech }));
  const Generic = side === 'town' ? TownView : TechView;
  if (plan.generic.length) {
    const title = several ? (plan.generic.includes('town') ? 'The town board' : plan.generic.join(', ')) : null;
    if (Generic) panes.push({ key: 'generic', title, View: Generic, systems: plan.stages.length ? plan.generic : undefined });
    else panes.push({ key: 'generic', title, View: () => <StateSummary title={side === 'town' ? 'The town' : 'Technical view'} /> });
  }
  return panes;
}

function PaneStack({ panes, side }: { panes: Pane[]; side: string }) {
  if (panes.length === 1) {
    const { View, systems } = panes[0]!;
    return <ErrorBoundary name={`${side} view`}><View systems={systems} /></ErrorBoundary>;
  }
  return (
    <div className="stage-stack" style={{ gridTemplateRows: `repeat(${panes.length}, minmax(0, 1fr))` }}>
      {panes.map(({ key, title, View, systems }) => (
        <div key={key} className="stage-sub" data-stage={key}>
          {title ? <h3 className="stage-sub-title">{title}</h3> : null}
          <div className="stage-sub-body"><ErrorBoundary name={`${title ?? key} ${side} view`}><View systems={systems} /></ErrorBoundary></div>
        </div>
      ))}
    </div>
  );
}

export function StageViews() {
  const view = useLab((s) => s.view);
  const showTown = view !== 'tech';
  const showTech = view !== 'town';
  const town = usePanes('town');
  const tech = usePanes('tech');
  return (
    <div className={`stage-views view-${view}`} data-testid="stage">
      {showTown ? (
        <section className="stage-pane" aria-label="Town view">
          <PaneStack panes={town} side="town" />
        </section>
      ) : null}
      {showTech ? (
        <section className="stage-pane" aria-label="Technical view">
          <PaneStack panes={tech} side="technical" />
        </section>
      ) : null}
    </div>
  );
}

export function SpaceTimePanel() {
  if (SpaceTime) return <ErrorBoundary name="space-time diagram"><SpaceTime /></ErrorBoundary>;
  return <p className="muted empty">The space-time diagram is not available in this build.</p>;
}
