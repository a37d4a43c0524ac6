// The drawing both election pictures share: a card per node (drawn as a townsperson in the town: the crier,
// the key office, the storage clerk, the key holders) and, in the technical picture, each client's lease
// timeline with its pauses and its writes' tokens. Thin: the words come from model.ts, the places from layout.ts.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { firstFit } from '../shared/measure.ts';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { electionLayout, timeX, type ElectionLayout } from './layout.ts';
import { electionPictureOf, WINDOW, type ElectionPicture, type Row } from './model.ts';
import '../shared/views.css';

type Kit = ReturnType<typeof useStagePicture<unknown, ElectionPicture>>;
const EMPTY: ElectionPicture = { now: 0, t0: 0, span: 4000, rows: [], problems: [] };
const VERDICT = { accepted: OKABE_ITO.bluishGreen, rejected: OKABE_ITO.orange, lost: OKABE_ITO.vermillion } as const;

export function ElectionPictureView({ className, mode }: StageViewProps & { mode: 'town' | 'tech' }) {
  const k = useStagePicture('election', electionPictureOf);
  const pic = k.picture ?? EMPTY;
  const { size } = k;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows keyed by their count
  const layout = useMemo(() => electionLayout(size, pic.rows.length, 2, mode === 'tech'), [size.width, size.height, pic.rows.length, mode]);
  const fs = layout.fontSize;
  const small = Math.max(11, fs - 1);
  const name = mode === 'tech' ? 'Leader election, technical view' : 'Leader election, town view';
  return (
    <div ref={k.wrap} className={`tb-view tb-${mode} tb-election ${className ?? ''}`} data-testid={`election-${mode}`}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={`${name}: ${pic.rows.map((r) => `${r.id} ${(mode === 'tech' ? r.tech : r.town).map((l) => l[0]).join(', ')}`).join('; ')}`}>
        <rect width={size.width} height={size.height} fill={mode === 'tech' ? '#f7f7f9' : STATUS.paper} />
        {mode === 'tech' && layout.line.w > 0 && pic.rows.length > 0 && (
          <text x={layout.line.x} y={layout.rows[0]!.y + small} fontSize={small} fill={STATUS.muted}>
            {firstFit([`leases, pauses and writes' tokens, last ${WINDOW / 1000} s`, 'leases, last 10 s'], layout.line.w, small)}
          </text>
        )}
        {pic.rows.map((r, i) => <RowView key={r.id} row={r} box={layout.rows[i]!} layout={layout} pic={pic} mode={mode} k={k} />)}
        {pic.rows.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>
            {firstFit(['Nobody yet: election.bully nodes=5, or election.locks ttl=2s', 'Nobody yet'], size.width - 16, 14)}
          </text>
        )}
        {pic.problems.slice(0, layout.problems.lines).map((p, i) => (
          <text key={i} x={8} y={layout.problems.y + layout.lineH * (i + 0.8)} fontSize={small} fill="#a83a00" fontWeight={700}>
            {firstFit(p.map((x) => `⚠ ${x}`), size.width - 16, small, { bold: true })}
          </text>
        ))}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function RowView({ row, box, layout, pic, mode, k }: { row: Row; box: { y: number; h: number }; layout: ElectionLayout; pic: ElectionPicture; mode: 'town' | 'tech'; k: Kit }) {
  const { card, lineH, fontSize: fs } = layout;
  const small = Math.max(11, fs - 1);
  const words = (mode === 'tech' ? row.tech : row.town).slice(0, layout.cardLines);
  const state = row.down ? ' (crashed)' : row.paused ? ' (paused)' : '';
  const label = `${row.id}${state}: ${(mode === 'tech' ? row.tech : row.town).map((l) => l[0]).join('; ')}`;
  const fig = mode === 'town' ? lineH * 1.6 : 0;
  const tx = card.x + 10 + fig;
  const colour = row.kind === 'client' ? OKABE_ITO.blue : row.kind === 'bully' ? OKABE_ITO.bluishGreen : OKABE_ITO.orange;
  return (
    <g>
      <g data-node={row.id} className={`tb-node${k.focus.nodes.has(row.id) ? ' is-focused' : ''}${k.isSelectedNode(row.id) ? ' is-selected' : ''}`}
        {...pointable({ kind: 'node', id: row.id }, `${label}. Enter to inspect, context menu key for actions.`, k.nodeMenu(row.id))}>
        <title>{label}</title>
        <rect className="tb-ring" x={card.x - 4} y={box.y - 4} width={card.w + 8} height={box.h + 8} rx={7} />
        <rect x={card.x} y={box.y} width={card.w} height={box.h} rx={5} fill={row.down ? '#e3e3e3' : row.paused ? '#e6f3fb' : '#ffffff'} stroke={STATUS.ink} strokeWidth={1.2} />
        <rect x={card.x} y={box.y} width={6} height={box.h} rx={2} fill={row.down ? '#9a9a9a' : colour} />
        {mode === 'town' && <Person x={card.x + 10 + fig / 2} y={box.y + box.h / 2} r={Math.min(fig / 2 - 2, box.h / 2 - 3)} row={row} fs={small} />}
        <text x={tx} y={box.y + lineH * 0.85} fontSize={fs} fontWeight={800} fill={STATUS.ink}>
          {firstFit([`${row.id}${state}`, row.id], card.x + card.w - tx - 4, fs, { bold: true })}
        </text>
        {words.map((l, i) => (
          <text key={i} x={tx} y={box.y + lineH * (i + 1.85)} fontSize={small} className="tb-mono" fill={STATUS.ink}>
            {firstFit(l, card.x + card.w - tx - 4, small, { mono: true })}
          </text>
        ))}
      </g>
      {mode === 'tech' && row.kind === 'client' && layout.line.w > 0 && <Timeline row={row} box={box} layout={layout} pic={pic} />}
    </g>
  );
}

/** A townsperson: a head and shoulders; asleep (closed eyes, "z") when paused, crossed out when crashed. */
function Person({ x, y, r, row, fs }: { x: number; y: number; r: number; row: Row; fs: number }) {
  if (r < 4) return null;
  const head = r * 0.45;
  return (
    <g aria-hidden="true">
      <path d={`M${x - r * 0.8},${y + r} Q${x},${y - r * 0.1} ${x + r * 0.8},${y + r} Z`} fill={row.kind === 'storage' ? OKABE_ITO.orange : row.kind === 'locks' ? OKABE_ITO.yellow : OKABE_ITO.skyBlue} stroke={STATUS.ink} />
      <circle cx={x} cy={y - r * 0.35} r={head} fill="#f2d7b6" stroke={STATUS.ink} />
      {row.paused ? (
        <>
          <path d={`M${x - head * 0.6},${y - r * 0.4} h${head * 0.4} M${x + head * 0.2},${y - r * 0.4} h${head * 0.4}`} stroke={STATUS.ink} />
          <text x={x + head} y={y - r * 0.7} fontSize={fs} fontWeight={700} fill={STATUS.paused}>z</text>
        </>
      ) : (
        <>
          <circle cx={x - head * 0.35} cy={y - r * 0.4} r={1.2} fill={STATUS.ink} />
          <circle cx={x + head * 0.35} cy={y - r * 0.4} r={1.2} fill={STATUS.ink} />
        </>
      )}
      {row.down && <path d={`M${x - r},${y - r} L${x + r},${y + r} M${x + r},${y - r} L${x - r},${y + r}`} stroke={STATUS.crashed} strokeWidth={2} />}
    </g>
  );
}

/** A client's last 10 s: its leases (bars with their token; hatched once expired), its pauses (a blue band)
 *  and its writes (ticks with the token, green accepted, orange rejected, red lost). */
function Timeline({ row, box, layout, pic }: { row: Row; box: { y: number; h: number }; layout: ElectionLayout; pic: ElectionPicture }) {
  const { x, w } = layout.line;
  const small = Math.max(11, layout.fontSize - 1);
  const at = (t: number) => timeX(t, pic.t0, pic.span, x, w);
  const mid = box.y + box.h / 2;
  const barH = Math.min(14, box.h / 3);
  const desc = `${row.id}'s timeline: ${row.leases.map((l) => `lease #${l.rev} ${l.from}-${l.to} ms${l.expired ? ' expired' : ''}`).join(', ') || 'no lease'}; ${row.pauses.length} pause(s); writes ${row.writes.map((wr) => `#${wr.token} ${wr.verdict}`).join(', ') || 'none'}`;
  return (
    <g role="img" aria-label={desc}>
      <line x1={x} x2={x + w} y1={mid} y2={mid} stroke="#c9c9d1" />
      {row.pauses.filter((p) => p.to >= pic.t0).map((p, i) => (
        <rect key={`p${i}`} x={at(p.from)} y={box.y + 2} width={Math.max(2, at(p.to) - at(p.from))} height={box.h - 4} fill={STATUS.paused} opacity={0.3} />
      ))}
      {row.leases.filter((l) => l.to >= pic.t0).map((l) => {
        const x1 = at(l.from);
        const x2 = Math.max(x1 + 2, at(l.to));
        return (
          <g key={l.rev}>
            <rect x={x1} y={mid - barH} width={x2 - x1} height={barH} fill={l.expired ? '#ffffff' : OKABE_ITO.blue} stroke={OKABE_ITO.blue} strokeDasharray={l.expired ? '4 2' : undefined} />
            {l.expired && <line x1={x2} x2={x2} y1={mid - barH - 3} y2={mid + 3} stroke={STATUS.crashed} strokeWidth={2} />}
            {x2 - x1 > 24 && <text x={x1 + 3} y={mid - 3} fontSize={small} fill={l.expired ? OKABE_ITO.blue : '#ffffff'} fontWeight={700}>#{l.rev}</text>}
          </g>
        );
      })}
      {row.writes.filter((wr) => wr.t >= pic.t0).map((wr, i) => (
        <g key={`w${i}`}>
          <line x1={at(wr.t)} x2={at(wr.t)} y1={mid} y2={mid + barH} stroke={VERDICT[wr.verdict]} strokeWidth={wr.verdict === 'accepted' ? 1.5 : 3} />
          {wr.verdict !== 'accepted' && <text x={at(wr.t) + 3} y={mid + barH + small * 0.3} fontSize={small} fill={VERDICT[wr.verdict]} fontWeight={700}>{firstFit([`#${wr.token} ${wr.verdict}`, `#${wr.token}`], Math.max(0, x + w - at(wr.t) - 4), small, { bold: true })}</text>}
        </g>
      ))}
    </g>
  );
}
