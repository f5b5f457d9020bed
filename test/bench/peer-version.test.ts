import { describe, expect, it } from 'vitest';
import { versionOf } from '../../bench/realworld.js';

describe('peer versions in the benchmark (bench/realworld.ts)', () => {
  const noGo = () => undefined;

  it('takes the first line with a version number', () => {
    expect(versionOf('cfn-lint', 'cfn-lint 1.51.0', noGo)).toBe('1.51.0');
    expect(versionOf('checkov', '3.3.30\n', noGo)).toBe('3.3.30');
    expect(versionOf('trivy', 'Version: 0.74.0\nVulnerability DB: ...', noGo)).toBe('0.74.0');
  });

  it('falls back to the Go module version for a local build that prints only "dev" and a banner', () => {
    const tfsec = 'You are running a locally built version of tfsec.\nVersion: dev\n=====\ntfsec is joining the Trivy family\nhttps://github.com/aquasecurity/tfsec/discussions/1994';
    expect(versionOf('tfsec', tfsec, (t) => (t === 'tfsec' ? 'v1.28.14' : undefined))).toBe('v1.28.14 (local build)');
    expect(versionOf('tfsec', tfsec, noGo)).toBe('dev (no version number printed)');
  });
});
