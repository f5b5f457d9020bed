/**
 * The network-endpoint facet is what the endpoint rules read: an endpoint that only an adapter
 * knows about (here a made-up resource type, as an App Runner service would be) reaches
 * waf-owasp-rules, ddos-protection and encryption-in-transit with no rule change.
 */
import { describe, expect, it } from 'vitest';
import ddosProtection from '../../rules/security/ddos-protection.js';
import encryptionInTransit from '../../rules/security/encryption-in-transit.js';
import wafOwaspRules from '../../rules/security/waf-owasp-rules.js';
import type { Val } from '../../src/model/val.js';
import { check, endpoint, model, resource, val } from '../helpers/model-builders.js';

describe('a new kind of network endpoint reaches the endpoint rules through its facet', () => {
  it('waf-owasp-rules: an endpoint a web ACL can protect, with none, is reported; one the linker found a web ACL for outside the scan is undecidable', () => {
    const bare = endpoint('Service', { line: 3, waf: { what: 'App Runner service' } });
    const outside = endpoint('Other', { line: 9, waf: { what: 'App Runner service' }, webAcls: [{ link: val.set({ literal: 'arn:aws:wafv2:…' }, 11, 7) }] });
    const notProtectable = endpoint('Plain', { line: 15 });
    const { findings, notices } = check(wafOwaspRules, model({ facets: { networkEndpoints: [bare, outside, notProtectable] } }));
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.message])).toEqual([
      ['noWebAcl', 3, 3, 'App Runner service has no WAF web ACL: nothing filters injection or other OWASP Top 10 attacks before they reach it.'],
    ]);
    expect(notices).toEqual([{ line: 11, column: 7, message: 'could not decide: the web ACL of the App Runner service is not in the scan: its rules cannot be checked' }]);
  });

  it('ddos-protection: an exposed endpoint is reported unless the linker found a distribution or a Shield protection in front; unknown exposure is undecidable', () => {
    const ddos = (line: number, exposed: Val<boolean> = val.set(true, line, 5)) => ({ exposed, what: 'Internet-facing test endpoint', unknown: 'whether the endpoint is exposed is unknown' });
    const bare = endpoint('Bare', { line: 2, ddos: ddos(2) });
    const fronted = endpoint('Fronted', { line: 6, ddos: ddos(6), frontedBy: [resource('Cdn', 'AWS::CloudFront::Distribution')] });
    const shielded = endpoint('Shielded', { line: 10, ddos: ddos(10), shield: [{ ...resource('Shield', 'AWS::Shield::Protection'), target: val.set({ id: 'x' }), mentions: [] }] });
    const unknown = endpoint('Unknown', { line: 14, ddos: ddos(14, val.unknown('a parameter', 15, 9)) });
    const internal = endpoint('Internal', { line: 18, ddos: ddos(18, val.set(false, 18, 5)) });
    const { findings, notices } = check(ddosProtection, model({ facets: { networkEndpoints: [bare, fronted, shielded, unknown, internal] } }));
    expect(findings.map((f) => [f.messageId, f.line, f.column])).toEqual([['unprotected', 2, 3]]);
    expect(notices).toEqual([{ line: 15, column: 9, message: 'could not decide: whether the endpoint is exposed is unknown: a parameter' }]);
  });

  it('encryption-in-transit: a listener whose TLS policy accepts TLS < 1.2 and a plain HTTP listener without redirect are reported at their values', () => {
    const owner = resource('Service', 'AWS::Test::Endpoint', { line: 1 });
    const e = endpoint('Service', {
      listeners: [
        { owner, protocol: val.set('HTTPS', 3, 15), port: val.set(443, 4, 11), tlsPolicy: val.set('Test-TLS-1-0', 5, 18), weakTls: true },
        { owner, protocol: val.set('HTTPS', 7, 15), port: val.set(8443, 8, 11), tlsPolicy: val.set('Test-TLS-1-2', 9, 18), weakTls: false },
        { owner, protocol: val.set('HTTP', 11, 15), port: val.set(80, 12, 11), tlsPolicy: val.dflt('', 'none', 11), weakTls: false, action: { type: val.set('forward', 13, 17) } },
      ],
      minimumTls: [{ policy: val.set('TLS_1_0', 15, 23, 'Properties.SecurityPolicy'), weak: true, of: 'custom-domain' }],
    });
    const { findings, notices } = check(encryptionInTransit, model({ facets: { networkEndpoints: [e] } }));
    expect(findings.map((f) => [f.messageId, f.line, f.column])).toEqual([['oldTlsPolicy', 5, 18], ['httpListener', 11, 15], ['apiDomainOldTls', 15, 23]]);
    expect(notices).toEqual([]);
  });
});
