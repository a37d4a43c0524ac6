// The town picture of the resilience system: houses (clients) phone shops (servers), a shop may phone another
// (its dependency). On a caller's wall a fuse box (the breaker: in, blown, testing); under it the people who
// wait to redial, standing as far along as the wait they drew (a crowd when everyone redials at once). Behind a
// shop's counter its clerks (the worker pool; hatched when serving a caller who already hung up) and the calls
// on hold (its queue).
import { memo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { Building, Flames, Frost } from '../drawings/buildings.tsx';
import { pointable } from '../shared/interaction.tsx';
import { textWidth } from '../shared/measure.ts';
import { nodeStyle, OKABE_ITO, STATUS } from '../shared/palette.ts';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { fontForZoom } from './layout-tech.ts';
import { useZoom } from './zoom.ts';
import { CLERK, CLERKS_SHOWN, HOLD_CELL, PERSON, resilienceTownLayout, type TownSpot, type Waiter } from './layout-town.ts';
import { describeCaller, describeServer, resiliencePicture, type BreakerState, type CallerPic, type ServerPic } from './model.ts';
import { LateHatch, SLOT_FILL } from './TechParts.tsx';
import { pathsBy, peoplePath } from './paths.ts';
import '../shared/views.css';

// The pane's own height, even under .tb-view's 240 px floor: the layout leaves out what does not fit there.
const FILL_PANE = { minHeight: 0 } as const;

/** The fuse box: a fuse in place (closed), blown with a spark (open), half in with a question (half-open). */
function FuseBox({ state, fs }: { state: BreakerState; fs: number }) {
  const blown = state === 'OPEN' || state === 'FORCED_OPEN';
  const testing = state === 'HALF_OPEN';
  return (
    <g aria-hidden="true">
      <rect x={-8} y={-13} width={16} height={26} rx={2} fill="#ffffff" stroke={STATUS.ink} strokeWidth={1.4} />
      {state === 'DISABLED' && <path d="M0,-10V10" stroke={STATUS.muted} strokeWidth={3} strokeDasharray="2 2" />}
      {(state === 'CLOSED') && <path d="M0,-10V10" stroke={OKABE_ITO.bluishGreen} strokeWidth={4} />}
      {blown && (
        <>
          <path d="M0,-10V-3M0,3V10" stroke={OKABE_ITO.vermillion} strokeWidth={4} />
          <path d="M-5,-2L5,2M-5,2L5,-2" stroke={OKABE_ITO.vermillion} strokeWidth={1.8} />
        </>
      )}
      {testing && (
        <>
          <path d="M0,-10V-1" stroke={OKABE_ITO.orange} strokeWidth={4} />
          <text y={10} textAnchor="middle" fontSize={fs} fontWeight={800} fill={STATUS.ink}>?</text>
        </>
      )}
    </g>
  );
}

/** The people waiting to redial, as one drawing, with "+N" where more stand behind. */
function Crowd({ people, fs }: { people: readonly Waiter[]; fs: number }) {
  if (!people.length) return null;
  return (
    <g aria-hidden="true">
      <path d={peoplePath(people)} fill={OKABE_ITO.orange} stroke={STATUS.ink} strokeWidth={0.8} />
      {people.filter((p) => p.more > 0).map((p) => <text key={`${p.x},${p.y}`} x={p.x + 6} y={p.y + 4} fontSize={fs} fontWeight={700} className="tb-halo">+{p.more}</text>)}
    </g>
  );
}

function Clerks({ s, spot, fs }: { s: ServerPic; spot: TownSpot; fs: number }) {
  // Room kept for the "+N" after the clerks and after the calls on hold, so it stays inside the band.
  const plus = (n: number) => textWidth(`+${n}`, fs) + 6;
  const clerkRoom = spot.band.w - plus(s.workers);
  const shown = Math.min(s.workers, CLERKS_SHOWN, Math.floor(clerkRoom / (CLERK + 2)));
  const rowW = shown * (CLERK + 2) + (s.workers > shown ? plus(s.workers) : 0);
  const x0 = Math.max(spot.band.x, spot.at.x - rowW / 2);
  const y = spot.band.y;
  const holdY = y + CLERK + 6;
  const holdSlots = Math.floor((spot.band.w - plus(s.queue)) / HOLD_CELL);
  const onHold = s.queued.slice(0, Math.max(0, holdSlots));
  const more = s.queue - onHold.length;
  const busyShown = Math.min(shown, s.busy);
  return (
    <g aria-hidden="true">
      <rect x={x0 - 3} y={y + CLERK * 0.55} width={shown * (CLERK + 2) + 4} height={CLERK * 0.45 + 2} fill="#8a5a3b" stroke={STATUS.ink} strokeWidth={1} />
      {Array.from({ length: shown }, (_, i) => {
        const busy = i < busyShown;
        const late = i < Math.min(s.busyLate, shown);
        const cx = x0 + i * (CLERK + 2) + CLERK / 2;
        return (
          <g key={i}>
            <circle cx={cx} cy={y + CLERK * 0.3} r={CLERK * 0.3} fill={late ? 'url(#tb-res-late)' : busy ? OKABE_ITO.blue : '#ffffff'} stroke={STATUS.ink} strokeWidth={1} />
            {busy && <rect x={cx - 3} y={y + CLERK * 0.5} width={6} height={4} fill="#ffffff" stroke={STATUS.ink} strokeWidth={0.7} />}
          </g>
        );
      })}
      {s.workers > shown && <text x={x0 + shown * (CLERK + 2) + 4} y={y + CLERK * 0.8} fontSize={fs} fill={STATUS.ink}>+{s.workers - shown}</text>}
      {pathsBy(onHold.map((j, i) => ({
        key: j.late ? 'late' : j.attempt > 1 ? 'retry' : 'first',
        box: { x: spot.band.x + i * HOLD_CELL, y: holdY, w: HOLD_CELL - 1, h: HOLD_CELL },
      }))).map((g) => <path key={g.key} d={g.d} fill={SLOT_FILL[g.key]} stroke={STATUS.ink} strokeWidth={0.4} />)}
      {more > 0 && <text x={spot.band.x + onHold.length * HOLD_CELL + 3} y={holdY + HOLD_CELL} fontSize={fs} fill={STATUS.ink}>+{more}</text>}
    </g>
  );
}

interface SpotProps {
  spot: TownSpot; fs: number; colourIndex: number; up: boolean; paused: boolean;
  focused: boolean; selected: boolean; label: string; onMenu: (x: number, y: number) => void;
  caller: CallerPic | null; server: ServerPic | null; people: readonly Waiter[];
}

const Spot = memo(function Spot({ spot, fs, colourIndex, up, paused, focused, selected, label, onMenu, caller, server, people }: SpotProps) {
  const style = nodeStyle(colourIndex);
  const look = { accent: up ? style.colour : '#8d8d8d', wall: up ? '#f7f0e1' : '#bdbdbd', line: '#2b2b2e' };
  const k = spot.s / 100;
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-node={spot.id}
      {...pointable({ kind: 'node', id: spot.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <rect className="tb-ring" x={spot.band.x - 4} y={spot.at.y - spot.s * 0.6} width={spot.band.w + 8} height={spot.band.y - spot.at.y + spot.s * 0.6 + PERSON * 3 + 8} rx={10} />
      <g transform={`translate(${spot.at.x},${spot.at.y}) scale(${k.toFixed(3)})`}>
        <g className={up ? undefined : 'is-burnt'}><Building kind={spot.kind === 'caller' ? 'house' : 'post'} look={look} /></g>
        {!up && <Flames />}
        {up && paused && <Frost />}
      </g>
      {spot.fuse && caller?.breaker && <g transform={`translate(${spot.fuse.x + 8},${spot.fuse.y})`}><FuseBox state={caller.breaker.state} fs={fs} /></g>}
      <text x={spot.name.x} y={spot.name.y} fontSize={fs} fontWeight={700} textAnchor="middle" className="tb-halo">{spot.name.text}</text>
      {spot.words.map((w) => <text key={w.y} x={w.x} y={w.y} fontSize={fs} textAnchor="middle" className="tb-halo">{w.text}</text>)}
      {server && <Clerks s={server} spot={spot} fs={fs} />}
      <Crowd people={people} fs={fs} />
    </g>
  );
});

export function ResilienceTown({ className }: StageViewProps) {
  const k = useStagePicture('resilience', resiliencePicture);
  const pic = k.picture;
  const zoom = useZoom(k.wrap);
  if (!pic) return <div ref={k.wrap} style={FILL_PANE} className={`tb-view ${className ?? ''}`} data-testid="resilience-town" />;
  const layout = resilienceTownLayout(k.size, pic, textWidth, fontForZoom(zoom));
  const status = new Map(k.sim.nodes().map((n, i) => [n.id, { n, i }]));
  const callers = new Map(pic.clients.map((c) => [c.id, c]));
  const servers = new Map(pic.servers.map((s) => [s.id, s]));
  const busyLine = (from: string) => (callers.get(from)?.inFlight ?? servers.get(from)?.dependency?.inFlight ?? 0) > 0;
  const blown = (from: string) => {
    const st = callers.get(from)?.breaker?.state ?? servers.get(from)?.dependency?.breaker?.state;
    return st === 'OPEN' || st === 'FORCED_OPEN';
  };
  return (
    <div ref={k.wrap} style={FILL_PANE} className={`tb-view ${className ?? ''}`} data-testid="resilience-town">
      <svg width={k.size.width} height={k.size.height} role="group"
        aria-label={`Resilience, town view: ${pic.clients.length} houses phoning ${pic.servers.length} shops`}>
        <defs><LateHatch /></defs>
        <rect width={k.size.width} height={k.size.height} fill="#eef3e6" />
        <g fill="none" aria-hidden="true">
          {layout.lines.map((l) => {
            const lit = k.focus.nodes.has(l.from) || k.focus.nodes.has(l.to);
            return (
              <path key={`${l.from}>${l.to}`} d={l.d} stroke={blown(l.from) ? OKABE_ITO.vermillion : STATUS.ink}
                strokeWidth={(busyLine(l.from) ? 2.5 : 1.2) + (lit ? 2 : 0)} strokeDasharray={blown(l.from) ? '3 5' : busyLine(l.from) ? undefined : '6 4'} />
            );
          })}
        </g>
        {layout.order.map((id) => {
          const spot = layout.spots[id]!;
          const st = status.get(id);
          const caller = callers.get(id) ?? null;
          const server = servers.get(id) ?? null;
          const label = caller ? `House ${id} (client): ${describeCaller(caller)}` : server ? `Shop ${id} (server): ${describeServer(server)}` : id;
          return (
            <Spot key={id} spot={spot} fs={layout.fontSize} colourIndex={st?.i ?? 0} up={st?.n.up ?? true} paused={st?.n.paused ?? false}
              focused={k.focus.nodes.has(id)} selected={k.isSelectedNode(id)} label={label} onMenu={k.nodeMenu(id)}
              caller={caller} server={server} people={layout.crowds[id] ?? []} />
          );
        })}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
