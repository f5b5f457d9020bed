import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import { mapVal, required } from '../val-ops.js';
import type { Distribution, DistributionOrigin } from './types.js';
import { distributionLogs } from './logs.js';
import { CUSTOM_CERT_ASSUMED, DEFAULT_CERT_ASSUMED, DEFAULT_CERT_MINIMUM, distributionEndpoint } from './common.js';

// AWS::CloudFront::Distribution — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudfront-distribution.html
// (DistributionConfig, DefaultCacheBehavior, CacheBehavior, ViewerCertificate, Origin, CustomOriginConfig, Logging)
const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const CONFIG = 'DistributionConfig';
const DEFAULT_CACHE_BEHAVIOR = 'DefaultCacheBehavior';
const CACHE_BEHAVIORS = 'CacheBehaviors';
const VIEWER_PROTOCOL_POLICY = 'ViewerProtocolPolicy';
const VIEWER_CERTIFICATE = 'ViewerCertificate';
const DEFAULT_CERTIFICATE = 'CloudFrontDefaultCertificate';
const ACM_CERTIFICATE = 'AcmCertificateArn';
const IAM_CERTIFICATE = 'IamCertificateId';
const MINIMUM_PROTOCOL_VERSION = 'MinimumProtocolVersion';
const ORIGINS = 'Origins';
const ORIGIN_ID = 'Id';
const DOMAIN_NAME = 'DomainName';
const CUSTOM_ORIGIN_CONFIG = 'CustomOriginConfig';
const ORIGIN_PROTOCOL_POLICY = 'OriginProtocolPolicy';
const ORIGIN_SSL_PROTOCOLS = 'OriginSSLProtocols';
const WEB_ACL_ID = 'WebACLId';
const LOGGING = 'Logging';
const LOGGING_BUCKET = 'Bucket';

export const adapter: Adapter = {
  service: 'cloudfront',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(DISTRIBUTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const c = r.at([CONFIG]);
      const cert = c.at([VIEWER_CERTIFICATE]);
      const custom = cert.str([ACM_CERTIFICATE]) ?? cert.str([IAM_CERTIFICATE]);
      const usesDefaultCertificate: Val<boolean> = cert.bool([DEFAULT_CERTIFICATE])
        ?? (custom ? mapVal(custom, () => false) : defaulted(true, c.has([VIEWER_CERTIFICATE]) ? cert.origin() : r.origin([CONFIG, VIEWER_CERTIFICATE]), 'the default CloudFront certificate (ViewerCertificate not set)'));
      const minimumProtocolVersion = usesDefaultCertificate.provenance !== 'unknown' && usesDefaultCertificate.value
        ? defaulted(DEFAULT_CERT_MINIMUM, cert.str([MINIMUM_PROTOCOL_VERSION])?.origin ?? usesDefaultCertificate.origin, DEFAULT_CERT_ASSUMED)
        : cert.str([MINIMUM_PROTOCOL_VERSION], { value: DEFAULT_CERT_MINIMUM, assumed: CUSTOM_CERT_ASSUMED });
      const behaviors = [c.at([DEFAULT_CACHE_BEHAVIOR]), ...c.each([CACHE_BEHAVIORS])];
      const distribution: Distribution = {
        resource: r.info(),
        viewerProtocolPolicies: behaviors.map((b) => required(b.str([VIEWER_PROTOCOL_POLICY]), b.origin(), VIEWER_PROTOCOL_POLICY)),
        usesDefaultCertificate,
        minimumProtocolVersion,
        origins: c.each([ORIGINS]).map((o) => {
          const origin = o.origin();
          const out: DistributionOrigin = { id: required(o.str([ORIGIN_ID]), origin, ORIGIN_ID), domainName: required(o.str([DOMAIN_NAME]), origin, DOMAIN_NAME), origin };
          const target = o.link([DOMAIN_NAME]);
          if (target?.provenance === 'explicit' && target.value.id) out.target = target;
          if (o.has([CUSTOM_ORIGIN_CONFIG])) {
            const co = o.at([CUSTOM_ORIGIN_CONFIG]);
            out.protocolPolicy = required(co.str([ORIGIN_PROTOCOL_POLICY]), co.origin(), ORIGIN_PROTOCOL_POLICY);
            out.sslProtocols = co.strList([ORIGIN_SSL_PROTOCOLS], { value: ['TLSv1', 'SSLv3'], assumed: 'TLSv1 and SSLv3 (OriginSSLProtocols not set)' });
          }
          return out;
        }),
        webAcl: c.link([WEB_ACL_ID]) ?? defaulted<Link>({}, c.origin(), 'no web ACL'),
        logging: c.has([LOGGING]) ? explicit(true, c.at([LOGGING]).origin()) : defaulted(false, r.origin([CONFIG, LOGGING]), 'standard logging off'),
      };
      model.distributions.push(distribution);
      model.facets.networkEndpoints.push(distributionEndpoint(distribution));
      model.facets.logSources.push(distributionLogs(distribution, c.link([LOGGING, LOGGING_BUCKET])));
    }
  },
};
