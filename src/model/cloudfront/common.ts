import type { NetworkEndpoint } from '../facets.js';
import { networkEndpoint } from '../facets.js';
import { defaulted, isKnown } from '../val.js';
import type { Distribution } from './types.js';

/** What the default CloudFront certificate (*.cloudfront.net) allows, whatever MinimumProtocolVersion says. */
export const DEFAULT_CERT_MINIMUM = 'TLSv1';
export const DEFAULT_CERT_ASSUMED = 'TLSv1 (the default CloudFront certificate allows TLSv1 whatever MinimumProtocolVersion says)';
/** With a custom certificate and no MinimumProtocolVersion, CloudFront uses TLSv1. */
export const CUSTOM_CERT_ASSUMED = 'TLSv1 (MinimumProtocolVersion not set)';

/** CloudFront minimum protocol versions that are TLS 1.2 or later (`TLSv1.2_2021`, `TLSv1.3_2025` …). */
const MODERN = /^TLSv1\.[23]/;

/**
 * A distribution as a network endpoint: reachable from the internet by design, at the edge; its
 * viewer protocol policies, its viewer certificate's minimum protocol version, its custom origins'
 * protocol policies, and the web ACL it names. A WAF web ACL can protect it.
 */
export function distributionEndpoint(d: Distribution): NetworkEndpoint {
  return networkEndpoint(d, 'CloudFront distribution', defaulted(true, { span: d.resource.span, path: '', resource: d.resource.address }, 'reachable from the internet (a CloudFront distribution)'), 'edge', {
    viewerPolicies: d.viewerProtocolPolicies.map((value) => ({ value, plain: isKnown(value) && value.value === 'allow-all' })),
    minimumTls: [{ policy: d.minimumProtocolVersion, weak: isKnown(d.minimumProtocolVersion) && !MODERN.test(d.minimumProtocolVersion.value), of: 'viewers' }],
    backends: d.origins.flatMap((o) => (o.protocolPolicy
      ? [{ name: isKnown(o.id) ? o.id.value : '?', protocol: o.protocolPolicy, plain: isKnown(o.protocolPolicy) && (o.protocolPolicy.value === 'http-only' || o.protocolPolicy.value === 'match-viewer') }]
      : [])),
    waf: { what: 'CloudFront distribution' },
    webAcl: d.webAcl,
  });
}
