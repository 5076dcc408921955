import jsYaml from 'js-yaml';

const { Type, DEFAULT_SCHEMA } = jsYaml;

/** Psych writes `!binary` (one `!`) for base64 bodies; same meaning as `!!binary`. */
const rubyBinary = new Type('!binary', {
  kind: 'scalar',
  construct: (data: string) => Buffer.from(String(data).replace(/\s+/g, ''), 'base64'),
});

// Recorders serialise language objects (`!ruby/object:...`, `!!python/unicode`): keep their plain value.
const passthrough = (prefix: string) =>
  (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) => new Type(prefix, { kind, multi: true, construct: (data: unknown) => data }),
  );

/** js-yaml schema for cassettes: YAML 1.2 core plus the tags recorders emit. */
export const CASSETTE_YAML_SCHEMA = DEFAULT_SCHEMA.extend([
  rubyBinary,
  ...passthrough('!'),
  ...passthrough('tag:yaml.org,2002:python/'),
  ...passthrough('tag:yaml.org,2002:ruby/'),
]);

/** js-yaml as cassettes are read everywhere: this schema, and duplicate keys allowed (the last wins). */
export function loadYamlDocument(text: string): unknown {
  return jsYaml.load(text, { schema: CASSETTE_YAML_SCHEMA, json: true });
}
