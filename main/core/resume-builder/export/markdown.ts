import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * One Markdown reader for every format. `html: false` makes raw HTML in the resume text (the model's
 * or the user's) come out as text, never as markup; links keep markdown-it's own check that refuses
 * javascript: and data: addresses. The renderer adds DOMPurify on top before showing the preview.
 */
export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export const parseMarkdown = (text: string): Token[] => markdown.parse(text, {});

export const markdownToHtml = (text: string): string => markdown.render(text);

/** The resume as plain text: headings underlined by their own line, list items with a dash. */
export function markdownToText(text: string): string {
  const lines: string[] = [];
  let list = 0;
  let pendingBullet = false;
  for (const token of parseMarkdown(text)) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') list += 1;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      list -= 1;
      if (!list) lines.push('');
    } else if (token.type === 'list_item_open') pendingBullet = true;
    else if (token.type === 'inline') {
      const plain = inlineText(token);
      if (pendingBullet) {
        lines.push(`${'  '.repeat(Math.max(0, list - 1))}- ${plain}`);
        pendingBullet = false;
      } else lines.push(plain);
    } else if (token.type === 'heading_close') {
      const heading = lines.at(-1) ?? '';
      if (token.tag === 'h1' || token.tag === 'h2') lines.push((token.tag === 'h1' ? '=' : '-').repeat(Math.max(3, heading.length)));
      lines.push('');
    } else if (token.type === 'paragraph_close' && !list) lines.push('');
    else if (token.type === 'hr') lines.push('', '* * *', '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** An inline token's text without its marks (bold, italic, code, links keep their words). */
export function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : ''))
    .join('');
}
