import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Raw HTML off: what the model or the user typed as <tags> shows as text. DOMPurify then keeps only
// text formatting, in case markdown-it ever lets something through.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const ALLOWED_TAGS = ['h1', 'h2', 'h3', 'h4', 'p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'blockquote', 'hr', 'a'];

export function resumeHtml(text: string): string {
  return DOMPurify.sanitize(markdown.render(text), { ALLOWED_TAGS, ALLOWED_ATTR: ['href'], ALLOWED_URI_REGEXP: /^https?:\/\//i });
}
