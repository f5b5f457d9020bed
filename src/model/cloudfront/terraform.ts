import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import { mapVal, required } from '../val-ops.js';
import type { Distribution, DistributionOrigin } from './types.js';
import { distributionLogs } from './logs.js';
import { CUSTOM_CERT_ASSUMED, DEFAULT_CERT_ASSUMED, DEFAULT_CERT_MINIMUM, distributionEndpoint } from './common.js';

// aws_cloudfront_distribution — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution
const DISTRIBUTION = 'aws_cloudfront_distribution';
const DEFAULT_CACHE_BEHAVIOR = 'default_cache_behavior';
const ORDERED_CACHE_BEHAVIOR = 'ordered_cache_behavior';
const VIEWER_PROTOCOL_POLICY = 'viewer_protocol_policy';
const VIEWER_CERTIFICATE = 'viewer_certificate';
const DEFAULT_CERTIFICATE = 'cloudfront_default_certificate';
const ACM_CERTIFICATE = 'acm_certificate_arn';
const IAM_CERTIFICATE = 'iam_certificate_id';
const MINIMUM_PROTOCOL_VERSION = 'minimum_protocol_version';
const ORIGIN = 'origin';
const ORIGIN_ID = 'origin_id';
const DOMAIN_NAME = 'domain_name';
const CUSTOM_ORIGIN_CONFIG = 'custom_origin_config';
const ORIGIN_PROTOCOL_POLICY = 'origin_protocol_policy';
const ORIGIN_SSL_PROTOCOLS = 'origin_ssl_protocols';
const WEB_ACL_ID = 'web_acl_id';
const LOGGING_CONFIG = 'logging_config';
const LOGGING_BUCKET = 'bucket';

export const adapter: Adapter = {
  service: 'cloudfront',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(DISTRIBUTION)) {
      const r = new PropertyReader(node, graph, '');
      const cert = r.each([VIEWER_CERTIFICATE])[0];
      const custom = cert ? cert.str([ACM_CERTIFICATE]) ?? cert.str([IAM_CERTIFICATE]) : undefined;
      const usesDefaultCertificate: Val<boolean> = cert?.bool([DEFAULT_CERTIFICATE])
        ?? (custom ? mapVal(custom, () => false) : defaulted(true, cert ? cert.origin() : r.origin([VIEWER_CERTIFICATE]), 'the default CloudFront certificate'));
      const minimumProtocolVersion = usesDefaultCertificate.provenance !== 'unknown' && usesDefaultCertificate.value
        ? defaulted(DEFAULT_CERT_MINIMUM, cert?.str([MINIMUM_PROTOCOL_VERSION])?.origin ?? usesDefaultCertificate.origin, DEFAULT_CERT_ASSUMED)
        : cert?.str([MINIMUM_PROTOCOL_VERSION]) ?? defaulted(DEFAULT_CERT_MINIMUM, cert ? cert.origin() : r.origin([VIEWER_CERTIFICATE]), CUSTOM_CERT_ASSUMED);
      const behaviors = [...r.each([DEFAULT_CACHE_BEHAVIOR]), ...r.each([ORDERED_CACHE_BEHAVIOR])];
      const logging = r.each([LOGGING_CONFIG])[0];
      const distribution: Distribution = {
        resource: r.info(),
        viewerProtocolPolicies: behaviors.map((b) => required(b.str([VIEWER_PROTOCOL_POLICY]), b.origin(), VIEWER_PROTOCOL_POLICY)),
        usesDefaultCertificate,
        minimumProtocolVersion,
        origins: r.each([ORIGIN]).map((o) => {
          const origin = o.origin();
          const out: DistributionOrigin = { id: required(o.str([ORIGIN_ID]), origin, ORIGIN_ID), domainName: required(o.str([DOMAIN_NAME]), origin, DOMAIN_NAME), origin };
          const target = o.link([DOMAIN_NAME]);
          if (target?.provenance === 'explicit' && target.value.id) out.target = target;
          const co = o.each([CUSTOM_ORIGIN_CONFIG])[0];
          if (co) {
            out.protocolPolicy = required(co.str([ORIGIN_PROTOCOL_POLICY]), co.origin(), ORIGIN_PROTOCOL_POLICY);
            out.sslProtocols = required(co.strList([ORIGIN_SSL_PROTOCOLS]), co.origin(), ORIGIN_SSL_PROTOCOLS);
          }
          return out;
        }),
        webAcl: r.linkOr([WEB_ACL_ID], 'no web ACL'),
        logging: logging ? explicit(true, logging.origin()) : defaulted(false, r.origin([LOGGING_CONFIG]), 'standard logging off'),
      };
      model.distributions.push(distribution);
      model.facets.networkEndpoints.push(distributionEndpoint(distribution));
      model.facets.logSources.push(distributionLogs(distribution, logging?.link([LOGGING_BUCKET])));
    }
  },
};
