// A record as written on its line, for the mechanical quick fixes: where the owner, TTL, class, type and each
// datum sit, and the edits that fix a TTL, a relative target, a long TXT string. Pure: text in, offsets out.
import { commentStart } from './suppression';

export interface LineToken {
  text: string;
  /** Offsets in the line, end exclusive. */
  start: number;
  end: number;
}

export interface RecordFields {
  owner?: LineToken;
  ttl?: LineToken;
  cls?: LineToken;
  type: LineToken;
  rdata: LineToken[];
}

/** A replacement of `[start, end)` on one line. */
export interface LineEdit {
  start: number;
  end: number;
  text: string;
}

const TTL = /^\d[\dsmhdw]*$/i;
const CLASS = /^(IN|CH|HS|CS|NONE|ANY|CLASS\d+)$/i;
const TYPE = /^[A-Za-z][A-Za-z0-9-]*$/;

/** The line's words before its comment; a quoted string is one word (quotes included); parentheses dropped. */
export function lineTokens(line: string): LineToken[] {
  const end = commentStart(line);
  const out: LineToken[] = [];
  let i = 0;
  while (i < end) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '(' || c === ')' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === '"') {
      for (i++; i < end && line[i] !== '"'; i++) if (line[i] === '\\') i++;
      i = Math.min(i + 1, end);
    } else {
      for (; i < end && !/[\s()"]/.test(line[i] as string); i++) if (line[i] === '\\') i++;
    }
    out.push({ text: line.slice(start, i), start, end: i });
  }
  return out;
}

/** Owner (column 1), TTL and class in either order, type, data; undefined for directives, comments, blanks. */
export function recordFields(line: string): RecordFields | undefined {
  if (line.startsWith('$')) return undefined;
  const tokens = lineTokens(line);
  let k = 0;
  const fields: Partial<RecordFields> = {};
  if (line.length > 0 && !/[\s(]/.test(line[0] as string) && tokens[0]?.start === 0) fields.owner = tokens[k++];
  for (let n = 0; n < 2; n++) {
    const t = tokens[k];
    if (t && TTL.test(t.text) && !fields.ttl) fields.ttl = t;
    else if (t && CLASS.test(t.text) && !fields.cls) fields.cls = t;
    else break;
    k++;
  }
  const type = tokens[k];
  if (!type || !TYPE.test(type.text)) return undefined;
  return { ...fields, type, rdata: tokens.slice(k + 1) };
}

/** The TTL on the record's line set to `ttl` (inserted before the class or type when the line has none). */
export function ttlEdit(line: string, ttl: number): LineEdit | undefined {
  const f = recordFields(line);
  if (!f) return undefined;
  if (f.ttl) return { start: f.ttl.start, end: f.ttl.end, text: String(ttl) };
  const at = (f.cls ?? f.type).start;
  return { start: at, end: at, text: `${ttl} ` };
}

/** Which datum is the target name, per type. */
const TARGET_INDEX: Record<string, number> = { CNAME: 0, NS: 0, MX: 1, SRV: 3 };

/**
 * A relative target that ends with the zone's own name (`www.example.com` under `example.com.`, which
 * means `www.example.com.example.com.`): the user meant it absolute. The edit adds the final dot.
 */
export function absoluteTargetEdit(line: string, apex: string): LineEdit | undefined {
  const f = recordFields(line);
  if (!f) return undefined;
  const index = TARGET_INDEX[f.type.text.toUpperCase()];
  const target = index === undefined ? undefined : f.rdata[index];
  if (!target || target.text === '@' || target.text.endsWith('.')) return undefined;
  const zone = apex.toLowerCase().replace(/\.$/, '');
  if (zone === '') return undefined;
  const t = target.text.toLowerCase();
  if (t !== zone && !t.endsWith(`.${zone}`)) return undefined;
  return { start: target.end, end: target.end, text: '.' };
}

const MAX_STRING_OCTETS = 255;
const encoder = new TextEncoder();

/** A quoted string's content cut into pieces of at most 255 UTF-8 octets, never inside a character. */
export function splitOctets(content: string, max = MAX_STRING_OCTETS): string[] {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of content) {
    const n = encoder.encode(ch).length;
    if (octets + n > max && current !== '') {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}

/** Each quoted string over 255 octets on the line becomes several adjacent strings (one TXT value still). */
export function splitTxtEdits(line: string): LineEdit[] {
  const edits: LineEdit[] = [];
  for (const t of lineTokens(line)) {
    if (!t.text.startsWith('"') || !t.text.endsWith('"') || t.text.length < 2) continue;
    const content = t.text.slice(1, -1);
    // An escape's octets are not its characters; a backslash is refused by the API anyway (txt-format says so).
    if (content.includes('\\') || encoder.encode(content).length <= MAX_STRING_OCTETS) continue;
    edits.push({ start: t.start, end: t.end, text: splitOctets(content).map((p) => `"${p}"`).join(' ') });
  }
  return edits;
}

/** 0-based last line of the record starting on `start`: parentheses opened outside quotes and comments close. */
export function recordEndLine(lineAt: (line: number) => string | undefined, start: number, maxLines = 1000): number {
  let depth = 0;
  for (let l = start; l < start + maxLines; l++) {
    const text = lineAt(l);
    if (text === undefined) return l - 1;
    const end = commentStart(text);
    let quoted = false;
    for (let i = 0; i < end; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') quoted = !quoted;
      else if (!quoted && c === '(') depth++;
      else if (!quoted && c === ')') depth = Math.max(0, depth - 1);
    }
    if (depth === 0) return l;
  }
  return start;
}
