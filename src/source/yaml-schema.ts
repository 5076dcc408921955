import jsYaml from 'js-yaml';
import { checkAliasExpansion } from '../limits/alias-budget.js';

let schema: jsYaml.Schema | undefined;

/**
 * js-yaml schema for cassettes: YAML 1.2 core plus the tags recorders emit. Made on first use: a
 * one-file run whose YAML the fast reader (simple-yaml.ts) reads never loads js-yaml (the CLI's
 * bundle defers the package to its first use: scripts/bundle.mjs).
 */
export function cassetteYamlSchema(): jsYaml.Schema {
  if (schema) return schema;
  const { Type, DEFAULT_SCHEMA } = jsYaml;
  /** Psych writes `!binary` (one `!`) for base64 bodies; same meaning as `!!binary`. */
  const rubyBinary = new Type('!binary', {
    kind: 'scalar',
    construct: (data: string) => Buffer.from(String(data).replace(/\s+/g, ''), 'base64'),
  });
  // Recorders serialise language objects (`!ruby/object:...`, `!!python/unicode`): keep their plain value.
  const passthrough = (prefix: string) =>
    (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(prefix, { kind, multi: true, construct: (data: unknown) => data }));
  return (schema = DEFAULT_SCHEMA.extend([rubyBinary, ...passthrough('!'), ...passthrough('tag:yaml.org,2002:python/'), ...passthrough('tag:yaml.org,2002:ruby/')]));
}

/**
 * js-yaml as cassettes are read everywhere: this schema, and duplicate keys allowed (the last wins).
 * Throws LimitError when aliases would expand past the alias budget or refer to themselves.
 */
export function loadYamlDocument(text: string): unknown {
  const data = jsYaml.load(text, { schema: cassetteYamlSchema(), json: true });
  // Aliases need an anchor (`&a`) and a use (`*a`); most cassettes have neither, so skip the walk.
  if (text.includes('*') && text.includes('&')) checkAliasExpansion(data);
  return data;
}
