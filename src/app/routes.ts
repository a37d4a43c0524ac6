// Hash routes, so the lab works from any static host and a share link is one URL:
//   #/  ·  #/lesson/00-town-square/3  ·  #/lesson/00-town-square/3?share=…  ·  #/sandbox[?share=…]  ·  #/reference
export type Route =
  | { page: 'home' }
  /** `badStep`: the address's step when it is not a whole number from 1 (`/0`, `/abc`); `step` is then 1. */
  | { page: 'lesson'; key: string; step: number; share?: string; badStep?: string }
  | { page: 'sandbox'; share?: string }
  | { page: 'reference' }
  | { page: 'missing'; path: string };

const MAX_HASH = 64_000;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '').slice(0, MAX_HASH);
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'sandbox' && parts.length === 1) {
    const share = new URLSearchParams(query).get('share');
    return { page: 'sandbox', ...(share !== null ? { share } : {}) };
  }
  if (parts[0] === 'reference' && parts.length === 1) return { page: 'reference' };
  if (parts[0] === 'lesson' && parts[1] && parts.length <= 3) {
    const n = parts[2] === undefined ? 1 : /^\d{1,6}$/.test(parts[2]) ? Number(parts[2]) : Number.NaN;
    const ok = Number.isInteger(n) && n >= 1;
    const share = new URLSearchParams(query).get('share');
    return { page: 'lesson', key: parts[1], step: ok ? n : 1, ...(ok ? {} : { badStep: parts[2]!.slice(0, 40) }), ...(share !== null ? { share } : {}) };
  }
  return { page: 'missing', path };
}

export const lessonHref = (key: string, step = 1) => `#/lesson/${encodeURIComponent(key)}/${step}`;

export function go(hash: string, replace = false): void {
  if (replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
