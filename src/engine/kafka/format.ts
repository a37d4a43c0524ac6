// One trace line per message, short enough to read in a transcript.
import type { Message } from '../core/types.ts';

const recs = (list: unknown): string => {
  const xs = (list as { offset?: number; key?: string | null; value?: string | null }[] | undefined) ?? [];
  if (xs.length === 0) return '[]';
  if (xs.length > 3) return `[${xs.length} records${xs[0]!.offset !== undefined ? ` @${xs[0]!.offset}..${xs[xs.length - 1]!.offset}` : ''}]`;
  return `[${xs.map((r) => `${r.offset !== undefined ? `${r.offset}:` : ''}${r.key ?? '-'}=${r.value ?? 'null'}`).join(' ')}]`;
};

export function formatKafkaMessage(m: Message): string {
  switch (m.type) {
    case 'ProduceRequest':
      return `ProduceRequest ${String(m.tp)} acks=${m.acks === -1 ? 'all' : String(m.acks)}${(m.pid as number) >= 0 ? ` pid=${String(m.pid)} seq=${String(m.baseSeq)}` : ''}${m.txn ? ' txn' : ''} ${recs(m.records)}`;
    case 'ProduceResponse':
      return `ProduceResponse ${String(m.tp)} ${m.error ? `error=${String(m.error)}` : `offset=${String(m.baseOffset)}`}`;
    case 'Fetch':
      return `Fetch ${String(m.tp)} offset=${String(m.offset)}${m.isolation === 'read_committed' ? ' read_committed' : ''}`;
    case 'FetchResponse':
      return `FetchResponse ${String(m.tp)} ${m.error ? `error=${String(m.error)}` : `${recs(m.records)} hw=${String(m.hw)}`}`;
    case 'ReplicaFetch':
      return `ReplicaFetch ${(m.parts as { tp: string; offset: number }[]).map((p) => `${p.tp}@${p.offset}`).join(' ')}`;
    case 'ReplicaFetchResponse':
      return `ReplicaFetchResponse ${(m.parts as { tp: string; records?: unknown[]; hw?: number; truncateTo?: number; error?: string }[])
        .map((p) => `${p.tp}${p.error ? ` error=${p.error}` : p.truncateTo !== undefined ? ` truncate=${p.truncateTo}` : ` ${recs(p.records)} hw=${p.hw}`}`).join(' ')}`;
    case 'LeaderAndIsr':
      return `LeaderAndIsr ${String(m.tp)} leader=${String(m.leader ?? 'none')} epoch=${String(m.epoch)} isr=${(m.isr as string[]).join(',')}`;
    case 'OffsetCommit':
      return `OffsetCommit ${String(m.group)} gen=${String(m.generation)} ${Object.entries(m.offsets as Record<string, number>).map(([tp, o]) => `${tp}@${o}`).join(' ')}`;
    case 'SyncGroup':
      return `SyncGroup ${String(m.group)} gen=${String(m.generation)}${m.assignment ? ` ${Object.entries(m.assignment as Record<string, string[]>).map(([k, v]) => `${k}:${v.join('+') || '-'}`).join(' ')}` : ''}`;
    case 'SyncResponse':
      return `SyncResponse ${String(m.group)} ${m.error ? `error=${String(m.error)}` : (m.assignment as string[]).join(',') || '(nothing)'}`;
    case 'JoinResponse':
      if (m.error) return `JoinResponse ${String(m.group)} error=${String(m.error)}`;
      return `JoinResponse ${String(m.group)} gen=${String(m.generation)} member=${String(m.memberId)} leader=${String(m.leader)}`;
    default: {
      const fields = Object.entries(m).filter(([k]) => k !== 'type').map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
      return [m.type, ...fields].join(' ');
    }
  }
}
