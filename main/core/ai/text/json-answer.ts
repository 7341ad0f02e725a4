/** Removes a ``` fence around the whole text or around its first fenced block. */
export function stripCodeFences(text: string): string {
  const whole = text.trim().match(/^```[\w-]*[ \t]*\n?([\s\S]*?)\n?```$/);
  if (whole) return whole[1]!.trim();
  return text.replace(/^[ \t]*```[\w-]*[ \t]*$/gm, '').trim();
}

/**
 * The first JSON object in a model's answer. Models wrap JSON in prose or fences despite being asked
 * not to, so this scans for balanced braces (ignoring braces inside strings) and tries each candidate.
 */
export function extractJsonObject(text: string): Record<string, unknown> | undefined {
  const source = stripCodeFences(text);
  for (let start = source.indexOf('{'); start !== -1; start = source.indexOf('{', start + 1)) {
    const end = matchingBrace(source, start);
    if (end === -1) continue;
    const value = parseLoosely(source.slice(start, end + 1));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  }
  return undefined;
}

// Models put raw line breaks and tabs inside JSON strings; outside strings they are whitespace
// anyway, so turning them all into spaces keeps the meaning.
function parseLoosely(candidate: string): unknown {
  for (const text of [candidate, candidate.replace(/[\r\n\t]+/g, ' ')]) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all (a brace in prose): the caller tries the next candidate.
    }
  }
  return undefined;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
