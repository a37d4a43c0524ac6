// The technical picture of the resilience system: each caller's policy pipeline with the live state of each
// stage, linked to the servers it calls (queue and workers; work for a caller who gave up hatched), the chosen
// caller's breaker as a state machine over its sliding window, and the live charts (load vs goodput,
// latency p50/p99, attempts per call, the breaker's state over time) for the selected caller, else the first.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { textWidth } from '../shared/measure.ts';
import { STATUS } from '../shared/palette.ts';
import { StateStrip, TimeSeriesChart } from '../kit/Charts.tsx';
import { timeSeriesLayout } from '../kit/charts-series.ts';
import { stateStripLayout } from '../kit/charts-strip.ts';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { BreakerMachine } from './BreakerMachine.tsx';
import { resilienceCharts } from './charts.ts';
import { fontForZoom, resilienceTechLayout } from './layout-tech.ts';
import { useZoom } from './zoom.ts';
import { chosenCaller, resiliencePicture } from './model.ts';
import { CallerNode, LateHatch, ServerNode } from './TechParts.tsx';
import '../shared/views.css';

// The pane's own height, even under .tb-view's 240 px floor: the layout leaves out what does not fit there.
const FILL_PANE = { minHeight: 0 } as const;

export function ResilienceTech({ className }: StageViewProps) {
  const k = useStagePicture('resilience', resiliencePicture);
  const pic = k.picture;
  const selectedNode = k.selected?.kind === 'node' ? k.selected.id : null;
  const chosen = pic ? chosenCaller(pic, selectedNode) : null;
  const charts = pic && chosen ? resilienceCharts(pic, chosen) : null;
  const zoom = useZoom(k.wrap);
  const layout = useMemo(() => (pic ? resilienceTechLayout(k.size, pic, chosen, charts?.breaker ?? null, textWidth, fontForZoom(zoom)) : null), [k.size, pic, chosen, charts?.breaker, zoom]);
  if (!pic || !layout) return <div ref={k.wrap} style={FILL_PANE} className={`tb-view tb-tech ${className ?? ''}`} data-testid="resilience-tech" />;
  const fs = layout.fontSize;
  const callers = new Map(pic.clients.map((c) => [c.id, c]));
  const servers = new Map(pic.servers.map((s) => [s.id, s]));
  const who = chosen ? (chosen.role === 'client' ? chosen.id : `${chosen.id} → ${chosen.target}`) : '';
  const c = layout.charts;
  return (
    <div ref={k.wrap} style={FILL_PANE} className={`tb-view tb-tech ${className ?? ''}`} data-testid="resilience-tech">
      <svg width={k.size.width} height={k.size.height} role="group"
        aria-label={`Resilience, technical view: ${pic.clients.length} clients, ${pic.servers.length} servers; charts for ${who || 'no caller'}`}>
        <defs><LateHatch /></defs>
        <rect width={k.size.width} height={k.size.height} fill="#f7f7f9" />
        <g fill="none" stroke={STATUS.muted} strokeWidth={2} aria-hidden="true">
          {layout.links.map((l) => (
            <path key={`${l.from}>${l.to}`} d={l.d} strokeWidth={k.focus.nodes.has(l.from) || k.focus.nodes.has(l.to) ? 4 : 2} />
          ))}
        </g>
        {layout.callers.map((b) => (
          <CallerNode key={b.id} b={b} c={callers.get(b.id)!} fs={fs} focused={k.focus.nodes.has(b.id)} selected={k.isSelectedNode(b.id)} onMenu={k.nodeMenu(b.id)} />
        ))}
        {layout.servers.map((b) => (
          <ServerNode key={b.id} b={b} s={servers.get(b.id)!} fs={fs} focused={k.focus.nodes.has(b.id)} selected={k.isSelectedNode(b.id)} onMenu={k.nodeMenu(b.id)} />
        ))}
        {layout.breaker && chosen?.breaker && <BreakerMachine r={layout.breaker} b={chosen.breaker} who={who} fs={fs} />}
        {charts && c.load && <TimeSeriesChart layout={timeSeriesLayout(charts.load, { width: c.load.w, height: c.load.h }, fs, textWidth)} x={c.load.x} y={c.load.y} />}
        {charts && c.latency && <TimeSeriesChart layout={timeSeriesLayout(charts.latency, { width: c.latency.w, height: c.latency.h }, fs, textWidth)} x={c.latency.x} y={c.latency.y} />}
        {charts && c.amplification && <TimeSeriesChart layout={timeSeriesLayout(charts.amplification, { width: c.amplification.w, height: c.amplification.h }, fs, textWidth)} x={c.amplification.x} y={c.amplification.y} />}
        {charts?.breaker && c.strip && <StateStrip layout={stateStripLayout(charts.breaker, { width: c.strip.w, height: c.strip.h }, fs, textWidth)} x={c.strip.x} y={c.strip.y} />}
        {pic.clients.length === 0 && pic.servers.length === 0 && (
          <text x={k.size.width / 2} y={k.size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No servers or clients yet</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
