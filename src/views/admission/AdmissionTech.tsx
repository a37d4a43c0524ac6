// The technical picture of chapter 14: the clients' history as a timeline (one row per client, a bar from
// each operation's call to its return, a refused or unanswered one open-ended), the checker's verdict above
// it with the operation it could not place outlined and named, and each replica's versions with their stamps
// and vector clocks beside the timeline.
import type { StageViewProps } from '../stages.ts';
import { STATUS } from '../shared/palette.ts';
import { fit, SMALL } from './words.ts';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { admissionPicture, DELIVERY_WORDS } from './model.ts';
import '../shared/views.css';

const FS = 12;

export function AdmissionTech({ className }: StageViewProps) {
  const k = useStagePicture('admission', admissionPicture);
  const { size } = k;
  const pic = k.picture;
  const side = Math.min(240, size.width * 0.34);
  const tlX = 44;
  const tlW = Math.max(60, size.width - side - tlX - 16);
  const rowH = 34;
  const top = 2 * FS + 20;
  const x = (t: number) => (pic ? tlX + ((t - pic.from) / Math.max(1, pic.to - pic.from)) * tlW : tlX);
  const bad = pic?.verdict === 'not-linearizable';
  const head = pic ? (bad ? `checker: NOT linearizable` : `checker: ${pic.verdict}`) : '';
  return (
    <div ref={k.wrap} className={`tb-view tb-admission-tech ${className ?? ''}`} data-testid="admission-tech" style={{ background: STATUS.paper }}>
      <svg width={size.width} height={size.height} role="group" aria-label={pic ? `Client history, ${pic.ops.length} operations; ${head}${pic.offending ? `; cannot place ${pic.offending}` : ''}` : 'No register yet'}>
        {pic && <>
          <text x={8} y={FS + 4} fontSize={FS + 1} fontWeight={700} fill={bad ? STATUS.cut : STATUS.ink} data-testid="admission-verdict">
            {fit([`${head} · ${pic.mode}${pic.mode === 'available' ? `, ${pic.stamp} stamps` : ''}`, head, bad ? 'NOT linearizable' : pic.verdict, bad ? 'NOT lin.' : ''], tlW + tlX - 8, FS + 1, { bold: true })}
          </text>
          {pic.offending && <text x={8} y={2 * FS + 10} fontSize={FS} fill={STATUS.cut}>{fit([`cannot place: ${pic.offending}`, `cannot place ${pic.offending.split(' [')[0]}`, 'cannot place the outlined one'], tlW + tlX - 8, FS)}</text>}
          {pic.clients.map((c, i) => (
            <g key={c.id}>
              <text x={8} y={top + i * rowH + rowH / 2 + 4} fontSize={FS} fill={STATUS.ink}>{c.id}</text>
              <line x1={tlX} x2={tlX + tlW} y1={top + (i + 1) * rowH} y2={top + (i + 1) * rowH} stroke="#e4e0d4" aria-hidden="true" />
            </g>
          ))}
          {pic.ops.map((o) => {
            const row = pic.clients.findIndex((c) => c.id === o.client);
            const x0 = x(o.call);
            const x1 = o.ret === null ? tlX + tlW : Math.max(x0 + 4, x(o.ret));
            const y = top + row * rowH + 6;
            const colour = o.offending ? STATUS.cut : o.status === 'failed' ? STATUS.muted : o.placed ? STATUS.highlight : '#3b7d4f';
            return (
              <g key={o.id} tabIndex={0} role="img" aria-label={`${o.client} ${o.label} from ${o.call} ms${o.ret === null ? ', no answer' : ` to ${o.ret} ms`}${o.offending ? ', the operation the checker cannot place' : ''}`}>
                <rect x={x0} y={y} width={x1 - x0} height={rowH - 14} rx={3} fill={o.status === 'ok' ? colour : 'none'} fillOpacity={0.25} stroke={colour} strokeWidth={o.offending ? 3 : 1.5} strokeDasharray={o.ret === null ? '4 3' : undefined} />
                <text x={x0 + 3} y={y + rowH - 19} fontSize={SMALL} fill={STATUS.ink}>{fit([o.label, o.label.split(' ')[0]!], Math.max(x1 - x0 - 4, 40), SMALL)}</text>
              </g>
            );
          })}
          {pic.clients.length > 0 && <text x={tlX} y={top + pic.clients.length * rowH + FS + 4} fontSize={SMALL} fill={STATUS.muted}>{`${pic.from} ms`}</text>}
          {pic.clients.length > 0 && <text x={tlX + tlW} y={top + pic.clients.length * rowH + FS + 4} fontSize={SMALL} textAnchor="end" fill={STATUS.muted}>{`${pic.to} ms`}</text>}
          <g transform={`translate(${size.width - side - 4}, 4)`}>
            {pic.replicas.length > 0 && <text x={0} y={FS + 4} fontSize={FS} fontWeight={700} fill={STATUS.ink}>{fit(['versions (stamp, vector clock)', 'versions'], side, FS, { bold: true })}</text>}
            {pic.replicas.flatMap((r, i) => r.versions.map((v, j) => (
              <text key={`${r.id}-${j}`} x={0} y={2 * FS + 12 + (i * 2 + j) * (FS + 5)} fontSize={SMALL} fill={r.versions.length > 1 ? STATUS.waiting : STATUS.ink}>
                {fit([`${r.id}${r.versions.length > 1 ? ` sibling ${j + 1}` : ''}: ${v.value} @${v.stamp} ${v.vc}`, `${r.id}: ${v.value} ${v.vc}`, `${r.id}: ${v.value}`, v.value], side, SMALL)}
              </text>
            )))}
            {pic.payments.map((p, i) => (
              <text key={p.delivery} x={0} y={size.height - 12 - (pic.payments.length - 1 - i) * (FS + 5)} fontSize={SMALL} fill={p.doubled || p.missing ? STATUS.cut : STATUS.ink}>
                {fit([`${DELIVERY_WORDS[p.delivery]}: ${p.paid} paid, ${p.doubled} double, ${p.missing} missing, ${p.sends} sends`, `${p.delivery}: ${p.paid} paid, ${p.doubled} dbl, ${p.missing} miss`, `${p.delivery} ${p.paid}/${p.doubled}/${p.missing}`, `${p.paid}/${p.doubled}/${p.missing}`], side, SMALL)}
              </text>
            ))}
          </g>
        </>}
        {!pic && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No register yet: admission.start</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
