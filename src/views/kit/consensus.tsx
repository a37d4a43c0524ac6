// What the consensus pictures (Raft, Paxos; next: leases, registers, gossip) share beyond the layouts:
// the look of a message in flight, the links between every pair of servers, the menus of a message and
// a link, and the town crier drawn beside whoever leads.
import { useMemo } from 'react';
import type { Sim } from '../../engine/core/index.ts';
import type { Point } from '../shared/geometry.ts';
import type { Flight, FlightMenu } from './FlightLayer.tsx';
import type { LinkSpec } from './Links.tsx';
import { linkMenu, messageMenu, run } from './menu.tsx';
import type { StageKit, StageOptions } from './stage.ts';

/** The consensus pictures re-render their structure every 6th frame at 10x and up (see useStructureVersion). */
export const CONSENSUS_STAGE: StageOptions = { fastEvery: 6 };

/** A consensus message in flight: `label` says it in words, `tag` is its short label (`AE t3 +2`). */
export interface ConsensusFlight extends Flight {
  tag: string;
  doomed: boolean;
  /** Whatever the icon needs to draw it (shape, colour, ok). */
  look: { shape: string; colour: string; ok: boolean | null };
}

/** A link for every pair of servers, `curve(x, y)` its path; cut or not as the run says. */
export function linksBetween(ids: readonly string[], sim: Sim, curve: (x: string, y: string) => { a: Point; b: Point; c: Point }): LinkSpec[] {
  const links: LinkSpec[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const x = ids[i]!;
    const y = ids[j]!;
    links.push({ key: `${x}|${y}`, x, y, ...curve(x, y), cutXY: sim.isCut(x, y), cutYX: sim.isCut(y, x) });
  }
  return links;
}

/** A straight link between two edge points (its control point halfway). */
export const straight = (a: Point, b: Point) => ({ a, b, c: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } });

/**
 * The menus of a consensus picture's messages (drop, inspect) and links (cut, heal), opened on the
 * stage's one menu; the same objects on every render, so memoised flights and links skip re-rendering.
 * `link` names a link in the menu's heading: 'Link' (technical) or 'Path' (the town's roads).
 */
export function useConsensusMenus(kit: Pick<StageKit, 'openMenu'>, link: 'Link' | 'Path') {
  const { openMenu } = kit;
  return useMemo(() => {
    const flightMenu: FlightMenu<ConsensusFlight> = {
      open: (f, x, y) => openMenu({ kind: 'items', label: `Message #${f.msgId}`, items: messageMenu(f.msgId, `${f.tag || f.label} ${f.from}→${f.to}`, f.doomed), x, y }),
      drop: (f) => run(`drop msg=${f.msgId}`),
    };
    const onLinkMenu = (l: LinkSpec, x: number, y: number) =>
      openMenu({ kind: 'items', label: `${link} ${l.x}–${l.y}`, items: linkMenu(l.x, l.y, l.cutXY, l.cutYX), x, y });
    return { flightMenu, onLinkMenu };
  }, [openMenu, link]);
}

const INK = '#1d1d1f';

/** The town crier in a tricorne hat, ringing a hand bell; about 2·size tall, feet at y = 0. */
export function Crier({ size }: { size: number }) {
  const k = size / 20;
  return (
    <g transform={`scale(${k.toFixed(3)})`} aria-hidden="true">
      {/* coat and legs */}
      <path d="M-7,0V-10H7V0" fill="none" stroke={INK} strokeWidth={2.4} strokeLinecap="round" />
      <path d="M-9,-10L-7,-26H7L9,-10Z" fill="#D55E00" stroke={INK} strokeWidth={1.5} strokeLinejoin="round" />
      <path d="M0,-26V-10" stroke="#F0E442" strokeWidth={1.5} />
      {/* the bell arm */}
      <path d="M6,-23L15,-31" stroke={INK} strokeWidth={2.4} strokeLinecap="round" />
      <path d="M12,-35a4,4 0 0,1 8,0l1.5,5h-11Z" fill="#E69F00" stroke={INK} strokeWidth={1.2} transform="rotate(25,16,-32)" />
      <path d="M22,-40q4,-3 6,1M23,-35q4,-1 5,3" fill="none" stroke={INK} strokeWidth={1.1} strokeLinecap="round" />
      {/* head and hat */}
      <circle cy={-31} r={5} fill="#f1c9a5" stroke={INK} strokeWidth={1.3} />
      <path d="M-9,-35Q0,-31 9,-35L5,-41Q0,-44 -5,-41Z" fill="#1d1d1f" />
      <path d="M-2,-41h4" stroke="#F0E442" strokeWidth={1.5} />
    </g>
  );
}

/** How far to move a board `w` wide, centred on its pole, so it stays between `left` and `right` (its
 *  picture's edges, in the pole's coordinates): a member at the edge of the town holds it inward. */
export function shiftInto(w: number, left = -Infinity, right = Infinity): number {
  if (-w / 2 < left) return Math.min(left + w / 2, right - w / 2);
  if (w / 2 > right) return Math.max(right - w / 2, left + w / 2);
  return 0;
}
