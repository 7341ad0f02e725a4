import DOMPurify from 'dompurify';

/**
 * hh.ru sends a vacancy's description as HTML written by the employer. Only text formatting is
 * kept (an allowlist: no scripts, frames, forms, images, styles or event handlers); other tags go
 * and their text stays. Links keep an http(s) address only and open outside the app (target _blank:
 * the desktop shell's window-open handler sends hh.ru links to the browser and refuses the rest).
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'blockquote',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'span',
  'div',
  'hr',
  'sub',
  'sup',
];

// An instance of its own: the link hook below must not reach any other use of DOMPurify.
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!/^https?:\/\//i.test(href)) {
    node.removeAttribute('href');
    return;
  }
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

export function sanitizeVacancyHtml(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
  });
}
