// What may ship in the VSIX, and a reader of the VSIX's (zip) central directory so the check looks at the
// real artifact rather than at what vsce thinks it would pack.
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');

/** vsce's own files at the root of the package. */
const VSCE_FILES = new Set(['extension.vsixmanifest', '[Content_Types].xml']);

/** Paths allowed under extension/ (vsce lower-cases readme/changelog and may add .txt to LICENSE). */
const ALLOWED = [
  /^dist\/[^/]+\.js$/,
  /^media\/.+/,
  /^syntaxes\/[^/]+\.json$/,
  /^package\.json$/,
  /^package\.nls(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/i,
  /^l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/i,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^license(\.txt|\.md)?$/i,
];

/**
 * Checks a list of zip entry names. Returns [{ name, ok, offenders }], one per rule, so the caller can
 * count and print them.
 */
function checkVsixEntries(entries) {
  const files = entries.filter((e) => !e.endsWith('/'));
  const inner = files.filter((e) => !VSCE_FILES.has(e));
  const rel = (e) => e.replace(/^extension\//, '');
  const rule = (name, offenders) => ({ name, ok: offenders.length === 0, offenders });
  return [
    rule('everything is under extension/ or is vsce metadata', inner.filter((e) => !e.startsWith('extension/'))),
    rule('only dist/*.js, media/, syntaxes/*.json, package.json, package.nls*.json, l10n/, README, CHANGELOG, LICENSE', inner.filter((e) => !ALLOWED.some((re) => re.test(rel(e))))),
    rule('no source maps', files.filter((e) => /\.map$/i.test(e))),
    rule('no tests', files.filter((e) => /(^|\/)(test|tests|__tests__|out)\//.test(rel(e)) || /\.test\.[jt]s$/.test(e))),
    rule('no node_modules', files.filter((e) => /(^|\/)node_modules\//.test(e))),
    rule('no TypeScript sources or configs', files.filter((e) => /(^|\/)src\//.test(rel(e)) || /\.tsx?$/.test(e) || /tsconfig|\.eslintrc|eslint\.config/.test(e))),
    rule('has dist/entry.js, dist/extension.js and package.json', ['extension/dist/entry.js', 'extension/dist/extension.js', 'extension/package.json'].filter((e) => !files.includes(e))),
  ];
}

/** Entry names of a zip file, read from its central directory. */
function listZip(file) {
  return zipEntries(file).entries.map((e) => e.name);
}

/** Central-directory records: { name, method, compressedSize, size, localOffset }. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const out = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const nameLen = buf.readUInt16LE(p + 28);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { buf, entries: out };
}

/** The content of one entry (stored or deflated). */
function readEntry(file, name) {
  const { buf, entries } = zipEntries(file);
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`${name} not in ${file}`);
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${name}: unsupported compression method ${e.method}`);
}

/** Bundles that still point at a source map (a development build packaged by mistake). */
function bundlesLinkingMaps(file) {
  return listZip(file)
    .filter((n) => /^extension\/dist\/.+\.js$/.test(n))
    .filter((n) => /\/[/*][#@] sourceMappingURL=/.test(readEntry(file, n).toString('utf8').slice(-2000)));
}

module.exports = { checkVsixEntries, listZip, zipEntries, readEntry, bundlesLinkingMaps, ALLOWED, VSCE_FILES };
