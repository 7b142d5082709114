/**
 * The address of a center's printable poster: served by admin/poster/poster-routes.ts, shown
 * by CenterPoster.tsx (one place for both, and inside admin/components so the bundle sees it).
 */
export const CENTER_POSTER_ROUTE = '/admin/centers/:id/poster';

export function centerPosterUrl(centerId: string): string {
  return CENTER_POSTER_ROUTE.replace(':id', encodeURIComponent(centerId));
}
