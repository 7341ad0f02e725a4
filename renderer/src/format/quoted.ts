/**
 * A title in «ёлочки» for a Russian sentence, without doubling the quotes it already has:
 * «Группа компаний «Северный ветер»» reads as «Группа компаний „Северный ветер“», and a title
 * already wrapped whole in «» or "" is taken as it is.
 */
export function quoted(title: string): string {
  const text = title.trim();
  if (/^«[^«»]*»$/.test(text)) return text;
  const plain = text.replace(/^"([^"]*)"$/, '$1');
  const inner = plain.replace(/«([^«»]*)»/g, '„$1“').replace(/"([^"]*)"/g, '„$1“');
  return `«${inner}»`;
}
