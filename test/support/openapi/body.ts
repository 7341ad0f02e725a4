/**
 * Request bodies as hh.ru reads them: application/x-www-form-urlencoded, multipart/form-data and
 * application/json. Used by the spec validator and by the fake hh.ru server, so both read a body the
 * same way.
 */

export interface FilePart {
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

export interface ParsedBody {
  /** The Content-Type without parameters, lower case; undefined when the header is missing. */
  mediaType: string | undefined;
  /** Form fields (urlencoded or multipart), in the order sent; repeated names keep every value. */
  fields: Map<string, string[]>;
  files: Map<string, FilePart[]>;
  /** The parsed JSON for application/json. */
  json?: unknown;
  /** Why the body could not be read as its media type says. */
  error?: string;
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

function parameterOf(contentType: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

function add<T>(map: Map<string, T[]>, name: string, value: T) {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}

export function parseBody(contentType: string | undefined, body: Buffer): ParsedBody {
  const mediaType = mediaTypeOf(contentType);
  const parsed: ParsedBody = { mediaType, fields: new Map(), files: new Map() };
  if (body.length === 0) return parsed;
  switch (mediaType) {
    case 'application/x-www-form-urlencoded': {
      const text = body.toString('utf8');
      if (/%(?![0-9a-f]{2})/i.test(text)) parsed.error = 'the urlencoded body has a broken %-escape';
      for (const [name, value] of new URLSearchParams(text)) add(parsed.fields, name, value);
      break;
    }
    case 'multipart/form-data':
      parseMultipart(contentType ?? '', body, parsed);
      break;
    case 'application/json':
      try {
        parsed.json = JSON.parse(body.toString('utf8'));
      } catch (error) {
        parsed.error = `the body is not valid JSON (${(error as Error).message})`;
      }
      break;
    default:
      break;
  }
  return parsed;
}

/** RFC 7578: parts between `--boundary` lines, each with a Content-Disposition: form-data; name="...". */
function parseMultipart(contentType: string, body: Buffer, parsed: ParsedBody): void {
  const boundary = parameterOf(contentType, 'boundary');
  if (!boundary) {
    parsed.error = 'multipart/form-data without a boundary parameter in Content-Type';
    return;
  }
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  if (position < 0) {
    parsed.error = `the multipart body does not contain its boundary --${boundary}`;
    return;
  }
  for (;;) {
    position += delimiter.length;
    const after = body.subarray(position, position + 2).toString('latin1');
    if (after === '--') return; // the closing delimiter
    if (after !== '\r\n') {
      parsed.error = 'a multipart boundary line is not followed by CRLF';
      return;
    }
    const start = position + 2;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
    if (next < 0) {
      parsed.error = `the multipart body has no closing boundary --${boundary}--`;
      return;
    }
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) {
      parsed.error = 'a multipart part has no blank line after its headers';
      return;
    }
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers);
    const name = disposition ? /;\s*name="([^"]*)"/i.exec(disposition[1]!)?.[1] : undefined;
    if (name === undefined) {
      parsed.error = 'a multipart part has no Content-Disposition: form-data; name="..."';
      return;
    }
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition![1]!)?.[1];
    if (filename !== undefined) {
      add(parsed.files, name, { filename, contentType: /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim(), data: Buffer.from(data) });
    } else {
      add(parsed.fields, name, data.toString('utf8'));
    }
    position = next + 2;
  }
}

/** The first value of a form field. */
export function field(body: ParsedBody, name: string): string | undefined {
  return body.fields.get(name)?.[0];
}
