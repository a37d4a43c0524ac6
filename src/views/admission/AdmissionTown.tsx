// The town picture of chapter 14: the register's keepers (replicas) in a row, each with the value it holds
// (siblings side by side) and its watch, which may disagree with the others'; the townspeople (clients) below,
// each under the keeper it asks; the payment counters' effects when payments run.
import type { KeyboardEvent, MouseEvent } from 'react';
import type { StageViewProps } from '../stages.ts';
import { nodeStyle, STATUS } from '../shared/palette.ts';
import { fit, SMALL } from './words.ts';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { admissionPicture, DELIVERY_WORDS, watchWords, type AdmissionPicture } from './model.ts';
import '../shared/views.css';

const FS = 13;

function Payments({ pic, x, y, w }: { pic: AdmissionPicture; x: number; y: number; w: number }) {
  return (
    <g>
      {pic.payments.map((p, i) => (
        <text key={p.delivery} x={x} y={y + i * (FS + 6)} fontSize={FS} fill={STATUS.ink}>
          {fit([`${DELIVERY_WORDS[p.delivery]}: ${p.paid} of ${p.asked} paid, ${p.doubled} double, ${p.missing} missing`,
            `${p.delivery}: ${p.paid}/${p.asked} paid, ${p.doubled} double, ${p.missing} missing`, `${p.delivery}: ${p.paid}/${p.asked}, ${p.doubled} dbl`, `${p.delivery} ${p.paid}/${p.asked}`], w, FS)}
        </text>
      ))}
    </g>
  );
}

export function AdmissionTown({ className }: StageViewProps) {
  const k = useStagePicture('admission', admissionPicture);
  const { size } = k;
  const pic = k.picture;
  const n = pic?.replicas.length ?? 0;
  const col = n ? size.width / n : size.width;
  const houseY = 24;
  const clientY = Math.min(size.height * 0.55, 190);
  // A node's menu: right click, or Shift+F10 / the menu key from the keyboard.
  const menuHandlers = (id: string) => ({
    onContextMenu: (e: MouseEvent) => { e.preventDefault(); k.nodeMenu(id)(e.clientX, e.clientY); },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'ContextMenu' && !(e.shiftKey && e.key === 'F10')) return;
      e.preventDefault();
      const b = (e.currentTarget as SVGGElement).getBoundingClientRect();
      k.nodeMenu(id)(b.left, b.bottom);
    },
  });
  return (
    <div ref={k.wrap} className={`tb-view tb-admission ${className ?? ''}`} data-testid="admission-town" style={{ background: '#f4f1e8' }}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={pic ? `Register keepers: ${pic.replicas.map((r) => `${r.id} holds ${r.value}, watch ${watchWords(r)}`).join('; ')}` : 'No register yet'}>
        {pic?.replicas.map((r, i) => {
          const cx = col * (i + 0.5);
          const w = Math.min(col - 12, 150);
          return (
            <g key={r.id} data-node={r.id} tabIndex={0} role="button" aria-label={`keeper ${r.id}: holds ${r.value}; watch ${watchWords(r)}`} {...menuHandlers(r.id)}>
              <rect x={cx - w / 2} y={houseY} width={w} height={78} rx={6} fill={STATUS.paper} stroke={k.isSelectedNode(r.id) ? STATUS.selected : nodeStyle(i).colour} strokeWidth={k.isSelectedNode(r.id) ? 3 : 2} strokeDasharray={r.up ? undefined : '5 4'} />
              <text x={cx} y={houseY + FS + 4} textAnchor="middle" fontSize={FS} fontWeight={700} fill={STATUS.ink}>{fit([`keeper ${r.id}`, r.id], w - 8, FS, { bold: true })}</text>
              <text x={cx} y={houseY + 2 * FS + 12} textAnchor="middle" fontSize={FS + 2} fontWeight={700} fill={r.versions.length > 1 ? STATUS.waiting : STATUS.ink}>
                {fit([`x = ${r.value}`, r.value], w - 8, FS + 2, { bold: true })}
              </text>
              <circle cx={cx - w / 2 + 14} cy={houseY + 62} r={8} fill="#fff" stroke={STATUS.ink} aria-hidden="true" />
              <line x1={cx - w / 2 + 14} y1={houseY + 62} x2={cx - w / 2 + 14 + 6 * Math.sin(r.offset / 300)} y2={houseY + 62 - 6 * Math.cos(r.offset / 300)} stroke={r.offset ? STATUS.cut : STATUS.ink} strokeWidth={1.5} aria-hidden="true" />
              <text x={cx - w / 2 + 26} y={houseY + 66} fontSize={SMALL} fill={r.offset ? STATUS.cut : STATUS.muted}>{fit([watchWords(r), r.offset ? `${r.offset} ms` : 'on time'], w - 30, SMALL)}</text>
            </g>
          );
        })}
        {pic?.clients.map((c) => {
          const i = pic.replicas.findIndex((r) => r.id === c.replica);
          const same = pic.clients.filter((x) => x.replica === c.replica);
          const cx = col * (i + 0.5) + (same.indexOf(c) - (same.length - 1) / 2) * 44;
          const last = [...pic.ops].reverse().find((o) => o.client === c.id);
          return (
            <g key={c.id} data-node={c.id} tabIndex={0} role="button" aria-label={`townsperson ${c.id}, asks ${c.replica}${last ? `; last: ${last.label}` : ''}`} {...menuHandlers(c.id)}>
              <line x1={cx} y1={houseY + 78} x2={cx} y2={clientY - 14} stroke={STATUS.muted} strokeDasharray="3 3" aria-hidden="true" />
              <circle cx={cx} cy={clientY} r={12} fill={STATUS.paper} stroke={k.isSelectedNode(c.id) ? STATUS.selected : STATUS.ink} strokeWidth={k.isSelectedNode(c.id) ? 3 : 1.5} />
              <text x={cx} y={clientY + 4} textAnchor="middle" fontSize={SMALL} fill={STATUS.ink}>{c.id}</text>
              {last && <text x={cx} y={clientY + 28} textAnchor="middle" fontSize={SMALL} fill={last.offending ? STATUS.cut : STATUS.ink}>{last.label}</text>}
            </g>
          );
        })}
        {pic && pic.lost > 0 && <text x={8} y={clientY + 52} fontSize={FS} fontWeight={700} fill={STATUS.cut}>{fit([`${pic.lost} write${pic.lost > 1 ? 's' : ''} told "done" and then lost to an older-looking stamp`, `${pic.lost} write(s) silently lost`], size.width - 16, FS, { bold: true })}</text>}
        {pic && pic.payments.length > 0 && <Payments pic={pic} x={8} y={Math.min(size.height - 3 * (FS + 6), clientY + 76)} w={size.width - 16} />}
        {!pic && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No register yet: admission.start</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
