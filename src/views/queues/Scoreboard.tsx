// The comparison under the technical picture when one workload runs under several rule books: per queue
// or reader, the order work was done in, duplicates and dead letters — each value beside the query that
// measured it, so the learner can type the same query in the console. One line per rule book (a cell cut
// short shows the whole of it on hover and to screen readers).
import type { CompareRow, Measure } from './compare.ts';

/** Narrow panes name the rule book in a word. */
const SHORT_BOOK: Record<string, string> = { stream: 'Log', rabbit: 'RabbitMQ', sqs: 'SQS', pubsub: 'Pub/sub' };

const words = (m: Measure | null, note?: string | null) => `${m ? `${m.value} (${m.query})` : ''}${note ? `${m ? ' · ' : ''}${note}` : ''}`;

/** Both phrasings; the stylesheet shows the short one when the scoreboard is narrow (a container query). */
function Say({ long, short }: { long: string; short: string }) {
  return <><span className="qv-long">{long}</span><span className="qv-short">{short}</span></>;
}

/** "none (no DLQ): 1 skipped" says "no DLQ: 1 skipped" in a narrow scoreboard. */
const shortNote = (note: string) => note.replace(/^none \((no [^)]+)\)/, '$1');

function Cell({ m, note, wide }: { m: Measure | null; note?: string | null; wide: boolean }) {
  return (
    <td title={words(m, note)} aria-label={words(m, note)}>
      {m ? <><span className="qv-value">{m.value}</span>{wide ? <> <code>{m.query}</code></> : null}</> : null}
      {note ? <span className="qv-note"><Say long={m ? ` · ${note}` : note} short={m ? ` · ${shortNote(note)}` : shortNote(note)} /></span> : null}
    </td>
  );
}

/** `wide`: room for the queries beside the values; narrow, each cell shows its query on hover and to screen readers, and, where the drawing can spare the height, a line under the table says so. */
export function Scoreboard({ rows, wide, keyLine }: { rows: readonly CompareRow[]; wide: boolean; keyLine: boolean }) {
  return (
    <div className="qv-compare" data-testid="queue-scoreboard" tabIndex={0} role="region" aria-label="Compare the rule books">
      {/* Named by aria-label, not a hidden caption: a visually hidden box still sits somewhere on the stage. */}
      <table aria-label="One workload under several rule books, measured now by the queries shown">
        <colgroup><col className="qv-c-book" /><col className="qv-c-order" /><col className="qv-c-dup" /><col className="qv-c-dead" /></colgroup>
        <thead>
          <tr><th scope="col"><Say long="rule book" short="book" /></th><th scope="col"><Say long="order of the work" short="order" /></th><th scope="col">twice</th><th scope="col"><Say long="dead letters" short="dead" /></th></tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const late = Number(r.overtaken.value);
            const order = r.inOrder ? (r.inOrder.ok ? '✓ in order' : `✗ ${late} overtaken: ${r.inOrder.note}`) : '… nothing yet';
            return (
              <tr key={`${r.sys}:${r.subject}`} data-sys={r.sys}>
                <th scope="row" title={`${r.book}, ${r.subject}`}>{wide ? r.book : SHORT_BOOK[r.sys]} <span className="qv-note">{wide ? r.subject : r.subject.replace(/^(queue|reader|subscription) /, '')}</span></th>
                <td title={`${order}: ${words(r.overtaken)}; ${words(r.order)}`} aria-label={`${order}: ${words(r.overtaken)}; ${words(r.order)}`}>
                  <span className={`qv-order ${r.inOrder ? (r.inOrder.ok ? 'is-ok' : 'is-broken') : ''}`}>{order}</span>
                  {wide ? <>{' '}<code>{r.overtaken.query}</code> <span className="qv-value qv-seq">{r.order.value}</span> <code>{r.order.query}</code></> : null}
                </td>
                <Cell m={r.duplicates} wide={wide} />
                <Cell m={r.dead} note={r.deadNote} wide={wide} />
              </tr>
            );
          })}
        </tbody>
      </table>
      {!wide && keyLine && rows[0] ? <p className="qv-compare-key qv-long">Point at a value for the query that measured it, e.g. <code>{rows[0].duplicates.query}</code></p> : null}
    </div>
  );
}
