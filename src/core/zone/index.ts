// Facade: indexZoneFile(path, { origin, root }) -> records(), lookup(), diagnostics. Never throws for file content.
import * as fs from 'fs';
import * as path from 'path';
import { normalizeName } from './names';
import { ZoneParser, type IncludeLimits } from './parser';
import { CompactIndex, RecordStore, type CompactZoneIndex, type ZoneIndex } from './store';

export interface IndexZoneOptions {
  /** The zone name used until the file sets $ORIGIN (any case, trailing dot optional). */
  origin: string;
  /** Folder that bounds $INCLUDE; symbolic links are resolved before checking. */
  root: string;
  /** Text to index instead of the file on disk (an editor's unsaved text). */
  text?: string;
  /** Lower include bounds than DEFAULT_INCLUDE_LIMITS (tests). */
  limits?: Partial<IncludeLimits>;
  /** Texts to read instead of files that $INCLUDE reaches (editors' unsaved texts), by absolute path. */
  includedTexts?: Readonly<Record<string, string>>;
}

/** Parses a zone file (and its includes) into the compact form; the worker posts this. */
export async function indexZoneFileCompact(file: string, options: IndexZoneOptions): Promise<CompactZoneIndex> {
  const absolute = path.resolve(file);
  const origin = normalizeName(options.origin || '.');
  let buf: Buffer;
  try {
    buf = options.text !== undefined ? Buffer.from(options.text, 'utf8') : await fs.promises.readFile(absolute);
  } catch (err) {
    const store = new RecordStore();
    store.addFile(absolute);
    store.diagnose(absolute, 1, 'zoneUnreadable', (err as NodeJS.ErrnoException).code ?? String(err));
    return store.compact(origin);
  }
  const store = new RecordStore(buf.length);
  let realRoot: string;
  try {
    realRoot = await fs.promises.realpath(options.root);
  } catch {
    realRoot = path.resolve(options.root);
  }
  const texts = options.includedTexts ? await textsByRealPath(options.includedTexts) : undefined;
  const parser = new ZoneParser(store, { realRoot, ...(options.limits ? { limits: options.limits } : {}), ...(texts ? { texts } : {}) });
  parser.parseFile(absolute, buf, { origin, originBytes: Buffer.from(origin, 'latin1'), owner: -1 });
  return store.compact(origin);
}

/** The parser finds included files by their real path (symbolic links resolved). */
async function textsByRealPath(texts: Readonly<Record<string, string>>): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [file, text] of Object.entries(texts)) {
    const absolute = path.resolve(file);
    const real = await fs.promises.realpath(absolute).catch(() => absolute);
    out.set(real, Buffer.from(text, 'utf8'));
  }
  return out;
}

export async function indexZoneFile(file: string, options: IndexZoneOptions): Promise<ZoneIndex> {
  return new CompactIndex(await indexZoneFileCompact(file, options));
}

export { CompactIndex };
export type { ZoneIndex, ZoneRecord, ZoneRecordDetails, ZoneDiagnostic, CompactZoneIndex } from './store';
export { normalizeName } from './names';
export { ZONE_MESSAGES } from './messages';
export type { ZoneMessageId } from './messages';
export { outlineOf, OUTLINE_LIMITS } from './outline';
export type { Outline, OutlineOwner } from './outline';
