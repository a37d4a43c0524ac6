// The stage: the town view and the technical view (side by side or one of them) of each system the run
// uses, from its registered views (src/views/registry.ts; the generic pictures for a system without), and
// the space-time diagram. In presenter and focus mode the pictures are magnified (fitStage in
// src/views/stages.ts) and, when two do not fit, one shows.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType, type RefObject } from 'react';
import { fitStage, planKey, planStage, smallestTypeOf, stageSystems, type StagePlan, type StageViewProps } from '../views/stages.ts';
import { subscribeViews, viewsVersion } from '../views/registry.ts';
import { loadSystemViews } from '../views/load.ts';
import { GenericTech, GenericTown } from '../views/generic/index.ts';
import { setFocusPick, setOneOfTwo, stageFirst, useLesson } from '../store/lesson-store.ts';
import { useLab } from '../store/lab-store.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useOnResize } from '../views/shared/hooks.ts';

function component(mods: Record<string, unknown>, name: string): ComponentType | null {
  for (const m of Object.values(mods)) {
    const c = (m as Record<string, unknown>)[name];
    if (typeof c === 'function' || (typeof c === 'object' && c !== null)) return c as ComponentType;
  }
  return null;
}

// The space-time diagram, and D3 which only it uses, are fetched when its panel first opens.
const spaceTimeModule = Object.values(import.meta.glob<Record<string, unknown>>('../views/spacetime/index.ts'))[0];
const SpaceTime = spaceTimeModule
  ? lazy(() => spaceTimeModule().then((m) => ({ default: component({ m }, 'SpaceTimeDiagram') ?? SpaceTimeMissing })))
  : null;

type Pane = { key: string; title: string | null; View: ComponentType<StageViewProps & { systems?: readonly string[] }>; systems?: readonly string[] };

/** The panes of one side (town or technical) for the current plan, stable while the plan is unchanged. */
function usePanes(side: 'town' | 'tech'): Pane[] {
  const version = useLab((s) => s.version);
  const sim = useLab((s) => s.session.sim);
  // A system's views may arrive after the run started using it (load.ts): redraw when they do.
  const views = useSyncExternalStore(subscribeViews, viewsVersion);
  void version; void views;
  const plan = planStage(sim);
  const key = planKey(plan);
  useEffect(() => { void loadSystemViews(stageSystems(sim)); }, [key, sim]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the plan's key says when it changed
  return useMemo(() => panesFor(plan, side), [key, side]);
}

function panesFor(plan: StagePlan, side: 'town' | 'tech'): Pane[] {
  const several = plan.stages.length + (plan.generic.length ? 1 : 0) > 1;
  const panes: Pane[] = plan.stages.map((st) => ({ key: st.id, title: several ? st.title : null, View: side === 'town' ? st.Town : st.Tech }));
  // Nothing drawn at all (no views arrived yet): the generic views say what there is.
  if (plan.generic.length || panes.length === 0) {
    const title = several ? plan.generic.join(', ') : null;
    panes.push({ key: 'generic', title, View: side === 'town' ? GenericTown : GenericTech, systems: plan.stages.length ? plan.generic : undefined });
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

/**
 * The stage's inner size (its layout size: zoom inside it does not change it) and the page's rem in px,
 * read when the stage resizes (presenter mode changes both), not on every frame.
 */
function useInnerSize(ref: RefObject<HTMLElement | null>): { width: number; height: number; rem: number } {
  const [size, setSize] = useState({ width: 0, height: 0, rem: 16 });
  useOnResize(ref, (el) => {
    const cs = getComputedStyle(el);
    const width = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const height = el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    setSize((s) => (s.width === width && s.height === height && s.rem === rem ? s : { width, height, rem }));
  });
  return size;
}

const PICTURE_NAMES = { town: 'Town', tech: 'Technical' } as const;

/** Which picture shows when one of two does (a stage-first layout on a narrow screen, or focus mode). */
export function PicturePick({ focus, compact = false }: { focus: boolean; compact?: boolean }) {
  const pick = useLesson((s) => s.focusPick);
  const why = focus ? 'Focus mode shows one picture:' : 'Both pictures need a wider screen: showing';
  return (
    <div className={compact ? 'stage-pick compact' : 'stage-pick'} role="group" aria-label={compact ? `${why} which one` : 'Picture shown'} title={compact ? why : undefined}>
      {compact ? null : <span className="muted">{why}</span>}
      <div className="segmented">
        {(['town', 'tech'] as const).map((p) => (
          <button key={p} type="button" aria-pressed={pick === p} className={pick === p ? 'active' : ''}
            onClick={() => setFocusPick(p)}>{PICTURE_NAMES[p]}</button>
        ))}
      </div>
    </div>
  );
}

/** `switchElsewhere`: the caption strip shows the picture switch, so the stage keeps its height. */
export function StageViews({ switchElsewhere = false }: { switchElsewhere?: boolean }) {
  const view = useLab((s) => s.view);
  const presenter = useLesson((s) => s.presenter);
  const focus = useLesson((s) => s.focus);
  const pick = useLesson((s) => s.focusPick);
  const ref = useRef<HTMLDivElement>(null);
  const size = useInnerSize(ref);
  const { rem } = size;
  // Pictures whose small print is larger than 9 px are magnified less and given more room.
  const smallestType = useLab((s) => smallestTypeOf(planStage(s.session.sim)));
  // Each pane has a 1 px border inside the stage's box.
  const fit = fitStage({ view, width: size.width - 2, height: size.height - 2, stageFirst: stageFirst({ presenter, focus }), focus, pick, gap: rem / 2, switchHeight: switchElsewhere ? 0 : rem * 2, smallestType });
  useEffect(() => { setOneOfTwo(fit.oneOfTwo); }, [fit.oneOfTwo]);
  const town = usePanes('town');
  const tech = usePanes('tech');
  const zoom = Math.floor(fit.zoom * 100) / 100;
  const layout = fit.pictures.length === 2 ? 'split' : fit.pictures[0]!;
  return (
    <div ref={ref} className={`stage-views view-${layout}${fit.oneOfTwo && !switchElsewhere ? ' one-of-two' : ''}`} data-testid="stage" data-zoom={zoom}>
      {fit.oneOfTwo && !switchElsewhere ? <PicturePick focus={focus} /> : null}
      {fit.pictures.map((p) => (
        <section key={p} className="stage-pane" aria-label={p === 'town' ? 'Town view' : 'Technical view'}>
          <div className="stage-zoom" style={zoom === 1 ? undefined : { zoom }}>
            <PaneStack panes={p === 'town' ? town : tech} side={p === 'town' ? 'town' : 'technical'} />
          </div>
        </section>
      ))}
    </div>
  );
}

export function SpaceTimePanel() {
  if (!SpaceTime) return <SpaceTimeMissing />;
  return (
    <ErrorBoundary name="space-time diagram">
      <Suspense fallback={<p className="muted empty">Loading the space-time diagram…</p>}><SpaceTime /></Suspense>
    </ErrorBoundary>
  );
}

function SpaceTimeMissing() {
  return <p className="muted empty">The space-time diagram is not available in this build.</p>;
}
