import * as assert from 'node:assert/strict';
import { clientSettingsChanged, DEFAULT_ZONE_FILES, effectiveRaw, parseSettings, RESTRICTED_SETTINGS, WATCHED_SETTINGS } from '../../../src/platform/settingsSchema';

describe('settings validation', () => {
  it('gives the declared defaults when nothing is set', () => {
    const { settings, problems } = parseSettings({});
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      site: 'intl',
      requestTimeoutSeconds: 30,
      maxRetries: 3,
      pageSize: 500,
      pollIntervalSeconds: 5,
      zoneFiles: DEFAULT_ZONE_FILES,
      showFailuresOnOpen: false,
      lintRules: {},
      lintMinTtl: 1,
      compareIgnoreTtl: false,
      proxyStrictSSL: true,
      noProxy: [],
    });
  });

  it('takes per-rule lint severities and a minimum TTL, and refuses anything else', () => {
    assert.deepEqual(parseSettings({ 'huaweiDns.lint.rules': { 'ttl-mixed': 'off', 'apex-ns': 'warning' }, 'huaweiDns.lint.minTtl': 300 }).settings.lintRules, { 'ttl-mixed': 'off', 'apex-ns': 'warning' });
    assert.equal(parseSettings({ 'huaweiDns.lint.minTtl': 300 }).settings.lintMinTtl, 300);
    const bad = parseSettings({ 'huaweiDns.lint.rules': { 'ttl-mixed': 'loud' }, 'huaweiDns.lint.minTtl': 0 });
    assert.deepEqual(bad.problems.map((p) => p.setting), ['huaweiDns.lint.rules', 'huaweiDns.lint.minTtl']);
    assert.deepEqual(bad.settings.lintRules, {});
    assert.equal(bad.settings.lintMinTtl, 1);
  });

  it('keeps valid values and trims text', () => {
    const { settings, problems } = parseSettings({
      'huaweiDns.site': 'cn',
      'huaweiDns.endpoint': ' https://dns.example.com/ ',
      'huaweiDns.projectId': ' 0123abc ',
      'huaweiDns.pageSize': 100,
      'huaweiDns.caFile': '/etc/ca.pem',
      'http.proxy': 'http://proxy:3128',
      'http.proxyStrictSSL': false,
      'http.noProxy': ['localhost'],
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.site, 'cn');
    assert.equal(settings.endpoint, 'https://dns.example.com');
    assert.equal(settings.projectId, '0123abc');
    assert.equal(settings.pageSize, 100);
    assert.equal(settings.caFile, '/etc/ca.pem');
    assert.equal(settings.proxy, 'http://proxy:3128');
    assert.equal(settings.proxyStrictSSL, false);
    assert.deepEqual(settings.noProxy, ['localhost']);
  });

  it('treats empty strings as unset, not as problems', () => {
    const { settings, problems } = parseSettings({ 'huaweiDns.endpoint': '', 'huaweiDns.projectId': '  ', 'http.proxy': '' });
    assert.deepEqual(problems, []);
    assert.ok(!('endpoint' in settings) && !('projectId' in settings) && !('proxy' in settings));
  });

  const bad: [string, unknown, string][] = [
    ['huaweiDns.site', 'eu', 'site'],
    ['huaweiDns.pageSize', 0, 'pageSize'],
    ['huaweiDns.pageSize', 501, 'pageSize'],
    ['huaweiDns.pageSize', 12.5, 'pageSize'],
    ['huaweiDns.maxRetries', -1, 'maxRetries'],
    ['huaweiDns.requestTimeoutSeconds', '30', 'requestTimeoutSeconds'],
    ['huaweiDns.pollIntervalSeconds', 0.5, 'pollIntervalSeconds'],
    ['huaweiDns.zoneFiles', '**/*.zone', 'zoneFiles'],
    ['huaweiDns.endpoint', 'http://dns.example.com', 'endpoint'],
    ['huaweiDns.endpoint', 'not a url', 'endpoint'],
    ['huaweiDns.projectId', 'a/b', 'projectId'],
    ['http.proxy', 'ftp://proxy', 'proxy'],
    ['http.proxyStrictSSL', 'no', 'proxyStrictSSL'],
  ];
  for (const [id, value, key] of bad) {
    it(`falls back to the default for ${id} = ${JSON.stringify(value)} and names the setting`, () => {
      const { settings, problems } = parseSettings({ [id]: value });
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.setting, id);
      assert.deepEqual((settings as unknown as Record<string, unknown>)[key], (parseSettings({}).settings as unknown as Record<string, unknown>)[key]);
    });
  }

  it('accepts plain http only for loopback endpoints', () => {
    assert.equal(parseSettings({ 'huaweiDns.endpoint': 'http://127.0.0.1:8080' }).settings.endpoint, 'http://127.0.0.1:8080');
  });

  it('does not share the default zone-file array between reads', () => {
    const first = parseSettings({}).settings;
    first.zoneFiles.push('x');
    assert.deepEqual(parseSettings({}).settings.zoneFiles, DEFAULT_ZONE_FILES);
  });

  it('watches every huaweiDns setting of the manifest plus the http ones', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { contributes: { configuration: { properties: object } } };
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(WATCHED_SETTINGS.filter((id) => id.startsWith('huaweiDns.')).sort(), declared);
    for (const id of ['http.proxy', 'http.proxyStrictSSL', 'http.noProxy']) assert.ok(WATCHED_SETTINGS.includes(id));
  });

  it('rebuilds the client only for settings the client uses', () => {
    const base = parseSettings({}).settings;
    assert.equal(clientSettingsChanged(base, { ...base, pageSize: 10 }), false);
    assert.equal(clientSettingsChanged(base, { ...base, maxRetries: 0 }), true);
    assert.equal(clientSettingsChanged(base, { ...base, noProxy: ['a'] }), true);
    assert.equal(clientSettingsChanged(base, { ...base, endpoint: 'https://x' }), true);
  });

  it('ignores workspace values of endpoint and caFile until the workspace is trusted', () => {
    const value = { effective: 'https://evil.example.com', user: 'https://dns.mine.example.com' };
    assert.equal(effectiveRaw('huaweiDns.endpoint', false, value), 'https://dns.mine.example.com');
    assert.equal(effectiveRaw('huaweiDns.caFile', false, { effective: '/ws/ca.pem', user: undefined }), undefined);
    assert.equal(effectiveRaw('huaweiDns.endpoint', true, value), 'https://evil.example.com');
    assert.equal(effectiveRaw('huaweiDns.pageSize', false, { effective: 10, user: 20 }), 10, 'other settings are not restricted');
  });

  it('restricts exactly what the manifest declares as restricted', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } };
    assert.deepEqual([...RESTRICTED_SETTINGS].sort(), [...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort());
  });
});
