/**
 * How lint judges a cookie by its name: infrastructure cookies set by load balancers, CDNs, bot
 * management, WAFs and analytics are not credentials (they land in almost every recorded response);
 * cookies whose names say session or token are; anything else is unknown.
 *
 * The list is matched case-insensitively; an entry ending in `*` is a prefix. Sources: the vendors'
 * cookie documentation (Cloudflare "Cloudflare Cookies", AWS ELB sticky sessions, Akamai Bot Manager,
 * Imperva, Azure App Service ARR affinity, F5 BIG-IP persistence, Google Analytics) and the cookies
 * seen in real cassettes (Wikimedia `WMF-Uniq`, Huawei Cloud WAF `HWWAFSESID`).
 */
export const INFRASTRUCTURE_COOKIES: readonly string[] = [
  // Cloudflare: bot management, visitor id, challenge clearance, load balancer, waiting room, challenges.
  '__cf_bm', '_cfuvid', 'cf_clearance', '__cflb', '__cfruid', '__cfseq-*', '__cfwaitingroom', 'cf_ob_info', 'cf_use_ob', 'cf_chl_*',
  // AWS Application / Classic Load Balancer stickiness (AWSALB, AWSALBCORS, AWSALBTG, AWSALBTGCORS, AWSELB).
  'AWSALB*', 'AWSELB*',
  // Huawei Cloud WAF session pinning (HWWAFSESID, HWWAFSESTIME).
  'HWWAF*',
  // Wikimedia edge: unique-visitor sampling, last access, GeoIP, network probes.
  'WMF-*', 'GeoIP', 'NetworkProbeLimit',
  // Akamai Bot Manager.
  'ak_bmsc', 'bm_sv', 'bm_sz', 'bm_mi', 'bm_so', 'bm_ss', 'bm_lso', 'bm_s', '_abck',
  // Imperva / Incapsula.
  'visid_incap_*', 'incap_ses_*', 'nlbi_*', 'reese84',
  // Azure App Service and Front Door affinity, F5 BIG-IP and HAProxy persistence, Google Cloud LB.
  'ARRAffinity', 'ARRAffinitySameSite', 'ASLBSA', 'ASLBSACORS', 'BIGipServer*', 'SERVERID', 'GCLB',
  // Bot protection: DataDome, Vercel's challenge.
  'datadome', '_vcrcs',
  // Analytics and consent.
  '_ga', '_ga_*', '_gid', '_gat*', '_gcl_*', '_fbp', '_hj*', 'ajs_anonymous_id', 'OptanonConsent', 'OptanonAlertBoxClosed',
];

// A name that says it holds a session or a credential: session, sessid, sid, token, auth, jwt, ...
const SESSION_NAME = /sess|(^|[^a-z])sid([^a-z]|$)|token|auth|jwt|login|remember|access|refresh|credential|secret|api[-_]?key|password/i;

const exact = new Set<string>();
const prefixes: string[] = [];
for (const entry of INFRASTRUCTURE_COOKIES) {
  if (entry.endsWith('*')) prefixes.push(entry.slice(0, -1).toLowerCase());
  else exact.add(entry.toLowerCase());
}

export type CookieKind = 'infrastructure' | 'session' | 'unknown';

/** What a cookie is, from its name and value: see INFRASTRUCTURE_COOKIES and SESSION_NAME. */
export function cookieKind(name: string, value: string): CookieKind {
  const lower = name.trim().toLowerCase();
  if (exact.has(lower) || prefixes.some((p) => lower.startsWith(p))) return 'infrastructure';
  // A JSON Web Token is a bearer credential whatever the cookie is called.
  if (SESSION_NAME.test(lower) || /^eyJ[\w-]{8,}\.eyJ/.test(value)) return 'session';
  return 'unknown';
}
