export interface Truncated {
  text: string;
  truncated: boolean;
}

const MARK = ' […]';

/**
 * Cuts text to at most `max` characters at the nicest boundary in the last 40%: a paragraph, then a
 * sentence, then a word, so the model never reads half a word and knows the text went on.
 */
export function truncateText(text: string, max: number): Truncated {
  if (text.length <= max) return { text, truncated: false };
  if (max <= MARK.length) return { text: text.slice(0, Math.max(0, max)), truncated: true };
  const room = max - MARK.length;
  const head = text.slice(0, room);
  const floor = Math.floor(room * 0.6);
  const boundaries = [
    head.lastIndexOf('\n'),
    Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? ')) + 1,
    head.lastIndexOf(' '),
  ];
  const cut = boundaries.find((at) => at >= floor) ?? room;
  return { text: head.slice(0, cut).trimEnd() + MARK, truncated: true };
}
