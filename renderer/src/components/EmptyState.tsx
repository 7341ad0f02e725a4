import type { ReactNode } from 'react';

export function EmptyState({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <section className="empty" aria-label={title}>
      <div className="empty__art" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{text}</p>
      {children}
    </section>
  );
}
