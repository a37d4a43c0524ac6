// The stream section: each topic's log as a row of records (notices pinned on the board) that reading
// never removes, every reader's bookmark (its committed position) under the record it reads next, and
// the readers on the right. Records a reader holds are ringed; one it keeps failing on is marked.
import { textWidth } from '../shared/measure.ts';
import type { StreamModel } from './model-stream.ts';
import type { StreamGeom } from './layout-stream.ts';
import { itemId, recordId } from './ids.ts';
import { Chip } from './Chip.tsx';
import { Client } from './Client.tsx';
import { Holder } from './Holder.tsx';
import { isFocused, isSelected, nodeFocused, nodeSelected, type SectionCtx } from './section-ctx.ts';
import { streamReaderWords, streamRecordWords, streamTopicWords } from './describe.ts';
import { markPath, nodeStyle } from '../shared/palette.ts';

export function StreamSection({ geom, ctx }: { model: StreamModel; geom: StreamGeom; ctx: SectionCtx }) {
  const { m, town } = ctx;
  return (
    <g className="qv-section" data-section="stream">
      {geom.rows.map((row) => {
        const t = row.t;
        const item = itemId('stream', 'topic', t.name);
        const detail = [`${t.end - t.start} records`, `offsets ${t.start}–${Math.max(t.start, t.end - 1)}`, t.removed ? `${t.removed} removed by retention` : '',
          `${t.readers.length} reader${t.readers.length === 1 ? '' : 's'}, a bookmark each`];
        const strip = { x: row.r.x + 4, y: row.r.y + m.line + 2, w: row.r.w - 8, h: row.r.h - m.line - 4 };
        return (
          <Holder key={item} item={item} r={row.r} head={row.head} strip={strip} name={t.name} detail={detail} look="board" town={town}
            fs={m.fs} focused={isFocused(ctx, item)} selected={isSelected(ctx, item)} label={streamTopicWords(t)}
            more={row.afterR ? { r: row.afterR, n: row.window.after } : null} onMenu={ctx.onItemMenu} skin={ctx.skin} />
        );
      })}
      {geom.rows.map((row) => row.beforeR && (
        <g key={`before:${row.t.name}`} aria-hidden="true">
          <rect x={row.beforeR.x} y={row.beforeR.y} width={row.beforeR.w} height={row.beforeR.h} rx={3} fill="#f0f0f3" stroke="#6b6b70" strokeDasharray="2 2" />
          <text x={row.beforeR.x + row.beforeR.w / 2} y={row.beforeR.y + row.beforeR.h / 2 + m.small * 0.36} fontSize={m.small} textAnchor="middle" fontWeight={700}>+{row.window.before}</text>
        </g>
      ))}
      {geom.rows.flatMap((row) => row.cells.map((c) => {
        const item = recordId(row.t.name, c.offset);
        const stuck = row.t.readers.some((r) => r.retrying === c.offset);
        return (
          <g key={item}>
            <Chip item={item} r={c.r} kind="record" text={`${c.offset} ${c.body}`} count={0} timer={null}
              label={`${streamRecordWords(row.t.name, c.offset, c.body, row.t.readers)}${stuck ? '; a reader keeps failing on it' : ''}`} fs={m.fs} town={town}
              focused={isFocused(ctx, item) || ctx.lit.has(item)} selected={isSelected(ctx, item)} row={itemId('stream', 'topic', row.t.name)}
              onMenu={ctx.onItemMenu} onHover={ctx.onHover} timerRef={ctx.timerRef} />
            {stuck && <text x={c.r.x + c.r.w - 2} y={c.r.y - 2} fontSize={m.sub} textAnchor="end" fill="#a83a00" fontWeight={800} aria-hidden="true">⟳!</text>}
          </g>
        );
      }))}
      {geom.rows.flatMap((row) => row.flags.map((f) => {
        const st = nodeStyle(ctx.node(f.reader.id).index);
        const y = f.y;
        const at = f.reader.position ?? f.reader.next ?? row.t.start;
        const text = `${f.offscreen === 'before' ? '◀ ' : ''}${f.reader.id} @${at}${f.offscreen === 'after' ? ' ▶' : ''}`;
        // A bookmark near the log's right edge puts its mark and words left of its pole (if there is room), so they stay in the log's column.
        const wordsW = m.fs * 0.95 + textWidth(text, m.small);
        const left = f.x + wordsW > row.r.x + row.r.w && f.x - wordsW >= row.r.x;
        const side = left ? -1 : 1;
        return (
          <g key={`flag:${row.t.name}:${f.reader.id}`} aria-hidden="true" transform={`translate(${f.x.toFixed(1)},${y.toFixed(1)})`}>
            <path d={`M-1,-3L-1,${m.fs - 2}`} stroke="#1d1d1f" strokeWidth={1.5} />
            <path d={markPath(st.mark, m.fs * 0.32)} transform={`translate(${side * m.fs * 0.45},${m.fs * 0.35})`} fill={f.reader.up ? st.colour : '#9a9a9a'} stroke="#1d1d1f" strokeWidth={0.8} />
            <text x={side * m.fs * 0.95} y={m.fs * 0.7} fontSize={m.small} textAnchor={left ? 'end' : 'start'} className="tb-halo">{text}</text>
          </g>
        );
      }))}
      {geom.readers.map(({ item: r, r: box }) => (
        <Client key={r.id} id={r.id} index={ctx.node(r.id).index} r={box} fs={m.fs} town={town} building="school" up={r.up} paused={r.paused}
          lines={[r.retrying !== null ? [`stuck on @${r.retrying}`, `stuck @${r.retrying}`] : r.inHand.length ? [`reading @${r.inHand[0]}`, `@${r.inHand[0]}`] : r.lag === 0 ? ['caught up', 'done'] : 'waiting', [`bookmark @${r.position ?? '–'} · lag ${r.lag}`, `@${r.position ?? '–'} · lag ${r.lag}`, `@${r.position ?? '–'}`]]}
          label={streamReaderWords(r)} focused={nodeFocused(ctx, r.id)} selected={nodeSelected(ctx, r.id)} onMenu={ctx.onNodeMenu} />
      ))}
      {geom.moreReaders && <text x={geom.moreReaders.r.x + 4} y={geom.moreReaders.r.y + m.line} fontSize={m.sub}>+{geom.moreReaders.n} more readers</text>}
      {geom.producers.map(({ item: p, r }) => (
        <Client key={p} id={p} index={ctx.node(p).index} r={r} fs={m.fs} town={town} building="house" up={ctx.node(p).up} paused={ctx.node(p).paused}
          lines={[['producer', 'appends']]} label={`producer ${p}: appends over the network`} focused={nodeFocused(ctx, p)} selected={nodeSelected(ctx, p)} onMenu={ctx.onNodeMenu} />
      ))}
    </g>
  );
}
