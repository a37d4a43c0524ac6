// How each message state looks, in both pictures. Colour never works alone: every state also has its
// own outline (solid, dashed, dotted), a fill pattern or a glyph, and a word in the labels.
import { OKABE_ITO } from '../shared/palette.ts';

/** The common states of a drawn message, across the four rule books. */
export type ChipKind = 'waiting' | 'held' | 'delayed' | 'dead' | 'record';

export interface ChipLook {
  fill: string;
  stroke: string;
  dash: string | undefined;
  /** Drawn before the text. */
  glyph: string;
  /** In words, for the legend. */
  word: string;
}

export const CHIP_LOOKS: Record<ChipKind, ChipLook> = {
  waiting: { fill: OKABE_ITO.yellow, stroke: '#1d1d1f', dash: undefined, glyph: '', word: 'waiting (visible)' },
  held: { fill: '#ffffff', stroke: OKABE_ITO.orange, dash: '4 2', glyph: '⧗', word: 'in flight (invisible), its timer running' },
  delayed: { fill: 'url(#qv-hatch)', stroke: '#6b6b70', dash: '1.5 2', glyph: '◷', word: 'delayed' },
  dead: { fill: '#fbe3d6', stroke: OKABE_ITO.vermillion, dash: undefined, glyph: '✕', word: 'dead letter' },
  record: { fill: '#dcefff', stroke: OKABE_ITO.blue, dash: undefined, glyph: '', word: 'record (stays in the log)' },
};

export const TIMER_COLOUR = OKABE_ITO.orange;
export const EDGE = '#9a9aa2';
export const EDGE_LIT = OKABE_ITO.blue;

/** Section headings: the rule book's name in the technical picture, its town stand-in in the town. */
export const SECTION_TITLES: Record<string, { tech: string; town: string }> = {
  stream: { tech: 'Stream · a retained log, a bookmark per reader', town: 'The notice board · notices stay pinned, each reader keeps a bookmark' },
  rabbit: { tech: 'RabbitMQ · exchanges → bindings → queues → consumers', town: 'The post office · sorting rules, pigeonholes, postmen' },
  sqs: { tech: 'SQS · queues, visibility timeouts, dead-letter queues', town: 'The ticket spike · each ticket taken by one baker' },
  pubsub: { tech: 'Pub/sub · a topic copies to every subscription', town: 'The news desk · a copy in every subscriber’s tray' },
};
