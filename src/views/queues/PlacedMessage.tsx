// A queue's message where the town draws it: in its pigeonhole, or taken — in its holder's hands, with an
// empty pigeonhole (a ghost) left behind — or only counted ("+N") when the hands have no room. The SQS,
// RabbitMQ and pub/sub sections each say what their message is; this places it the same way for all three.
import type { ReactNode } from 'react';
import { Chip } from './Chip.tsx';
import { Ghost } from './Hands.tsx';
import { isFocused, isSelected, type SectionCtx } from './section-ctx.ts';
import { CHIP_LOOKS, type ChipKind } from './looks.ts';
import type { handsIndex } from './layout-hands.ts';
import type { Rect } from './layout.ts';

type Timer = { until: number; span: number } | null;

export interface PlacedMessage<C> {
  chip: C;
  id: number;
  /** Its place in the queue's row. */
  r: Rect;
  item: string;
  /** The row's item id, for arrow-key moves between its chips. */
  row: string;
  kind: ChipKind;
  body: string;
  count: number;
  /** The chip's timer, and the ghost's (the time until a taken message comes back; none for RabbitMQ). */
  timer: Timer;
  ghostTimer: Timer;
  /** The message in words, for screen readers; its kind's word is added. */
  words: string;
}

export function placedMessage<C>(p: PlacedMessage<C>, where: ReturnType<typeof handsIndex<C>>, ctx: SectionCtx): ReactNode[] {
  const { m, town } = ctx;
  const out = where.out.get(p.chip);
  const ghost = out && (
    <Ghost key={`${p.item}:ghost`} item={p.item} r={out.r} id={p.id} holder={out.holder}
      index={out.holder === 'you' ? null : ctx.node(out.holder).index} timer={p.ghostTimer} m={m} timerRef={ctx.timerRef} />
  );
  if (where.counted.has(p.chip)) return [ghost];
  const hand = where.hand.get(p.chip);
  return [ghost, (
    <Chip key={p.item} item={p.item} r={hand ?? p.r} kind={p.kind} text={hand ? [p.body, `#${p.id}`] : p.body} count={p.count}
      timer={p.timer} label={`${p.words} (${CHIP_LOOKS[p.kind].word})`} fs={m.fs} town={town}
      focused={isFocused(ctx, p.item) || ctx.lit.has(p.item)} selected={isSelected(ctx, p.item)} row={p.row}
      onMenu={ctx.onItemMenu} onHover={ctx.onHover} timerRef={ctx.timerRef} />
  )];
}
