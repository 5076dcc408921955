import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { cli, hasStackTrace } from '../helpers/cli.js';
import { CORPUS, ROOT, SAMPLES, SEED, hasCorpus, hasSeed } from '../helpers/corpus.js';

const BIN = join(ROOT, 'bin/cassette.js');

describe('cassette diff', () => {
  it.skipIf(!hasSeed)('shows the seed’s second request as two appended messages, exit 1', () => {
    const r = cli(['diff', SEED]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('#0 → #1 POST https://openrouter.ai/api/v1/chat/completions: 2 messages appended');
    expect(r.stdout).toContain(`messages[2] added (assistant: "I'll check the weather in Florence, Italy for you." + weather {"location": "Florence,Italy"})`);
    expect(r.stdout).toContain('messages[3] added (tool: "40 C")');
    expect(r.stdout).toMatch(/^ {4}\+ {6}"content": "40 C",$/m);
  });

  it.skipIf(!hasSeed)('exits 0 for a cassette against itself', () => {
    const r = cli(['diff', SEED, SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no differences');
  });

  it.skipIf(!hasCorpus)('shows exactly the changes made to a copy of a corpus cassette: the model and one message', () => {
    const original = join(CORPUS, 'go-vcr-v2/charmbracelet__fantasy/providertests/testdata/TestAzureResponsesWithSummaryThinking/azure-gpt-5-mini/thinking-streaming.yaml');
    const doc = YAML.parseDocument(readFileSync(original, 'utf8'));
    const body = JSON.parse(doc.getIn(['interactions', 0, 'request', 'body']) as string) as { model: string; input: unknown[] };
    body.model = 'gpt-5';
    body.input.push({ role: 'user', content: [{ type: 'input_text', text: 'And tomorrow?' }] });
    doc.setIn(['interactions', 0, 'request', 'body'], JSON.stringify(body));
    const dir = mkdtempSync(join(tmpdir(), 'cassette-diff-'));
    const copy = join(dir, 'changed.yaml');
    writeFileSync(copy, doc.toString());
    const r = cli(['diff', '--json', original, copy]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { diffs: { interactions: { status: string; request: { summary: { text: string }[] } }[] }[] };
    const [first, second] = out.diffs[0]!.interactions;
    expect(first!.request.summary.map((l) => l.text)).toEqual(['model changed: gpt-5-mini → gpt-5', 'input[2] added (user: "And tomorrow?")']);
    expect(second!.status).toBe('same');
  });

  it('prints --stat and --markdown, and a bad file exits 2 without a stack trace', () => {
    const stat = cli(['diff', '--stat', join(SAMPLES, 'nock/openai-chat.json'), join(SAMPLES, 'vcrpy/openai-chat-parsed-body.yaml')]);
    expect(stat.stdout.split('\n')[1]).toMatch(/^#0 → #0\s+same\s+0 changes/);
    const md = cli(['diff', '--markdown', join(SAMPLES, 'nock/openai-chat.json'), join(SAMPLES, 'vcrpy/openai-chat-parsed-body.yaml')]);
    expect(md.stdout).toMatch(/^### Cassette diff: `.*openai-chat-parsed-body.yaml`/);
    const dir = mkdtempSync(join(tmpdir(), 'cassette-diff-'));
    writeFileSync(join(dir, 'bad.json'), '{"interactions": [');
    const bad = cli(['diff', join(dir, 'bad.json'), join(SAMPLES, 'nock/openai-chat.json')]);
    expect(bad.status).toBe(2);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    expect(bad.stderr).toMatch(/bad\.json:1:\d+: invalid JSON/);
    expect(cli(['diff', 'a', 'b', 'c']).status).toBe(2);
  });

  it('--json of two files carries each side’s cost in its totals, the sum `cost` gives', () => {
    const [a, b] = ['go-vcr-v2/openai-chat-stream-text.yaml', 'go-vcr-v2/openai-chat-parallel-tools.yaml'].map((f) => join(SAMPLES, f));
    const costOf = (file: string) => (JSON.parse(cli(['cost', '--json', file]).stdout) as { total: { cost: number } }).total.cost;
    const out = JSON.parse(cli(['diff', '--json', a!, b!]).stdout) as { diffs: { totals: { before: { cost: number | null }; after: { cost: number | null } } }[] };
    expect(out.diffs[0]!.totals.before.cost).toBeCloseTo(costOf(a!), 12);
    expect(out.diffs[0]!.totals.after.cost).toBeCloseTo(costOf(b!), 12);
    expect(out.diffs[0]!.totals.after.cost).toBeGreaterThan(0);
  });
});

describe('cassette diff in a git repository', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cassette-git-'));
    git(dir, 'init', '-q');
    copyFileSync(join(SAMPLES, 'go-vcr-v2/openai-chat-stream-text.yaml'), join(dir, 'chat.yaml'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'record');
    const text = readFileSync(join(dir, 'chat.yaml'), 'utf8').replace('"temperature":0', '"temperature":0.5');
    writeFileSync(join(dir, 'chat.yaml'), text);
    return dir;
  }

  it('--git compares the work tree with HEAD, and --git REV compares REV with its parent', () => {
    const dir = repo();
    const work = cli(['diff', '--git', '--no-patch'], { cwd: dir });
    expect(work.status).toBe(1);
    expect(work.stdout).toContain('temperature: 0 → 0.5');
    git(dir, 'commit', '-qam', 'warmer');
    expect(cli(['diff', '--git'], { cwd: dir }).status).toBe(0);
    const rev = cli(['diff', '--git', 'HEAD', '--no-patch'], { cwd: dir });
    expect(rev.stdout).toContain('temperature: 0 → 0.5');
  });

  it('works as textconv and as an external diff driver', () => {
    const dir = repo();
    writeFileSync(join(dir, '.gitattributes'), '*.yaml diff=cassette\n');
    git(dir, 'config', 'diff.cassette.textconv', `node ${BIN} textconv`);
    const textconv = git(dir, 'diff', '--no-color');
    expect(textconv).toContain('-  request  openai-chat · gpt-4o-mini · stream · temperature 0');
    expect(textconv).toContain('+  request  openai-chat · gpt-4o-mini · stream · temperature 0.5');
    const external = execFileSync('git', ['-c', `diff.cassette.command=node ${BIN} diff --no-color --no-patch`, 'diff'], { cwd: dir, encoding: 'utf8' });
    expect(external).toContain('--- a/chat.yaml');
    expect(external).toContain('temperature: 0 → 0.5');
  });
});
