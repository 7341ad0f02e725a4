import type { ReactElement } from 'react';

/**
 * One drawing per empty screen, so an empty list says at a glance which list it is. Drawn with the
 * theme's colours (light and dark) and hidden from screen readers: the heading says it all.
 */
export type EmptyArtKind = 'dashboard' | 'searches' | 'vacancies' | 'letters' | 'chats' | 'builder';

const paper = { fill: 'var(--panel)', stroke: 'var(--line)', strokeWidth: 2 } as const;
const ink = { stroke: 'var(--muted)', strokeWidth: 3, strokeLinecap: 'round', fill: 'none' } as const;
const accent = { stroke: 'var(--accent)', strokeWidth: 4, strokeLinecap: 'round', fill: 'none' } as const;

const drawings: Record<EmptyArtKind, ReactElement> = {
  // Bars that rise, with a flag at the start: the funnel begins once something runs.
  dashboard: (
    <>
      <rect x="10" y="62" width="14" height="20" rx="3" fill="var(--chart-1)" />
      <rect x="32" y="50" width="14" height="32" rx="3" fill="var(--chart-2)" />
      <rect x="54" y="36" width="14" height="46" rx="3" fill="var(--chart-3)" />
      <rect x="76" y="22" width="14" height="60" rx="3" fill="var(--chart-4)" />
      <path d="M8 86h86" {...ink} />
      <path d="M14 56V30" {...accent} strokeWidth={3} />
      <path d="M14 30l14 5-14 5z" fill="var(--accent)" />
    </>
  ),
  // A magnifier over result lines: nothing is searched for yet.
  searches: (
    <>
      <rect x="8" y="12" width="58" height="70" rx="8" {...paper} />
      <path d="M20 30h34M20 44h26M20 58h30" {...ink} />
      <circle cx="64" cy="56" r="16" {...accent} fill="var(--panel)" />
      <path d="M76 68l12 12" {...accent} strokeWidth={6} />
    </>
  ),
  // A briefcase with cards stacked behind it.
  vacancies: (
    <>
      <rect x="22" y="8" width="56" height="40" rx="6" {...paper} />
      <rect x="14" y="16" width="56" height="40" rx="6" {...paper} />
      <rect x="10" y="38" width="76" height="46" rx="8" fill="var(--accent)" />
      <path d="M36 38v-8a4 4 0 0 1 4-4h16a4 4 0 0 1 4 4v8" stroke="var(--accent)" strokeWidth={4} fill="none" />
      <path d="M10 58h76" stroke="var(--panel)" strokeWidth={3} />
      <rect x="42" y="53" width="12" height="10" rx="2" fill="var(--panel)" />
    </>
  ),
  // An envelope with a pen: a letter waits to be written.
  letters: (
    <>
      <rect x="6" y="26" width="70" height="50" rx="6" {...paper} />
      <path d="M8 30l33 24 33-24" {...ink} />
      <path d="M60 70l26-26 6 6-26 26-9 3z" fill="var(--accent)" />
      <path d="M80 50l6 6" stroke="var(--panel)" strokeWidth={2} />
    </>
  ),
  // A resume sheet with a photo and lines, and a question bubble: the interview writes it.
  builder: (
    <>
      <rect x="14" y="8" width="54" height="74" rx="6" {...paper} />
      <circle cx="30" cy="26" r="7" fill="var(--chart-2)" />
      <path d="M42 22h16M42 30h12M22 46h38M22 56h30M22 66h34" {...ink} />
      <path d="M62 52a8 8 0 0 1 8-8h16a8 8 0 0 1 8 8v12a8 8 0 0 1-8 8h-4l-8 8v-8h-4a8 8 0 0 1-8-8z" fill="var(--accent)" />
      <path d="M74 54a4 4 0 1 1 4 4v3" stroke="var(--accent-ink)" strokeWidth={3} strokeLinecap="round" fill="none" />
    </>
  ),
  // Two speech bubbles: the employer's and yours.
  chats: (
    <>
      <path d="M8 18a8 8 0 0 1 8-8h40a8 8 0 0 1 8 8v24a8 8 0 0 1-8 8H28l-12 10v-10a8 8 0 0 1-8-8z" {...paper} />
      <path d="M20 26h32M20 36h20" {...ink} />
      <path d="M36 50a8 8 0 0 1 8-8h36a8 8 0 0 1 8 8v20a8 8 0 0 1-8 8v10l-12-10H44a8 8 0 0 1-8-8z" fill="var(--accent)" />
      <path d="M48 56h28M48 65h16" stroke="var(--accent-ink)" strokeWidth={3} strokeLinecap="round" />
    </>
  ),
};

export function EmptyArt({ kind }: { kind: EmptyArtKind }) {
  return (
    <svg className="empty__art" data-art={kind} viewBox="0 0 96 96" width="96" height="96" aria-hidden="true" focusable="false">
      {drawings[kind]}
    </svg>
  );
}
