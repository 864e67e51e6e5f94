// The zone a file is for, when the file itself does not say: $ORIGIN, else an absolute SOA owner, else the
// file name (example.com.zone, db.example.com, example.com.zone.signed, 2.0.192.in-addr.arpa). Pure.

const SUFFIXES = ['.signed', '.zone', '.db', '.txt'];

export function originFromFileName(fileName: string): string {
  let base = fileName.replace(/^.*[\\/]/, '');
  for (let again = true; again; ) {
    again = false;
    for (const s of SUFFIXES) {
      if (base.toLowerCase().endsWith(s) && base.length > s.length) {
        base = base.slice(0, -s.length);
        again = true;
      }
    }
  }
  if (/^db\./i.test(base) && base.length > 3) base = base.slice(3);
  base = base.replace(/\.+$/, '');
  return base === '' ? '.' : base.toLowerCase() + '.';
}

/** Looks at the start of the text for `$ORIGIN` or an SOA with an absolute owner (before any other record). */
export function guessOrigin(head: string, fileName: string): string {
  for (const line of head.split(/\r?\n/, 400)) {
    const m = /^\$ORIGIN\s+(\S+)/i.exec(line);
    if (m?.[1] && m[1] !== '@') return m[1].endsWith('.') ? m[1].toLowerCase() : originFromFileName(fileName);
    const soa = /^(\S+)\s.*\bSOA\b/i.exec(line);
    if (soa?.[1] && soa[1].endsWith('.')) return soa[1].toLowerCase();
  }
  return originFromFileName(fileName);
}
