// The technical picture of the hash ring: the token circle with each token's arc in its node's colour and
// the keys inside it; beside it the five schemes' figures on the same keys (moved in the last change
// against theory, max/mean, standard deviation), the movement matrix of the cluster's scheme (keys from
// node to node), and keys per node under each scheme as small bar charts side by side.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { nodeStyle, STATUS } from '../shared/palette.ts';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { CONSENSUS_STAGE, useConsensusMenus } from '../kit/consensus.tsx';
import { BarChart } from '../kit/Charts.tsx';
import { barChartLayout } from '../kit/charts-bars.ts';
import { KeyCanvas } from './KeyCanvas.tsx';
import { textWidth } from '../shared/measure.ts';
import { fitOrNothing, placeHouses, techLayout, techPanel, type TechPanel } from './layout.ts';
import { movedPhrases, movedWords, NO_RING, ringPicture, SCHEME_WORDS, type RingPicture } from './model.ts';
import { handoffFlights, House, ParcelIcon } from './shared.tsx';
import '../shared/views.css';

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');

function FiguresTable({ pic, panel, fs }: { pic: RingPicture; panel: TechPanel; fs: number }) {
  const { table: box, columns: cols, rowH } = panel;
  const head = ['scheme', pic.lastChange ? 'moved (theory)' : 'moved', 'max/mean', 'std dev'];
  return (
    <g role="table" aria-label="Each scheme on the same keys: share of keys moved in the last change against theory, max over mean, standard deviation" data-testid="hashring-figures">
      <g role="row">{cols.map((x, i) => <text key={head[i]} role="columnheader" x={x} y={box.y + fs} fontSize={fs} fontWeight={700} fill={STATUS.ink}>{head[i]}</text>)}</g>
      {pic.figures.map((f, r) => {
        const y = box.y + fs + rowH * (r + 1);
        const cells = [
          `${f.scheme === pic.scheme ? '▸ ' : ''}${SCHEME_WORDS[f.scheme]}`,
          pic.lastChange ? `${fmt(f.movedPct)} % (${fmt(f.expectedPct)} %)` : '–',
          fmt(f.maxOverMean, 2), `${fmt(f.stdDevPct)} %`,
        ];
        return <g key={f.scheme} role="row">{cols.map((x, i) => <text key={i} role="cell" x={x} y={y} fontSize={fs} fill={STATUS.ink} fontWeight={f.scheme === pic.scheme && i === 0 ? 700 : 400}>{cells[i]}</text>)}</g>;
      })}
    </g>
  );
}

function MovementMatrix({ pic, panel, fs }: { pic: RingPicture; panel: TechPanel; fs: number }) {
  const box = panel.matrix;
  const from = pic.beforeNodes;
  const to = pic.nodes.map((n) => n.id);
  const words = SCHEME_WORDS[pic.scheme];
  const title = fitOrNothing([`Moved keys, from (rows) → to (columns), ${words}`, `Moved keys, row → column, ${words}`, 'Moved keys, row → column'], box.w, fs, true, textWidth);
  if (!pic.lastChange) return <text x={box.x} y={box.y + fs} fontSize={fs} fill={STATUS.muted}>{fitOrNothing(['No join or leave yet: nothing has moved.', 'Nothing has moved yet.'], box.w, fs, false, textWidth)}</text>;
  const cell = panel.cell;
  if (!cell) return <text x={box.x} y={box.y + fs} fontSize={fs} fill={STATUS.ink}>{fitOrNothing(movedPhrases(pic), box.w, fs, false, textWidth)}</text>;
  const x0 = box.x + textWidth('h100', fs) + 6;
  const y0 = box.y + panel.rowH * 2;
  const max = Math.max(1, ...Object.values(pic.matrix).flatMap((r) => Object.values(r)));
  return (
    <g role="table" aria-label={`Moved keys, from (rows) to (columns), ${words}`} data-testid="hashring-matrix">
      <text x={box.x} y={box.y + fs} fontSize={fs} fontWeight={700} fill={STATUS.ink}>{title}</text>
      {to.map((t, j) => <text key={t} x={x0 + (j + 0.5) * cell} y={y0 - 4} textAnchor="middle" fontSize={fs} fill={STATUS.ink}>{t}</text>)}
      {from.map((f, i) => (
        <g key={f} role="row">
          <text role="rowheader" x={x0 - 4} y={y0 + (i + 0.5) * cell + fs * 0.35} textAnchor="end" fontSize={fs} fill={STATUS.ink}>{f}</text>
          {to.map((t, j) => {
            const v = pic.matrix[f]?.[t] ?? 0;
            return (
              <g key={t} role="cell" aria-label={`${f} to ${t}: ${v}`}>
                <rect x={x0 + j * cell} y={y0 + i * cell} width={cell - 1} height={cell - 1} fill={v ? '#0072B2' : '#ffffff'} fillOpacity={v ? 0.15 + 0.85 * (v / max) : 1} stroke="#c8c8cc" />
                {v > 0 && <text x={x0 + (j + 0.5) * cell} y={y0 + (i + 0.5) * cell + fs * 0.35} textAnchor="middle" fontSize={fs} className="tb-halo">{v}</text>}
              </g>
            );
          })}
        </g>
      ))}
    </g>
  );
}

