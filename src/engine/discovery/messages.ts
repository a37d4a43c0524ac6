// Discovery messages: the directory's (register, heartbeat, check, lookup, DNS), the requests clients send,
// and SWIM's (ping, indirect ping, ack, gossip) with the rumours they carry.
import type { Message, NodeId } from '../core/types.ts';
import { STATE_NAMES, memberName, type MemberState } from './state.ts';

/** A piggybacked membership update: [member index, state, incarnation]. */
export type Update = readonly [number, MemberState, number];

export type DiscoveryMessage =
  | { readonly type: 'Register' }
  | { readonly type: 'Heartbeat' }
  | { readonly type: 'Deregister' }
  | { readonly type: 'Check'; readonly seq: number }
  | { readonly type: 'CheckOk'; readonly seq: number }
  | { readonly type: 'Lookup' }
  | { readonly type: 'Listing'; readonly instances: readonly NodeId[] }
  | { readonly type: 'DnsQuery' }
  | { readonly type: 'DnsAnswer'; readonly instances: readonly NodeId[]; readonly ttl: number }
  | { readonly type: 'Request'; readonly id: number }
  | { readonly type: 'Response'; readonly id: number }
  | { readonly type: 'Ping'; readonly seq: number; readonly updates: readonly Update[] }
  | { readonly type: 'Ack'; readonly seq: number; readonly updates: readonly Update[] }
  | { readonly type: 'PingReq'; readonly seq: number; readonly target: number; readonly updates: readonly Update[] }
  | { readonly type: 'Gossip'; readonly updates: readonly Update[] };

export const formatUpdate = ([i, s, inc]: Update): string => `${memberName(i)} ${STATE_NAMES[s]}#${inc}`;

const rumours = (u: readonly Update[]): string => (u.length ? ` [${u.map(formatUpdate).join(', ')}]` : '');

export function formatDiscoveryMessage(m: Message): string {
  const msg = m as unknown as DiscoveryMessage;
  switch (msg.type) {
    case 'Check': case 'CheckOk': return `${msg.type} #${msg.seq}`;
    case 'Listing': return `Listing ${msg.instances.join(',') || '(none)'}`;
    case 'DnsAnswer': return `DnsAnswer ${msg.instances.join(',') || '(none)'} ttl=${msg.ttl}ms`;
    case 'Request': case 'Response': return `${msg.type} r${msg.id}`;
    case 'Ping': case 'Ack': return `${msg.type} #${msg.seq}${rumours(msg.updates)}`;
    case 'PingReq': return `PingReq #${msg.seq} ${memberName(msg.target)}${rumours(msg.updates)}`;
    case 'Gossip': return `Gossip${rumours(msg.updates)}`;
    default: return msg.type;
  }
}
