// Tiny inline icons (no icon font, nothing fetched). Decorative: buttons carry their own labels.
const PATHS: Record<string, string> = {
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  stepForward: 'M6 5v14l9-7zM16 5h3v14h-3z',
  stepBack: 'M18 5v14l-9-7zM5 5h3v14H5z',
  reset: 'M12 5a7 7 0 1 1-6.7 5h2.1A5 5 0 1 0 12 7v3L7.5 6 12 2z',
  link: 'M10 14a4 4 0 0 0 5.6 0l3-3a4 4 0 0 0-5.6-5.6l-1 1 1.4 1.4 1-1a2 2 0 0 1 2.8 2.8l-3 3a2 2 0 0 1-2.8 0zM14 10a4 4 0 0 0-5.6 0l-3 3a4 4 0 0 0 5.6 5.6l1-1-1.4-1.4-1 1a2 2 0 0 1-2.8-2.8l3-3a2 2 0 0 1 2.8 0z',
  keyboard: 'M3 6h18v12H3zM5 8v2h2V8zm3 0v2h2V8zm3 0v2h2V8zm3 0v2h2V8zm3 0v2h2V8zM7 14v2h10v-2z',
  back: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
};

export function Icon({ name }: { name: keyof typeof PATHS | string }) {
  const d = PATHS[name] ?? '';
  const stroke = name === 'back' || name === 'next';
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} fill={stroke ? 'none' : 'currentColor'} stroke={stroke ? 'currentColor' : 'none'} strokeWidth={stroke ? 2.5 : 0} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
