// The town picture of the two generals: two hills with a general's tent each, the enemy's valley between
// them, messengers walking down into the valley and up the other side (each one's menu drops it), each
// general's decision under its hill, dawn's countdown at the top and the battle's outcome at the bottom.
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
import { DECISION_WORDS, generalWords, generalsPicture, OUTCOME_WORDS } from './model.ts';
import { townLayout } from './layout.ts';
import { messengerFlights, MessengerIcon } from './shared.tsx';
import '../shared/views.css';

const DECISION_COLOUR = { undecided: STATUS.muted, attack: '#009E73', hold: '#D55E00' } as const;

export function GeneralsTown({ className }: StageViewProps) {
  const k = useStagePicture('generals', generalsPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu } = useConsensusMenus(k, 'Path');
  const pic = k.picture;
  const l = useMemo(() => townLayout(size), [size]);
  const fs = l.fontSize;
  const at = { [WEST]: l.west, [EAST]: l.east, [VALLEY]: l.valley };
  const flights = messengerFlights(sim, at);
  const colW = size.width * 0.3;
  const dawnIn = pic ? pic.dawn - pic.now : 0;
  return (
    <div ref={k.wrap} className={`tb-view tb-generals ${className ?? ''}`} data-testid="generals-town" style={{ background: '#e9f1f7' }}>
      <svg width={size.width} height={size.height} role="group" style={{ position: 'absolute', left: 0, top: 0 }}
        aria-label={pic ? `Two generals: ${OUTCOME_WORDS[pic.outcome]}; ${flights.length} messenger(s) on the way` : 'Two generals: not started'}>
        <path aria-hidden="true" fill="#c9d8a8" stroke="#8a9a6a"
          d={`M0,${size.height} L0,${l.west.y + l.hillR * 0.3} Q${l.west.x},${l.west.y - l.hillR * 0.5} ${l.west.x + l.hillR * 1.2},${l.valley.y} L${l.east.x - l.hillR * 1.2},${l.valley.y} Q${l.east.x},${l.east.y - l.hillR * 0.5} ${size.width},${l.east.y + l.hillR * 0.3} L${size.width},${size.height} Z`} />
        {pic && pic.generals.map((g) => {
          const p = g.id === WEST ? l.west : l.east;
          const words = generalWords(g);
          return (
            <g key={g.id} data-node={g.id} className={`tb-node${focus.nodes.has(g.id) ? ' is-focused' : ''}${k.isSelectedNode(g.id) ? ' is-selected' : ''}`}
              transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`} {...pointable({ kind: 'node', id: g.id }, `${words}. Enter to inspect, context menu key for actions.`, k.nodeMenu(g.id))}>
              <title>{words}</title>
              <circle className="tb-ring" r={22} />
              <path d="M-16,10L0,-16L16,10Z" fill="#f3e3b3" stroke={STATUS.ink} strokeWidth={1.3} />
              <path d="M0,-16V-28L12,-24L0,-20" fill={DECISION_COLOUR[g.decision]} stroke={STATUS.ink} strokeWidth={1} />
              <text y={28} textAnchor="middle" fontSize={fs + 1} fontWeight={700} className="tb-halo">{`General ${g.id}`}</text>
              <text y={30 + fs + 2} textAnchor="middle" fontSize={fs} fill={DECISION_COLOUR[g.decision]} fontWeight={700} className="tb-halo">
                {firstFit([`${DECISION_WORDS[g.decision]} · ${g.got}/${g.owed} arrived`, DECISION_WORDS[g.decision]], colW, fs, { bold: true }, textWidth)}
              </text>
            </g>
          );
        })}
        {pic && (
          <g data-node={VALLEY} className={`tb-node${focus.nodes.has(VALLEY) ? ' is-focused' : ''}`} transform={`translate(${l.valley.x.toFixed(1)},${l.valley.y.toFixed(1)})`}
            {...pointable({ kind: 'node', id: VALLEY }, 'The valley, held by the enemy: every messenger crosses it. Enter to inspect.', k.nodeMenu(VALLEY))}>
            <circle className="tb-ring" r={18} />
            <path d="M-12,8L-6,-8L0,4L6,-8L12,8Z" fill="#7a6a5a" stroke={STATUS.ink} strokeWidth={1} />
            <text y={24} textAnchor="middle" fontSize={fs} className="tb-halo">{firstFit(['the enemy’s valley', 'valley'], colW, fs, {}, textWidth)}</text>
          </g>
        )}
        {pic && (
          <text x={size.width / 2} y={fs + 8} textAnchor="middle" fontSize={fs + 1} fontWeight={700} fill={STATUS.ink} data-testid="generals-dawn">
            {firstFit(dawnIn > 0 ? [`Dawn in ${dawnIn} ms · ${pic.messengers.length} messengers in the protocol`, `Dawn in ${dawnIn} ms`] : ['Dawn has come'], size.width - 16, fs + 1, { bold: true }, textWidth)}
          </text>
        )}
        {pic && (
          <text x={size.width / 2} y={l.captionY + fs} textAnchor="middle" fontSize={fs + 2} fontWeight={700} data-testid="generals-outcome"
            fill={pic.outcome === 'both-attack' ? '#009E73' : pic.outcome === 'undecided' ? STATUS.ink : '#D55E00'}>
            {firstFit([OUTCOME_WORDS[pic.outcome], pic.outcome.replace('-', ' ')], size.width - 16, fs + 2, { bold: true }, textWidth)}
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
