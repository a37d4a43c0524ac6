// One short trace line per stream request or answer.
import type { Message } from '../core/types.ts';

export function formatStreamMessage(m: Message): string {
  switch (m.type) {
    case 'Append': return `Append ${String(m.topic)} body=${String(m.body)}`;
    case 'Fetch': return `Fetch ${String(m.topic)} offset=${m.offset === null ? 'committed' : String(m.offset)} max=${String(m.max)}`;
    case 'Records': {
      const rs = m.records as { offset: number; body: string }[];
      return `Records ${String(m.topic)} ${rs.length === 0 ? `(none from ${String(m.from)})` : rs.length > 3 ? `[${rs.length} records @${rs[0]!.offset}..${rs[rs.length - 1]!.offset}]` : `[${rs.map((r) => `${r.offset}:${r.body}`).join(' ')}]`}`;
    }
    case 'Commit': return `Commit ${String(m.topic)} offset=${String(m.offset)}`;
    default: return m.type;
  }
}
