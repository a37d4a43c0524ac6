// The bulletin board in the town square: a cork board with one stack of paper notices per topic, the
// newest on top, each saying its topic, its number and how many of its readers have read it.
import { msgFocused, type Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { STATUS } from '../shared/palette.ts';
import type { PinnedNotice, StageModel } from './model.ts';
import { describeNode, type StageNode } from '../drawings/node.ts';
import type { Rect } from './layout.ts';
import { Flames, Frost } from '../drawings/buildings.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';

const MAX_STACK = 4;
const MAX_TOPICS = 5;

function noticeLabel(n: PinnedNotice): string {
  return `notice #${n.id}, topic ${n.topic}, from ${n.from}, read by ${n.read} of ${n.readers.length} reader${n.readers.length === 1 ? '' : 's'}`;
}

export function Board({ box, board, model, focus, selected, fontSize, onMenu, titled = true }: {
  box: Rect;
  /** False when a building's words stand over the board's top (a crowded town): no heading then. */
  titled?: boolean;
  board: StageNode;
  model: StageModel;
  focus: Focus;
  selected: { kind: string; id: unknown } | null;
  fontSize: number;
  onMenu: (x: number, y: number) => void;
}) {
  const frame = 10;
  const head = fontSize + 12;
  const topics = model.topics.filter((t) => t.pinned > 0);
  const shown = topics.slice(-MAX_TOPICS);
  const cols = Math.max(1, shown.length);
  const innerW = box.w - frame * 2 - 12;
  const slipW = Math.max(0, Math.min(200, innerW / cols - 10));
  // On a small board (a phone, a narrow pane) the room left under the heading can be less than nothing:
  // a slip is never shorter than its topic line (nor a negative size, which SVG rejects).
  const slipH = Math.max(Math.min(slipW * 0.7, 22), Math.min(slipW * 0.7, box.h - head - frame * 2 - MAX_STACK * 7 - 16));
  const fs = Math.max(11, Math.min(fontSize - 1, slipW / 8));
  const focusedBoard = focus.nodes.has(board.id);
  const sel = selected?.kind === 'node' && selected.id === board.id;
  return (
    <g className="tb-board">
      <g className={`tb-node${focusedBoard ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`}
        {...pointable({ kind: 'node', id: board.id }, `the bulletin board: ${describeNode(board)}, ${model.notices.length} notices pinned. Enter to inspect.`, onMenu)}>
        <title>{`bulletin board: ${model.notices.length} notices pinned`}</title>
        <rect className="tb-ring" x={box.x - 8} y={box.y - 8} width={box.w + 16} height={box.h + 16} rx={14} />
        {/* legs */}
        <rect x={box.x + box.w * 0.12} y={box.y + box.h - 4} width={9} height={20} fill="#6b4226" />
        <rect x={box.x + box.w * 0.88 - 9} y={box.y + box.h - 4} width={9} height={20} fill="#6b4226" />
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={8} fill="#8b5a2b" stroke="#3d2612" strokeWidth={2} />
        <rect x={box.x + frame} y={box.y + frame} width={box.w - frame * 2} height={box.h - frame * 2} rx={3}
          fill={board.up ? '#d8b27a' : '#b3a99a'} />
        <rect x={box.x + frame} y={box.y + frame} width={box.w - frame * 2} height={box.h - frame * 2} rx={3} fill="url(#tb-cork)" />
        <text x={box.x + box.w / 2} y={box.y + frame + fontSize} textAnchor="middle" fontSize={fontSize} fontWeight={800}
          fill="#3d2612" letterSpacing={1.5}>{titled ? boardTitle(box.w - 24, fontSize) : ''}</text>
        {model.notices.length === 0 && (
          <text x={box.x + box.w / 2} y={box.y + box.h / 2 + 8} textAnchor="middle" fontSize={fontSize - 1} fill="#5a3a1c" fontStyle="italic">
            no notices yet
          </text>
        )}
      </g>
      {shown.map((t, col) => {
        const mine = model.notices.filter((n) => n.topic === t.topic);
        const stack = mine.slice(-MAX_STACK);
        const x0 = box.x + frame + 6 + (innerW / cols) * col + (innerW / cols - slipW) / 2;
        const y0 = box.y + head + frame + 16;
        const topicFocused = focus.topics.has(t.topic);
        return (
          <g key={t.topic}>
            {stack.map((n, k) => {
              const top = k === stack.length - 1;
              const focused = msgFocused(focus, -1, n.id, n.topic);
              const selectedNotice = selected?.kind === 'notice' && selected.id === n.id;
              const rot = ((n.id * 37) % 7) - 3;
              const x = x0;
              const y = y0 + k * 7;
              return (
                <g key={n.id} transform={`translate(${(x + slipW / 2).toFixed(1)},${(y + slipH / 2).toFixed(1)}) rotate(${rot})`}
                  className={`tb-notice${focused || topicFocused ? ' is-focused' : ''}${selectedNotice ? ' is-selected' : ''}`}
                  {...pointable({ kind: 'notice', id: n.id }, noticeLabel(n))}>
                  <title>{noticeLabel(n)}</title>
                  <rect className="tb-ring" x={-slipW / 2 - 4} y={-slipH / 2 - 4} width={slipW + 8} height={slipH + 8} rx={4} />
                  <rect x={-slipW / 2} y={-slipH / 2} width={slipW} height={slipH} fill={STATUS.paper} stroke="#6b5a3a" strokeWidth={1} />
                  <circle cx={0} cy={-slipH / 2 + 4} r={3.5} fill="#D55E00" stroke="#1d1d1f" strokeWidth={0.8} />
                  {top && <>
                    {topicLines(t.topic, n.id, slipW - 6, slipH, fs).map((line, j) => (
                      <text key={j} y={-slipH / 2 + fs + 7 + j * (fs + 2)} textAnchor="middle" fontSize={fs} fontWeight={700} fill={STATUS.ink}>{line}</text>
                    ))}
                    {slipH > fs * 2 + 12 && textWidth(t.topic, fs, { bold: true }) <= slipW - 6 && (
                      <text y={-slipH / 2 + fs * 2 + 9} textAnchor="middle" fontSize={Math.max(11, fs - 1)} fill={STATUS.muted}>
                        {firstFit([`#${n.id} from ${n.from}`, `#${n.id}`], slipW - 6, Math.max(11, fs - 1))}
                      </text>
                    )}
                    {slipH > fs * 3 + 10 && <ReadTicks n={n} y={slipH / 2 - 8} w={slipW - 12} fs={fs - 1} />}
                  </>}
                </g>
              );
            })}
            {mine.length > 1 && (
              <g transform={`translate(${(x0 + slipW - 2).toFixed(1)},${(y0 - 2).toFixed(1)})`} aria-hidden="true">
                <circle r={fs * 0.85} fill="#1d1d1f" />
                <text y={fs * 0.35} textAnchor="middle" fontSize={fs - 1} fontWeight={700} fill="#ffffff">{mine.length}</text>
              </g>
            )}
          </g>
        );
      })}
      {topics.length > MAX_TOPICS && (
        <text x={box.x + box.w - frame - 4} y={box.y + box.h - frame - 4} textAnchor="end" fontSize={fontSize - 1} fill="#3d2612">
          +{topics.length - MAX_TOPICS} more topics
        </text>
      )}
      {!board.up && (
        <g transform={`translate(${box.x + box.w / 2},${box.y + box.h / 2}) scale(${(Math.min(box.w, box.h) / 110).toFixed(2)})`}><Flames /></g>
      )}
      {board.paused && board.up && (
        <g transform={`translate(${box.x + box.w / 2},${box.y + box.h / 2}) scale(${(box.w / 96).toFixed(2)},${(box.h / 90).toFixed(2)})`}><Frost /></g>
      )}
      {(!board.up || board.paused) && (
        <text x={box.x + box.w / 2} y={box.y + box.h + 34} textAnchor="middle" fontSize={fontSize} fontWeight={800}
          className={`tb-halo ${board.up ? 'tb-status-ice' : 'tb-status-fire'}`}>
          {board.up ? 'BOARD PAUSED · frozen' : 'BOARD ON FIRE · crashed'}
        </text>
      )}
    </g>
  );
}

/** The board's heading, as long as its width allows (letter-spaced capitals). */
function boardTitle(w: number, fs: number): string {
  const spaced = (t: string) => textWidth(t, fs, { bold: true }) + 1.5 * t.length;
  return ['BULLETIN BOARD', 'BOARD'].find((t) => spaced(t) <= w) ?? '';
}

/**
 * A slip's topic: on one line when it fits, else split at its capitals over two lines
 * ("LunchesNeeded" → "Lunches" "Needed") when those fit, else the notice's number alone — never a cut
 * word (the topic is in the slip's title and the inspector).
 */
function topicLines(topic: string, id: number, w: number, h: number, fs: number): string[] {
  const fits = (t: string) => textWidth(t, fs, { bold: true }) <= w;
  if (fits(topic)) return [topic];
  const parts = topic.split(/(?=[A-Z])/);
  if (parts.length > 1 && h >= fs * 2 + 12) {
    const cut = Math.ceil(parts.length / 2);
    const two = [parts.slice(0, cut).join(''), parts.slice(cut).join('')];
    if (two.every(fits)) return two;
  }
  return fits(`#${id}`) ? [`#${id}`] : [];
}

/** One tick per reader: filled once read (a shape change as well as a colour change). */
function ReadTicks({ n, y, w, fs }: { n: PinnedNotice; y: number; w: number; fs: number }) {
  if (n.readers.length === 0) {
    return <text y={y + 3} textAnchor="middle" fontSize={fs} fill={STATUS.muted} fontStyle="italic">no readers</text>;
  }
  const text = `read ${n.read}/${n.readers.length}`;
  const boxes = Math.min(n.readers.length, 8);
  const step = Math.min(10, (w - text.length * fs * 0.55) / Math.max(1, boxes));
  if (step < 5) return <text y={y + 3} textAnchor="middle" fontSize={fs} fill={STATUS.ink}>{text}</text>;
  const x0 = -w / 2;
  return (
    <g>
      {n.readers.slice(0, boxes).map((r, k) => {
        const done = k < n.read;
        return <rect key={r} x={x0 + k * step} y={y - 4} width={step - 2} height={step - 2} fill={done ? '#009E73' : '#ffffff'} stroke="#1d1d1f" strokeWidth={0.8} />;
      })}
      <text x={w / 2} y={y + 3} textAnchor="end" fontSize={fs} fill={STATUS.ink}>{text}</text>
    </g>
  );
}
