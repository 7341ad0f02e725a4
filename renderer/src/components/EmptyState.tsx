import type { ReactNode } from 'react';
import { EmptyArt, type EmptyArtKind } from './EmptyArt';

/** An empty screen: which list it is (the drawing), why it is empty, and the step that fills it. */
export function EmptyState({ art, title, text, children }: { art: EmptyArtKind; title: string; text: string; children?: ReactNode }) {
  return (
    <section className="empty" aria-label={title}>
      <EmptyArt kind={art} />
      <h2>{title}</h2>
      <p>{text}</p>
      {children}
    </section>
  );
}
