// Pure: the discovery messages in flight as the kit's flights between two drawn points, each with a
// letter and a colour a person can tell apart (and the whole message in words for its label).
import type { InFlight, Message } from '../../engine/core/index.ts';
import type { ConsensusFlight } from '../kit/consensus.tsx';
import { OKABE_ITO } from '../shared/palette.ts';

export interface Point { x: number; y: number }

/** Most flights drawn at once: a 64-member group gossiping fills the pane with dots beyond this. */
export const MAX_FLIGHTS = 160;

const LOOK: Record<string, { letter: string; colour: string; words: string }> = {
  Register: { letter: 'R', colour: OKABE_ITO.bluishGreen, words: 'registers' },
  Heartbeat: { letter: 'h', colour: OKABE_ITO.bluishGreen, words: 'heartbeat' },
  Deregister: { letter: 'x', colour: OKABE_ITO.orange, words: 'deregisters' },
  Check: { letter: 'c', colour: OKABE_ITO.skyBlue, words: 'health check' },
  CheckOk: { letter: 'c', colour: OKABE_ITO.bluishGreen, words: 'check passed' },
  Lookup: { letter: '?', colour: OKABE_ITO.blue, words: 'looks up' },
  DnsQuery: { letter: '?', colour: OKABE_ITO.blue, words: 'DNS query' },
  Listing: { letter: 'L', colour: OKABE_ITO.blue, words: 'the list' },
  DnsAnswer: { letter: 'L', colour: OKABE_ITO.blue, words: 'DNS answer' },
  Request: { letter: 'r', colour: OKABE_ITO.orange, words: 'request' },
  Response: { letter: '✓', colour: OKABE_ITO.bluishGreen, words: 'response' },
  Ping: { letter: 'p', colour: OKABE_ITO.skyBlue, words: 'ping' },
  Ack: { letter: 'a', colour: OKABE_ITO.bluishGreen, words: 'ack' },
  PingReq: { letter: 'i', colour: OKABE_ITO.reddishPurple, words: 'indirect ping request' },
  Gossip: { letter: 'g', colour: OKABE_ITO.yellow, words: 'gossip' },
};

/** A message carrying a rumour of death or suspicion is drawn in vermillion whatever its type. */
function carriesBadNews(m: Message): boolean {
  const u = (m as { updates?: readonly (readonly number[])[] }).updates;
  return Array.isArray(u) && u.some((x) => x[1] !== 0);
}

export function discoveryFlights(inFlight: readonly InFlight[], at: (id: string) => Point | undefined, text: (m: Message) => string): ConsensusFlight[] {
  const out: ConsensusFlight[] = [];
  for (const f of inFlight) {
    if (f.sys !== 'discovery' || f.from === f.to) continue;
    const a = at(f.from);
    const b = at(f.to);
    if (!a || !b) continue;
    const look = LOOK[f.msg.type] ?? { letter: '·', colour: OKABE_ITO.black, words: f.msg.type };
    const bad = carriesBadNews(f.msg);
    out.push({
      msgId: f.msgId, key: `${f.msgId}:${out.length}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt,
      a, b, c: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, tag: look.letter, label: `${text(f.msg)} ${f.from}→${f.to}`, type: f.msg.type,
      look: { shape: look.letter, colour: bad ? OKABE_ITO.vermillion : look.colour, ok: bad ? false : null }, doomed: f.doomed,
    });
    if (out.length >= MAX_FLIGHTS) break;
  }
  return out;
}

export function DiscoveryIconSpec(f: ConsensusFlight): { letter: string; colour: string; ink: string } {
  const dark = f.look.colour === OKABE_ITO.blue || f.look.colour === OKABE_ITO.vermillion || f.look.colour === OKABE_ITO.reddishPurple || f.look.colour === OKABE_ITO.bluishGreen;
  return { letter: f.look.shape, colour: f.look.colour, ink: dark ? '#ffffff' : '#1d1d1f' };
}
