// The technical picture of the two generals: the messengers' timeline (one row per messenger, a bar from
// its send to its arrival or capture, the time axis running to dawn), each general's decision with the
// count of messengers that reached it, and the messengers in flight between the three nodes on top.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { CONSENSUS_STAGE, useConsensusMenus } from '../kit/consensus.tsx';
import { EAST, VALLEY, WEST } from '../../engine/generals/index.ts';
import { DECISION_WORDS, generalsPicture, OUTCOME_WORDS } from './model.ts';
import { techLayout } from './layout.ts';
import { messengerFlights, MessengerIcon } from './shared.tsx';
import '../shared/views.css';

const FATE_COLOUR = { unsent: '#bdbdbd', crossing: '#0072B2', arrived: '#009E73', caught: '#D55E00', late: '#CC79A7' } as const;

export function GeneralsTech({ className }: StageViewProps) {
  const k = useStagePicture('generals', generalsPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu } = useConsensusMenus(k, 'Link');
  const pic = k.picture;
  const l = useMemo(() => techLayout(size, pic ? pic.dawn - pic.startedAt : 1, pic?.messengers.length ?? 1), [size, pic]);
  const fs = l.fontSize;
  // The verdict on the first line, the three nodes under it, the timeline below (techLayout's top).
  const y0 = 2 * fs + 14;
  const at = { [WEST]: { x: 40, y: y0 + fs + 8 }, [VALLEY]: { x: size.width / 2, y: y0 + fs + 8 }, [EAST]: { x: size.width - 40, y: y0 + fs + 8 } };
  const flights = messengerFlights(sim, at);
  const t = (x: number) => l.timeX(x - (pic?.startedAt ?? 0));
  return (
    <div ref={k.wrap} className={`tb-view tb-generals ${className ?? ''}`} data-testid="generals-tech">
      <svg width={size.width} height={size.height} role="group" style={{ position: 'absolute', left: 0, top: 0 }}
        aria-label={pic ? `Messengers' timeline: ${pic.messengers.length} messengers; ${OUTCOME_WORDS[pic.outcome]}` : 'Two generals: not started'}>
        {pic && [WEST, VALLEY, EAST].map((id) => {
          const g = pic.generals.find((x) => x.id === id);
          const words = g ? `${id}: ${DECISION_WORDS[g.decision]}, ${g.got}/${g.owed} arrived` : 'valley';
          return (
            <g key={id} data-node={id} className={`tb-node${focus.nodes.has(id) ? ' is-focused' : ''}${k.isSelectedNode(id) ? ' is-selected' : ''}`}
              transform={`translate(${at[id]!.x},${at[id]!.y})`} {...pointable({ kind: 'node', id }, `${words}. Enter to inspect.`, k.nodeMenu(id))}>
              <rect className="tb-ring" x={-10} y={-10} width={20} height={20} />
              <rect x={-7} y={-7} width={14} height={14} fill={g?.decision === 'attack' ? '#009E73' : g?.decision === 'hold' ? '#D55E00' : '#ffffff'} stroke={STATUS.ink} />
              <text y={-12} textAnchor={id === WEST ? 'start' : id === EAST ? 'end' : 'middle'} x={id === WEST ? -10 : id === EAST ? 10 : 0} fontSize={fs} fontWeight={700}>
                {firstFit([words, id], size.width * 0.32, fs, { bold: true }, textWidth)}
              </text>
            </g>
          );
        })}
        {pic && <line x1={l.left} x2={l.right} y1={l.top - 6} y2={l.top - 6} stroke={STATUS.muted} aria-hidden="true" />}
        {pic && <text x={l.right} y={l.top - 10} textAnchor="end" fontSize={fs} fill={STATUS.muted}>{`dawn (${pic.dawn - pic.startedAt} ms)`}</text>}
        {pic && <text x={l.left} y={l.top - 10} fontSize={fs} fill={STATUS.muted}>0 ms</text>}
        {pic && pic.now < pic.dawn && <line x1={t(pic.now)} x2={t(pic.now)} y1={l.top - 6} y2={l.top + l.rowH * pic.messengers.length} stroke={STATUS.highlight} strokeDasharray="3 3" aria-hidden="true" />}
        {pic && pic.messengers.map((m, i) => {
          const y = l.top + i * l.rowH;
          const x1 = m.sentAt === null ? l.left : t(m.sentAt);
          const x2 = m.fate === 'crossing' ? t(pic.now) : m.doneAt === null ? x1 : t(m.doneAt);
          return (
            <g key={m.k} role="img" aria-label={m.words}>
              <title>{m.words}</title>
              <text x={l.left - 6} y={y + l.rowH / 2 + fs / 3} textAnchor="end" fontSize={fs}>
                {firstFit([`#${m.k} ${m.from}→${m.to} ${m.fate}`, `#${m.k} ${m.fate}`], l.left - 8, fs, {}, textWidth)}
              </text>
              <rect x={x1} y={y + 3} width={Math.max(3, x2 - x1)} height={l.rowH - 6} fill={FATE_COLOUR[m.fate]} stroke={STATUS.ink} strokeWidth={0.6} />
              {m.fate === 'caught' && <path d={`M${x2 - 4},${y + 4}l8,${l.rowH - 8}m0,${-(l.rowH - 8)}l-8,${l.rowH - 8}`} stroke={STATUS.ink} strokeWidth={1.5} aria-hidden="true" />}
            </g>
          );
        })}
        {pic && (
          <text x={size.width / 2} y={fs + 3} textAnchor="middle" fontSize={fs + 1} fontWeight={700} data-testid="generals-verdict">
            {firstFit([`Outcome: ${OUTCOME_WORDS[pic.outcome]}`, pic.outcome], size.width - 16, fs + 1, { bold: true }, textWidth)}
          </text>
        )}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={MessengerIcon} menu={flightMenu} ring={SMALL_RING}
          tags={{ fontSize: fs, all: true }} />
        {!pic && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No generals yet: generals.start rounds=1</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
