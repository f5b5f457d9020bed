import type { Link, ModelResource, Origin, Val } from '../val.js';

export interface DistributionOrigin {
  id: Val<string>;
  domainName: Val<string>;
  /** Custom origins only: `http-only`, `match-viewer`, `https-only`. */
  protocolPolicy?: Val<string>;
  /** Custom origins only: the SSL protocols to the origin. */
  sslProtocols?: Val<string[]>;
  /** The resource the domain name points at (`!GetAtt Alb.DNSName`, `aws_lb.web.dns_name`), when it is in the scan. */
  target?: Val<Link>;
  origin: Origin;
}

export interface Distribution extends ModelResource {
  /** Default cache behavior first, then ordered ones. */
  viewerProtocolPolicies: Val<string>[];
  usesDefaultCertificate: Val<boolean>;
  minimumProtocolVersion: Val<string>;
  origins: DistributionOrigin[];
  /** The web ACL named on the distribution (`WebACLId`): a link to one in the scan, its literal ARN, or a default for none. */
  webAcl: Val<Link>;
  logging: Val<boolean>;
}
