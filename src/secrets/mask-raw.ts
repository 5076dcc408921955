import { isQueryCredential } from './detect.js';
import { maskSecretsInText, maskUrlHead, maskValue } from './mask.js';
import { SECRET_HEADERS, SECRET_QUERY_PARAMS } from './patterns.js';

// split/join, not a global replace: no RegExp to compile at every start.
const names = (set: ReadonlySet<string>) => [...set].map((n) => n.split('-').join('[-_]?')).join('|');
// `Authorization: x`, `"x-api-key": "x"`, `api-key=x`, and YAML's `Authorization:` with the value on
// the next line as a list item (go-vcr, VCR.py), or a JSON list of values.
const HEADER_VALUE = new RegExp(`(["']?\\b(?:${names(SECRET_HEADERS)})["']?[ \\t]*[:=][ \\t]*(?:\\r?\\n[ \\t]*-[ \\t]*|\\[[ \\t]*)?["']?)([^"'\\r\\n,}\\]]+)`, 'gi');
const QUERY_VALUE = new RegExp(`([?&](?:${names(SECRET_QUERY_PARAMS)})=)([^&\\s"'#]+)`, 'gi');
// Any other query parameter, masked when isQueryCredential says so (`?password=`, a random `?code=`), as maskUrl
// does; a value QUERY_VALUE masked already (`…(`) is left.
const QUERY_PAIR = /([?&]([A-Za-z][\w.-]{0,63})=)([^&\s"'#]+)/g;
// A URL up to its query (`https://user:pass@host/keys/sk-…`): its userinfo and path segments.
const URL_HEAD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>?#]+/gi;
// A credential after its scheme wherever it is, whatever its name (`Bearer abc…` in a log line).
// The lookahead stops a match inside a longer run of token characters (one already masked with `*` stays).
const SCHEME_TOKEN = /\b((?:Bearer|Basic|Token)[ \t]+)([A-Za-z0-9._~+/=-]{8,})(?![A-Za-z0-9._~+/=*-])/g;

/**
 * Text that could not be read as a cassette (cut short, not valid YAML or JSON), with every
 * credential the project knows masked as `show` masks it: values of secret headers in any
 * `name: value` shape, credential query parameters, URL userinfo passwords, tokens after
 * `Bearer`/`Basic`/`Token`, and the key shapes of SECRET_PATTERNS (the `secret-text` lint rule's). Control characters are left
 * to the caller's sanitizer.
 */
export function maskSecretsInRawText(text: string): string {
  return maskSecretsInText(
    text
      .replace(URL_HEAD, maskUrlHead)
      .replace(HEADER_VALUE, (_, name: string, value: string) => name + maskValue(value.trimEnd()) + value.slice(value.trimEnd().length))
      .replace(QUERY_VALUE, (_, name: string, value: string) => name + maskValue(value))
      .replace(QUERY_PAIR, (pair: string, head: string, name: string, value: string) => (!value.includes('…(') && isQueryCredential(name, value) ? head + maskValue(value) : pair))
      .replace(SCHEME_TOKEN, (_, scheme: string, token: string) => scheme + maskValue(token)),
  );
}
