/**
 * The parts of a recorded URL where a recorder leaves credentials outside its query: the userinfo
 * of `scheme://user:password@host` (basic auth, a proxy, `https://TOKEN@github.com`) and the path
 * segments (`/bot<token>/`, `/keys/sk-…`). Works on the text as recorded, so an invalid URL still
 * splits; offsets let callers rebuild the URL with only those bytes changed.
 */
export interface UrlCredentialParts {
  /** The user name and password of the userinfo (`''` when absent), or null without an `@` before the host. */
  userinfo: { user: string; password: string } | null;
  /** The path's segments, split on `/` (the scheme, userinfo and host excluded, the query and fragment too). */
  segments: string[];
}

// The userinfo cannot hold `/`, `?`, `#` or `@`: an `@` later in the path is not one.
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i;
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** `url` without its userinfo: `https://user:pw@host/x` → `https://host/x`. */
export function withoutUserinfo(url: string): string {
  const info = USERINFO.exec(url);
  return info ? url.slice(0, url.indexOf('://') + 3) + url.slice(info[0].length) : url;
}

/** Split `url` (query and fragment already cut off or not) into its userinfo and path segments. */
export function urlCredentialParts(url: string): UrlCredentialParts {
  const end = url.search(/[?#]/);
  const head = end < 0 ? url : url.slice(0, end);
  const info = USERINFO.exec(head)?.[1];
  const colon = info === undefined ? -1 : info.indexOf(':');
  const userinfo = info === undefined ? null : { user: colon < 0 ? info : info.slice(0, colon), password: colon < 0 ? '' : info.slice(colon + 1) };
  const path = head.slice(AUTHORITY.exec(head)?.[0].length ?? 0);
  return { userinfo, segments: path === '' ? [] : path.split('/') };
}

/**
 * `head` (a URL up to its query) with its userinfo's user, its password and each path segment
 * replaced by what `user`, `password` and `segment` return for them; everything else as recorded.
 */
export function rewriteUrlHead(head: string, parts: { user: (s: string) => string; password: (s: string) => string; segment: (s: string) => string }): string {
  const authority = AUTHORITY.exec(head)?.[0] ?? '';
  const info = USERINFO.exec(authority);
  let start = authority;
  if (info) {
    const scheme = authority.slice(0, authority.indexOf('://') + 3);
    const userinfo = info[1]!;
    const colon = userinfo.indexOf(':');
    const rebuilt = colon < 0 ? parts.user(userinfo) : `${parts.user(userinfo.slice(0, colon))}:${parts.password(userinfo.slice(colon + 1))}`;
    start = scheme + rebuilt + authority.slice(info[0].length - 1);
  }
  const path = head.slice(authority.length);
  return start + (path === '' ? '' : path.split('/').map(parts.segment).join('/'));
}
