// The retry plan has two paths: in place over the index's compact form, and through the ZoneIndex interface
// alone. Tests that compare them wrap an index in this view, which hides the compact form.
import type { ZoneIndex } from '../../../src/core/zone/index';

/** The index without its compact form: lint and the plan then take the general path. */
export function interfaceOnly(index: ZoneIndex): ZoneIndex {
  return {
    records: (file) => index.records(file),
    lookup: (name) => index.lookup(name),
    details: (record) => index.details(record),
    get apex() {
      return index.apex;
    },
    diagnostics: index.diagnostics,
    size: index.size,
    origin: index.origin,
    files: index.files,
  };
}
