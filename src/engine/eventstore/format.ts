// One short trace line per event store request or answer.
import type { Message } from '../core/types.ts';
import { describeEvent, expectedWords } from './store.ts';
import type { EsWire } from './wire.ts';

const events = (es: readonly { pos: number }[]) => (es.length === 0 ? 'none' : es.length === 1 ? `@${es[0]!.pos}` : `${es.length} @${es[0]!.pos}..${es[es.length - 1]!.pos}`);

export function formatEventStoreMessage(m: Message): string {
  const w = m as unknown as EsWire;
  switch (w.type) {
    case 'Load': return `Load ${w.stream}`;
    case 'Loaded': return `Loaded ${w.stream} v${w.version}${w.snapshot ? ` snapshot@v${w.snapshot.version}` : ''} +${w.events.length} events`;
    case 'Append': return `Append ${w.stream} ${describeEvent({ type: w.event.type, data: w.event.data, schema: 2 } as never)} expected=${expectedWords(w.expected)}`;
    case 'Appended': return `Appended ${w.stream} v${w.version} @${w.pos}`;
    case 'Conflict': return `Conflict ${w.stream}`;
    case 'Fetch': return `Fetch $all from ${w.from} max=${w.max}`;
    case 'Events': return `Events ${events(w.events)}`;
    default: return m.type;
  }
}
