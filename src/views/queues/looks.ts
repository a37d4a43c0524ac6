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

/**
 * Section headings, longest phrasing first (the pane shows the first that fits, never a cut one): the
 * rule book's name in the technical picture, its town stand-in in the town.
 */
export const SECTION_TITLES: Record<string, { tech: readonly string[]; town: readonly string[] }> = {
  stream: {
    tech: ['Stream · a retained log, a bookmark per reader', 'Stream · a retained log', 'Stream'],
    town: ['The notice board · notices stay pinned, each reader keeps a bookmark', 'The notice board · notices stay pinned, a bookmark each', 'The notice board · notices stay pinned', 'The notice board'],
  },
  rabbit: {
    tech: ['RabbitMQ · exchanges → bindings → queues → consumers', 'RabbitMQ · exchanges → queues', 'RabbitMQ'],
    town: ['The sorting office · rules on the chutes, pigeonholes, postmen', 'The sorting office · rules on the chutes', 'The sorting office'],
  },
  sqs: {
    tech: ['SQS · queues, visibility timeouts, dead-letter queues', 'SQS · queues and visibility timeouts', 'SQS'],
    town: ['The ticket rack · a taken ticket leaves its pigeonhole for one worker’s hands', 'The ticket rack · taken by one worker at a time', 'The ticket rack'],
  },
  pubsub: {
    tech: ['Pub/sub · a topic copies to every subscription', 'Pub/sub · a copy per subscription', 'Pub/sub'],
    town: ['The news desk · a copy in every subscriber’s mailbox', 'The news desk · a copy per mailbox', 'The news desk'],
  },
};
