import { useLayoutEffect, useState, type RefObject } from 'react';

/** Where the list starts on the page: what is above it (the head, chips, a banner) can change height. */
export function useScrollMargin(body: RefObject<HTMLElement | null>): number {
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const update = () => setScrollMargin(Math.round(element.getBoundingClientRect().top + window.scrollY));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [body]);
  return scrollMargin;
}
