// Dev-only harness for the stage views (served as /views-demo.html by the Vite dev server): loads a
// scenario into the lab store, ticks playback with requestAnimationFrame and shows the three views.
// URL parameters: scenario=fanout|faults|raft|long|empty, view=all|town|tech|spacetime, t=<ms to seek to>,
// play=1, speed=<x>, reduced=1, hover=<node id>.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { labStore, useLab } from '../../store/lab-store.ts';
import { TownTech as TechView, TownView } from '../town/index.ts';
import { SpaceTimeDiagram } from '../spacetime/index.ts';

const TOWN = [
  'service name=app work=5ms',
  'service name=notification work=40ms',
  'service name=analytics work=300ms',
  'service name=audit work=30ms',
  'service name=search work=60ms',
  'subscribe service=notification topic=TaskCreated',
  'subscribe service=analytics topic=TaskCreated',
  'subscribe service=audit topic=TaskCreated',
  'subscribe service=search topic=TaskCreated',
];

export const SCENARIOS: Record<string, string[]> = {
  fanout: [
    ...TOWN,
    'fanout from=app topic=TaskCreated mode=calls',
    'run until="waiting(app) == false" max=5s',
    'fanout from=app topic=TaskCreated mode=events',
  ],
  faults: [
    'service name=bakery work=40ms', 'service name=grocery work=30ms', 'service name=school work=50ms',
    'service name=deli work=60ms', 'service name=fruit work=20ms', 'service name=bank work=30ms',
    'service name=hall work=30ms', 'service name=post work=30ms', 'service name=library work=200ms',
    'service name=house work=30ms',
    'subscribe service=school topic=FlourNeeded', 'subscribe service=grocery topic=FlourNeeded',
    'subscribe service=library topic=FlourNeeded', 'subscribe service=deli topic=LunchOrder',
    'subscribe service=bakery topic=LunchOrder', 'subscribe service=fruit topic=LunchOrder',
    'subscribe service=library topic=MilkArrived', 'subscribe service=school topic=MilkArrived',
    'publish from=bakery topic=FlourNeeded', 'run for=40ms',
    'publish from=school topic=LunchOrder', 'run for=30ms', 'publish from=grocery topic=MilkArrived',
    'publish from=fruit topic=LunchOrder', 'run for=200ms',
    'crash node=deli', 'pause node=bank', 'partition a=post b=board',
    'call from=hall to=library',
    'publish from=house topic=LunchOrder', 'publish from=grocery topic=FlourNeeded',
    'run for=15ms',
  ],
  raft: ['raft.start servers=5', 'run for=600ms', 'crash node=n2', 'run for=100ms'],
  long: ['raft.start servers=5', 'run for=20s', 'crash node=n2', 'run for=20s', 'restart node=n2', 'partition a=n1 b=n3', 'run for=20s'],
  empty: [],
};

function Harness() {
  const params = new URLSearchParams(location.search);
  const view = params.get('view') ?? 'all';
  const playing = useLab((s) => s.playing);
  const now = useLab((s) => s.now);
  const speed = useLab((s) => s.speed);
  const reduced = useLab((s) => s.reducedMotion);
  const [scenario, setScenario] = useState(params.get('scenario') ?? 'fanout');
  useEffect(() => {
    const results = labStore.getState().load(Number(params.get('seed') ?? 7), SCENARIOS[scenario] ?? []);
    const bad = results.find((r) => r.error);
    if (bad) console.warn(bad.error);
    const t = params.get('t');
    if (t) labStore.getState().jumpTo(Number(t));
    if (params.get('speed')) labStore.getState().setSpeed(Number(params.get('speed')));
    if (params.get('reduced')) labStore.getState().setReducedMotion(true);
    const hover = params.get('hover');
    if (hover) labStore.getState().setHighlight({ kind: 'node', id: hover });
    if (params.get('play')) labStore.getState().play();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenario]);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let id = requestAnimationFrame(function frame(t) {
      labStore.getState().tick(Math.min(100, t - last));
      last = t;
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [playing]);
  const bar = (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 10px', font: '14px system-ui', borderBottom: '1px solid #ccc' }}>
      <select value={scenario} onChange={(e) => setScenario(e.target.value)} aria-label="scenario">
        {Object.keys(SCENARIOS).map((k) => <option key={k}>{k}</option>)}
      </select>
      <button type="button" onClick={() => labStore.getState().togglePlay()}>{playing ? 'Pause' : 'Play'}</button>
      <button type="button" onClick={() => labStore.getState().backN()}>◀ step</button>
      <button type="button" onClick={() => labStore.getState().stepN()}>step ▶</button>
      <label>speed {speed}x <input type="range" min={-2} max={2} step={0.1} value={Math.log10(speed)}
        onChange={(e) => labStore.getState().setSpeed(10 ** Number(e.target.value))} /></label>
      <label><input type="checkbox" checked={reduced} onChange={(e) => labStore.getState().setReducedMotion(e.target.checked)} /> reduced motion</label>
      <span>t = {now} ms</span>
    </div>
  );
  const box = { border: '1px solid #ddd', minHeight: 0, minWidth: 0 };
  if (view !== 'all') {
    return <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>{bar}
      <div style={{ flex: 1, minHeight: 0 }}>{view === 'town' ? <TownView /> : view === 'tech' ? <TechView /> : <SpaceTimeDiagram />}</div></div>;
  }
  return (
    <div style={{ height: '100vh', display: 'grid', gridTemplateRows: 'auto 3fr 2fr', gridTemplateColumns: '1fr 1fr' }}>
      <div style={{ gridColumn: '1 / 3' }}>{bar}</div>
      <div style={box}><TownView /></div>
      <div style={box}><TechView /></div>
      <div style={{ ...box, gridColumn: '1 / 3' }}><SpaceTimeDiagram /></div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Harness /></StrictMode>);
