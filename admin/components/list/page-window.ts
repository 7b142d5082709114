/**
 * Which page numbers the list's pagination offers: at most ten around the current page,
 * as AdminJS's own pagination (jw-paginate's defaults) does.
 */
const MAX_PAGES = 10;

export interface PageWindow {
  totalPages: number;
  pages: number[];
}

export function pageWindow(total: number, page: number, perPage: number): PageWindow {
  const totalPages = Math.max(1, Math.ceil(total / Math.max(1, perPage)));
  const current = Math.min(Math.max(1, page), totalPages);
  let first = 1;
  let last = totalPages;
  if (totalPages > MAX_PAGES) {
    const before = Math.floor(MAX_PAGES / 2);
    const after = Math.ceil(MAX_PAGES / 2) - 1;
    if (current <= before) last = MAX_PAGES;
    else if (current + after >= totalPages) first = totalPages - MAX_PAGES + 1;
    else {
      first = current - before;
      last = current + after;
    }
  }
  return { totalPages, pages: Array.from({ length: last - first + 1 }, (_, i) => first + i) };
}
