// Chapter 05's payment ledger, under either queue picture once a payment consumer has charged something:
// one mark per order with its charges (a doubled one with a cross, the word "charges" and a colour; what
// each message naming it did on hover and to screen readers), and the payment service's idempotency keys
// with when each is forgotten (an expired one crossed out and saying so). Short enough to show whole under
// the picture; one tab stop (a region), its lists named for screen readers.
import { formatTime } from '../panels/format.ts';
import { keyHeldAt, type KeyRow, type LedgerRow, type PaymentsModel } from './model-payments.ts';

const WORDS = {
  town: { title: 'Till roll', keys: 'Key book' },
  tech: { title: 'Charges', keys: 'Idempotency keys' },
};

/** A key's stamp: keys live for hours (Stripe: 24 h) or, in a lesson, a second; say either briefly. */
export function stamp(ms: number): string {
  if (ms < 60_000) return formatTime(ms);
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Number((ms / 3_600_000).toFixed(1))} h`;
}

const did = (what: string) => (what === 'replayed' ? 'answered from its key, not charged' : what === 'set' ? 'marked paid' : 'charged');

export function chargeWords(r: LedgerRow): string {
  return r.doubled ? `✗ ${r.charges} charges` : `✓ ${r.charges === 1 ? 'once' : r.charges}`;
}

export function rowWords(r: LedgerRow): string {
  const events = r.events.map((e) => `#${e.msg} ${did(e.what)} by ${e.by} at ${formatTime(e.at)}`).join('; ');
  return `${r.order}: ${r.doubled ? `charged ${r.charges} times, a double charge` : `charged ${r.charges === 1 ? 'once' : `${r.charges} times`}`}${events ? ` (${events})` : ''}`;
}

export function keyWords(k: KeyRow, now: number): string {
  return keyHeldAt(k, now) ? `${k.key} kept until ${stamp(k.until)}` : `${k.key} expired at ${stamp(k.until)}`;
}

export function Ledger({ model, now, town }: { model: PaymentsModel; now: number; town: boolean }) {
  const w = WORDS[town ? 'town' : 'tech'];
  const held = model.keys.filter((k) => keyHeldAt(k, now)).length;
  return (
    <div className="qv-ledger" data-testid="payments-ledger" tabIndex={0} role="region"
      aria-label={`Payments: ${model.rows.length} orders charged, ${model.doubled} charged twice or more, ${model.dedupeHits} repeats answered from a key, ${held} keys held`}>
      <div className="qv-ledger-part">
        <span className="qv-ledger-title" title="sqs.charges(order), sqs.doubleCharged">{w.title}: {model.doubled ? `${model.doubled} twice` : 'none twice'}</span>
        <ul aria-label="Charges per order">
          {model.rows.map((r) => (
            <li key={r.order} className={r.doubled ? 'is-double' : undefined} data-order={r.order} title={rowWords(r)} aria-label={rowWords(r)}>
              <strong>{r.order}</strong> {chargeWords(r)}
            </li>
          ))}
        </ul>
      </div>
      {model.keys.length > 0 && (
        <div className="qv-ledger-part">
          <span className="qv-ledger-title" title="sqs.keyUntil(order), sqs.dedupeHits">{w.keys}: {model.dedupeHits} {model.dedupeHits === 1 ? 'hit' : 'hits'}</span>
          <ul aria-label="Idempotency keys and when each is forgotten">
            {model.keys.map((k) => {
              const on = keyHeldAt(k, now);
              return (
                <li key={k.key} className={on ? 'is-held' : 'is-expired'} data-key={k.key} title={`${keyWords(k, now)} (stored at ${stamp(k.at)})`}>
                  <strong>{k.key}</strong> {on ? `until ${stamp(k.until)}` : `expired ${stamp(k.until)}`}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
