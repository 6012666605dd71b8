// Messages between the page and the service worker, one name each, shared by both sides.

/** Page → waiting worker: take over now (the user chose "reload to update"). */
export const SKIP_WAITING = 'SKIP_WAITING';
