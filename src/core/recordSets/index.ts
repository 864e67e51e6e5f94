// Record sets: the API's form of a zone file's sets, the live zone's, their comparison form and their diff.
export type { RetryRecordSet, LiveRecordSet } from './types';
export { apiRecordValue, normalizeRecordValue, canonicalIpv6, absoluteName, ownerKey, recordSetKey, tokenizeRdata } from './values';
export { recordSetsOfZone, readsWholeZone, isSystemSet } from './build';
export type { IndexWithDetails, RecordSetsOptions } from './build';
export { renderZoneText } from './render';
export type { RenderedSet } from './render';
export { diffZone, differingFields, isActiveStatus, isSystemLiveSet } from './diff';
export type { ZoneDiff, DiffOptions, DiffField } from './diff';
