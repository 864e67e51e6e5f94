// The same index behind a plain object, so lintZone cannot read the compact form in place and takes the
// generic path through records()/details(): tests compare both paths on every case.
import type { LintableIndex } from '../../../src/core/lint/index';

export function plainIndex(index: LintableIndex): LintableIndex {
  return {
    records: () => index.records(),
    details: (r) => index.details(r),
    apex: index.apex,
    diagnostics: index.diagnostics,
    size: index.size,
    files: index.files,
  };
}
