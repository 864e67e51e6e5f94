// Where each record set of a zone file sits: the start line of every record, per (name, type) key. Pure.
import { recordSetKey, type ZoneRecord } from '../core';

export interface RecordLocation {
  /** Absolute path of the file holding the record (an included file for included records). */
  file: string;
  /** 1-based start line. */
  line: number;
}

/** Every record's location per set key, in file order; SOA and apex NS included (callers skip what they must). */
export function locationsBySet(records: Iterable<ZoneRecord>): Map<string, RecordLocation[]> {
  const out = new Map<string, RecordLocation[]>();
  for (const r of records) {
    const key = recordSetKey(r.name, r.type);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push({ file: r.file, line: r.line });
  }
  return out;
}

export type LineState = 'inSync' | 'differs' | 'missingLive';

export interface LineMark {
  /** 1-based. */
  line: number;
  state: LineState;
  /** Hover text: Markdown of our own words whose untrusted parts the caller made code spans (markdownCode). */
  hover: string;
}
