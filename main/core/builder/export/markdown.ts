import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * One Markdown reader for every format. `html: false` makes raw HTML in the resume text (the model's
 * or the user's) come out as text, never as markup; links keep markdown-it's own check that refuses
 * javascript: and data: addresses. The renderer adds DOMPurify on top before showing the preview.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export const parseMarkdown = (text: string): Token[] => markdown.parse(text, {});

export const markdownToHtml = (text: string): string => markdown.render(text);

/**
 * Which list an item belongs to, for the formats that draw lists themselves: a dash for a bulleted
 * one, the item's number for a numbered one (counting from its `start`).
 */
export class ListMarkers {
  readonly #lists: { ordered: boolean; n: number }[] = [];

  get depth(): number {
    return this.#lists.length;
  }

  /** Follows list tokens; returns the marker for a list item's opening token, undefined for anything else. */
  see(token: Token): string | undefined {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      this.#lists.push({ ordered: token.type === 'ordered_list_open', n: Number(token.attrGet('start') ?? 1) - 1 });
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') this.#lists.pop();
    else if (token.type === 'list_item_open') {
      const list = this.#lists.at(-1);
      if (!list) return undefined;
      list.n += 1;
      return list.ordered ? `${list.n}.` : '-';
    }
    return undefined;
  }
}

/** The resume as plain text: headings underlined by their own line, list items with a dash or their number. */
export function markdownToText(text: string): string {
  const lines: string[] = [];
  const lists = new ListMarkers();
  let marker: string | undefined;
  for (const token of parseMarkdown(text)) {
    const seen = lists.see(token);
    if (seen) marker = seen;
    else if ((token.type === 'bullet_list_close' || token.type === 'ordered_list_close') && !lists.depth) lines.push('');
    else if (token.type === 'inline') {
      const plain = inlineText(token);
      if (marker) {
        lines.push(`${'  '.repeat(Math.max(0, lists.depth - 1))}${marker} ${plain}`);
        marker = undefined;
      } else lines.push(plain);
    } else if (token.type === 'heading_close') {
      const heading = lines.at(-1) ?? '';
      if (token.tag === 'h1' || token.tag === 'h2') lines.push((token.tag === 'h1' ? '=' : '-').repeat(Math.max(3, heading.length)));
      lines.push('');
    } else if (token.type === 'paragraph_close' && !lists.depth) lines.push('');
    else if (token.type === 'hr') lines.push('', '* * *', '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** An inline token's text without its marks (bold, italic, code, links keep their words). */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) =>
      child.type === 'text' || child.type === 'code_inline'
        ? child.content
        : child.type === 'softbreak' || child.type === 'hardbreak'
          ? '\n'
          : '',
    )
    .join('');
}