export function HashRingTech({ className }: StageViewProps) {
  const k = useStagePicture('hashring', ringPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu } = useConsensusMenus(k, 'Link');
  const pic = k.picture ?? NO_RING;
  const l = useMemo(() => techLayout(size, textWidth), [size]);
  const fs = l.fontSize;
  const panel = useMemo(() => techPanel(l.panel, fs, pic.beforeNodes.length, pic.nodes.length, textWidth), [l, fs, pic.nodes.length, pic.beforeNodes.length]);
  const places = useMemo(() => placeHouses(pic.nodes, l, size, textWidth), [pic.nodes, l, size]);
  const at = Object.fromEntries(places.map((p) => [p.id, p.at]));
  const inner = 2 * (l.r - l.band) - 12;
  const flights = handoffFlights(sim, at, false);
  const status = new Map(sim.nodes().map((n) => [n.id, n]));
  const charts = useMemo(() => panel.charts.map((box, i) => {
    const f = pic.figures[i];
    if (!f) return null;
    return barChartLayout({
      title: `${SCHEME_WORDS[f.scheme]}: keys per node`, unit: SCHEME_WORDS[f.scheme],
      bars: pic.nodes.map((n) => ({ id: n.id, label: n.id, value: f.keys[n.index] ?? 0, colour: nodeStyle(n.index).colour })),
    }, { width: box.w, height: box.h }, fs, textWidth);
  }), [panel, pic, fs]);
  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-hashring ${className ?? ''}`} data-testid="hashring-tech" style={{ background: '#f7f7f9' }}>
      <KeyCanvas pic={pic} layout={l} width={size.width} height={size.height} arcs />
      <svg width={size.width} height={size.height} role="group" style={{ position: 'absolute', left: 0, top: 0 }}
        aria-label={`Hash ring, technical view: ${pic.nodes.length} nodes × ${pic.vnodes} tokens, ${movedWords(pic)}`}>
        {pic.nodes.map((n, i) => (
          <House key={n.id} n={n} pic={pic} place={places[i]!} fs={fs} town={false} focused={focus.nodes.has(n.id)} selected={k.isSelectedNode(n.id)}
            down={status.get(n.id)?.up === false} onMenu={k.nodeMenu(n.id)} />
        ))}
        <text x={l.cx} y={l.cy - fs * 0.4} textAnchor="middle" fontSize={fs} fontWeight={700} fill={STATUS.ink}>{fitOrNothing([`${pic.keyCount} keys · ${pic.nodes.length} × ${pic.vnodes} tokens`, `${pic.keyCount} keys`], inner, fs, true, textWidth)}</text>
        <text x={l.cx} y={l.cy + fs * 1.1} textAnchor="middle" fontSize={fs} fill={STATUS.ink}>{fitOrNothing([`runs ${SCHEME_WORDS[pic.scheme]}${pic.replicas > 1 ? ` · ${pic.replicas} replicas` : ''}`, SCHEME_WORDS[pic.scheme]], inner, fs, false, textWidth)}</text>
        {pic.nodes.length > 0 && <FiguresTable pic={pic} panel={panel} fs={fs} />}
        {pic.nodes.length > 0 && <MovementMatrix pic={pic} panel={panel} fs={fs} />}
        {charts.map((c, i) => c && <BarChart key={i} layout={c} x={panel.charts[i]!.x} y={panel.charts[i]!.y} />)}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={ParcelIcon} menu={flightMenu} ring={SMALL_RING}
          tags={{ fontSize: fs, all: flights.length <= 2 }} />
        {pic.nodes.length === 0 && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No ring yet: hashring.start nodes=4</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
