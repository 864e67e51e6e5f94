// Page arithmetic for server-side paging (error_item_limit / error_item_offset). Pure and unit-tested.

export interface PageInfo {
  /** 0-based page index. */
  index: number;
  /** Number of pages (at least 1, so "page 1 of 1" for an empty task). */
  count: number;
  /** 1-based first and last item on the page, 0 when empty. */
  first: number;
  last: number;
}

export function pageInfo(offset: number, pageSize: number, total: number): PageInfo {
  const count = Math.max(1, Math.ceil(total / pageSize));
  const index = Math.min(Math.floor(offset / pageSize), count - 1);
  const first = total === 0 ? 0 : Math.min(offset + 1, total);
  const last = Math.min(offset + pageSize, total);
  return { index, count, first, last };
}

/** Offset of a 0-based page index, clamped to the existing pages. */
export function offsetOfPage(index: number, pageSize: number, total: number): number {
  const count = Math.max(1, Math.ceil(total / pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(index)), count - 1);
  return clamped * pageSize;
}

/** When the page size changes, keep the first visible item on screen: the page that contains it. */
export function realignOffset(offset: number, newPageSize: number): number {
  return Math.floor(offset / newPageSize) * newPageSize;
}
