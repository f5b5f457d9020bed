import { how, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { EndpointListener, MinimumTls } from '../../src/model/facets.js';
import type { Bucket } from '../../src/model/s3/types.js';
import type { ModelResource, Val } from '../../src/model/val.js';
import { isKnown, unknownVal } from '../../src/model/val.js';

const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS', 'SSL']);
/** Condition operators that test aws:SecureTransport as a boolean. */
const SECURE_TRANSPORT_OPERATORS = new Set(['bool', 'boolifexists']);

export default defineRule({
  meta: {
    id: 'encryption-in-transit',
    title: 'Data is encrypted in transit',
    checks: 'HTTP listeners without redirect, old TLS policies, HTTP target groups, CloudFront viewers and origins, S3 without a secure-transport policy, ElastiCache, OpenSearch (node-to-node, HTTPS, TLS policy), MSK (client-broker, in-cluster), API Gateway custom domains on TLS_1_0, parameter groups: RDS/Aurora rds.force_ssl and require_secure_transport, Redshift require_ssl, DocumentDB tls',
    severity: 'high',
    controls: ['1.23', '1.26'],
    rationale:
      'Card and customer data must not cross a network in plain text: not between the customer and the load balancer or CDN, and ' +
      '(PCI DSS) not inside the VPC between the load balancer and its targets. TLS 1.0 and 1.1 have known weaknesses and are no ' +
      'longer accepted by PCI DSS; S3, ElastiCache and OpenSearch accept unencrypted connections unless told otherwise (OpenSearch ' +
      'also sends data between its nodes in plain text unless node-to-node encryption is on, and its default endpoint TLS policy ' +
      'accepts TLS 1.0); MSK encrypts client and broker traffic unless TLS_PLAINTEXT, PLAINTEXT or in-cluster false is set; an ' +
      'API Gateway REST custom domain accepts TLS 1.0 and 1.1 unless `SecurityPolicy` / `security_policy` is TLS_1_2 or a TLS 1.3 ' +
      'policy (the API default is TLS_1_0; v2 domain names are judged on a written policy only); MSK Serverless is always TLS. ' +
      'Databases require TLS through the parameter group they name: Redshift `require_ssl` (false in the default group) and DocumentDB ' +
      '`tls` (enabled in the default group, a finding only when `disabled`); RDS/Aurora `rds.force_ssl` (RDS for PostgreSQL: 1 by default ' +
      'from version 15, 0 up to 14; RDS for SQL Server and Aurora PostgreSQL: 0) and `require_secure_transport` (RDS for MySQL: ON by ' +
      'default from 9.7, OFF up to 8.4; RDS for MariaDB: ON from 11.8, OFF up to 11.4, absent before 10.5; Aurora MySQL: OFF). An explicit ' +
      'off value is reported at the value; a group in the scan that does not set the parameter takes its family\'s default, and the ' +
      'default group the engine version\'s default, both reported with the default named. No engine version written: RDS creates its ' +
      'current default version, assumed PostgreSQL 15 or later (passes) and MySQL 8.4 or earlier (reported, the assumption named); for ' +
      'MariaDB that default lies on either side of 11.8, so it is a notice. A group outside the scan, an engine or version from a ' +
      'parameter or variable without default, or an unknown engine (restored from a snapshot) are notices. Oracle (SSL through an ' +
      'option group) and Db2 are not judged.',
    remediation:
      'Redirect HTTP listeners to HTTPS; use a TLS 1.2+ security policy (ELBSecurityPolicy-TLS13-1-2-2021-06) on HTTPS/TLS listeners; ' +
      'use HTTPS target groups and back ends; set CloudFront viewers to redirect-to-https or https-only with a custom certificate and ' +
      'TLSv1.2_2021, and origins to https-only; add a bucket policy statement that denies s3:* when aws:SecureTransport is false; ' +
      'turn on transit encryption on ElastiCache replication groups; enable node-to-node encryption and HTTPS enforcement with ' +
      'Policy-Min-TLS-1-2-2019-07 or later on OpenSearch domains; keep MSK client-broker encryption TLS and in-cluster encryption on; ' +
      'give databases a parameter group that sets rds.force_ssl to 1 or require_secure_transport to ON (Redshift require_ssl true).',
    messages: {
      httpListener: 'Listener {{listener}} serves plain HTTP on port {{port}} and its default action ({{action}}) is not a redirect to HTTPS.',
      redirectNotHttps: 'Listener {{listener}} serves plain HTTP on port {{port}} and redirects to {{protocol}}, not to HTTPS: {{how}}.',
      oldTlsPolicy: 'Listener {{listener}} uses the TLS policy {{policy}}, which allows TLS versions older than 1.2.',
      defaultTlsPolicy: 'Listener {{listener}} names no TLS policy, so it gets {{assumed}}: name a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
      httpTargetGroup: 'Target group {{group}} receives traffic from its load balancer over {{protocol}}: data travels inside the VPC in plain text.',
      classicHttpListener: 'Classic load balancer {{listener}} listens on port {{port}} with {{protocol}}: clients connect in plain text.',
      classicPlainBackend: 'Classic load balancer {{listener}} forwards port {{port}} to its instances over {{protocol}}, so data travels inside the VPC in plain text: {{how}}.',
      cloudfrontAllowAll: 'Distribution {{distribution}} lets viewers use plain HTTP (ViewerProtocolPolicy allow-all): use redirect-to-https or https-only.',
      cloudfrontOldTls: 'Distribution {{distribution}} accepts viewers down to {{version}}; require TLSv1.2_2021 or later.',
      cloudfrontDefaultTls: 'Distribution {{distribution}} accepts viewers down to {{assumed}}; use a custom certificate with a minimum of TLSv1.2_2021 or later.',
      cloudfrontOriginHttp: 'Distribution {{distribution}} connects to origin {{origin}} with {{policy}}: CloudFront may fetch it over plain HTTP.',
      bucketNoSecureTransport: 'Bucket {{bucket}} has no bucket policy statement that denies requests when aws:SecureTransport is false, so it accepts plain HTTP requests.',
      bucketSecureTransportPartial: 'The statement of bucket {{bucket}} that denies requests when aws:SecureTransport is false {{limit}}, so other requests still work over plain HTTP: deny s3:* to every principal ("*").',
      cacheNoTransitEncryption: 'Replication group {{cache}} does not encrypt in transit, so clients and replicas talk in plain text: {{how}}.',
      storePlainText: '{{what}} {{problem}}: `{{property}}` {{how}}.',
      apiDomainOldTls: 'API Gateway custom domain {{domain}} accepts TLS 1.0 and 1.1: `{{property}}` {{how}}; use TLS_1_2 (or a TLS 1.3 security policy).',
    },
    precision: 'high',
    tags: ['security', 'encryption', 'tls'],
    examples: {
      cloudformation: {
        fail: `Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef
      Protocol: HTTP
      Port: 80
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef
`,
        pass: `Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef
      Protocol: HTTP
      Port: 80
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: '443'
            StatusCode: HTTP_301
`,
      },
      terraform: {
        fail: `resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
`,
        pass: `resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`,
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    // Network endpoints: their listeners, viewer policies, minimum TLS and back-end connections.
    for (const e of m.facets.networkEndpoints) {
      for (const l of e.listeners) listener(l);
      const name = e.owner.resource.address;
      for (const v of e.viewerPolicies) {
        if (!isKnown(v.value)) { ctx.undecidable(e.owner, v.value, `a viewer protocol policy of ${name} is unknown: ${v.value.reason}`); continue; }
        if (v.plain) ctx.report({ messageId: 'cloudfrontAllowAll', at: v.value, resource: e.owner, data: { distribution: name } });
      }
      for (const t of e.minimumTls) minimumTls(e.owner, name, t);
      for (const b of e.backends) {
        const p = b.protocol;
        if (!isKnown(p)) { ctx.undecidable(e.owner, p, `the protocol policy of origin ${b.name} of ${name} is unknown: ${p.reason}`); continue; }
        if (b.plain) ctx.report({ messageId: 'cloudfrontOriginHttp', at: p, resource: e.owner, data: { distribution: name, origin: b.name, policy: p.value } });
      }
    }

    for (const tg of m.targetGroups) {
      if (tg.usedBy.length === 0) continue;
      if (!isKnown(tg.protocol)) {
        ctx.undecidable(tg, tg.protocol, `the protocol of target group ${tg.resource.address} is unknown: ${tg.protocol.reason}`);
        continue;
      }
      if (tg.protocol.value === 'HTTP') ctx.report({ messageId: 'httpTargetGroup', at: tg.protocol, resource: tg, data: { group: tg.resource.address, protocol: tg.protocol.value } });
    }

    for (const b of m.buckets) {
      const verdict = secureTransport(b);
      if (verdict === true) continue;
      if (verdict === false) ctx.report({ messageId: 'bucketNoSecureTransport', at: b, resource: b, data: { bucket: b.resource.address } });
      else if ('partial' in verdict) ctx.report({ messageId: 'bucketSecureTransportPartial', at: verdict.partial, resource: b, data: { bucket: b.resource.address, limit: verdict.limit } });
      else ctx.undecidable(b, verdict, `whether a policy of bucket ${b.resource.address} denies insecure transport is unknown`);
    }

    for (const c of m.cacheClusters) {
      if (c.kind !== 'replication-group') continue;
      const t = c.transitEncryption;
      if (!isKnown(t)) { ctx.undecidable(c, t, `transit encryption of ${c.resource.address} is unknown: ${t.reason}`); continue; }
      if (!t.value) ctx.report({ messageId: 'cacheNoTransitEncryption', at: t, resource: c, data: { cache: c.resource.address, how: `\`${property(t)}\` ${how(t)}` } });
    }

    for (const store of m.facets.dataStores) {
      for (const t of store.inTransit ?? []) {
        if (undecided(ctx, store.owner, t.value, `whether the ${store.what} ${t.problem}`)) continue;
        if (!t.encrypted) ctx.report({ messageId: 'storePlainText', at: t.value, resource: store.owner, data: { what: store.what, problem: t.problem, property: property(t.value), how: how(t.value) } });
      }
    }

    function listener(l: EndpointListener): void {
      const name = l.owner.resource.address;
      if (!isKnown(l.protocol)) {
        ctx.undecidable(l.owner, l.protocol, `the protocol of listener ${name} is unknown: ${l.protocol.reason}`);
        return;
      }
      const protocol = l.protocol.value;
      const port = isKnown(l.port) ? String(l.port.value) : '?';
      if (l.backendProtocol !== undefined) classicListener(l, l.backendProtocol, protocol, port);
      else if (protocol === 'HTTP') httpListener(l, port);
      else if (TLS_PROTOCOLS.has(protocol)) tlsPolicy(l);
    }

    /** The lowest TLS version a viewer certificate or a custom domain accepts. */
    function minimumTls(owner: ModelResource, name: string, t: MinimumTls): void {
      const p = t.policy;
      if (t.of === 'custom-domain') {
        if (undecided(ctx, owner, p, `the TLS security policy of ${name}`)) return;
        if (t.weak) ctx.report({ messageId: 'apiDomainOldTls', at: p, resource: owner, data: { domain: name, property: property(p), how: how(p) } });
        return;
      }
      if (!isKnown(p)) { ctx.undecidable(owner, p, `the minimum TLS version of ${name} is unknown: ${p.reason}`); return; }
      if (!t.weak) return;
      if (p.provenance === 'default') ctx.report({ messageId: 'cloudfrontDefaultTls', at: p, resource: owner, data: { distribution: name, assumed: p.assumed } });
      else ctx.report({ messageId: 'cloudfrontOldTls', at: p, resource: owner, data: { distribution: name, version: p.value } });
    }

    function httpListener(l: EndpointListener, port: string): void {
      const listener = l.owner.resource.address;
      const last = l.action;
      if (!last) {
        ctx.report({ messageId: 'httpListener', at: l.protocol, resource: l.owner, data: { listener, port, action: 'none' } });
        return;
      }
      if (!isKnown(last.type)) { ctx.undecidable(l.owner, last.type, `the default action of ${listener} is unknown: ${last.type.reason}`); return; }
      if (last.type.value !== 'redirect') {
        ctx.report({ messageId: 'httpListener', at: l.protocol, resource: l.owner, data: { listener, port, action: last.type.value } });
        return;
      }
      const to = last.redirectProtocol;
      if (to && !isKnown(to)) { ctx.undecidable(l.owner, to, `the redirect protocol of ${listener} is unknown: ${to.reason}`); return; }
      if (to && to.value === 'HTTPS') return;
      const at: Val<unknown> = to ?? last.type;
      ctx.report({ messageId: 'redirectNotHttps', at, resource: l.owner, data: { listener, port, protocol: to ? to.value : 'the same protocol', how: to ? `\`${property(to)}\` ${how(to)}` : 'no redirect settings' } });
    }

    function tlsPolicy(l: EndpointListener): void {
      const p = l.tlsPolicy;
      if (!isKnown(p)) { ctx.undecidable(l.owner, p, `the TLS policy of ${l.owner.resource.address} is unknown: ${p.reason}`); return; }
      if (!l.weakTls) return;
      if (p.provenance === 'default') ctx.report({ messageId: 'defaultTlsPolicy', at: p, resource: l.owner, data: { listener: l.owner.resource.address, assumed: p.assumed } });
      else ctx.report({ messageId: 'oldTlsPolicy', at: p, resource: l.owner, data: { listener: l.owner.resource.address, policy: p.value } });
    }

    /** A listener that sets the protocol to its targets itself (classic load balancers). */
    function classicListener(l: EndpointListener, back: Val<string>, protocol: string, port: string): void {
      const listener = l.owner.resource.address;
      if (protocol === 'HTTP') ctx.report({ messageId: 'classicHttpListener', at: l.protocol, resource: l.owner, data: { listener, port, protocol } });
      else if (TLS_PROTOCOLS.has(protocol)) tlsPolicy(l);
      if (!isKnown(back)) { ctx.undecidable(l.owner, back, `the back-end protocol of ${listener} is unknown: ${back.reason}`); return; }
      // Plain text to the instances; an HTTP front end is already reported as a whole.
      if ((back.value === 'HTTP' || back.value === 'TCP') && protocol !== 'HTTP' && protocol !== 'TCP') {
        ctx.report({ messageId: 'classicPlainBackend', at: back, resource: l.owner, data: { listener, port, protocol: back.value, how: `\`${property(back)}\` ${how(back)}` } });
      }
    }
  },
});

/**
 * true: a statement denies insecure transport for every principal and every S3 action; false: none does;
 * `partial`: the only such statements leave out some principals or actions; an unknown value when one cannot be read.
 */
function secureTransport(b: Bucket): true | false | Val<unknown> | { partial: Val<unknown>; limit: string } {
  let unknown: Val<unknown> | undefined;
  let partial: { partial: Val<unknown>; limit: string } | undefined;
  for (const policy of b.policies) {
    // A document partly unreadable may hold the deny in its unreadable part.
    if (policy.unknown !== undefined) unknown ??= unknownVal(policy.origin, policy.unknown);
    for (const s of policy.statements) {
      if (!isKnown(s.effect)) { unknown ??= s.effect; continue; }
      if (s.effect.value !== 'Deny') continue;
      if (!isKnown(s.conditions)) { unknown ??= s.conditions; continue; }
      const denies = s.conditions.value.some((c) =>
        SECURE_TRANSPORT_OPERATORS.has(c.operator.toLowerCase()) && c.key.toLowerCase() === 'aws:securetransport' && c.values.some((v) => String(v).toLowerCase() === 'false'));
      if (!denies) continue;
      // Who it denies: every principal, or only some (a Deny for one role leaves everyone else on HTTP).
      if (s.notPrincipal) { partial ??= { partial: s.notPrincipal, limit: 'leaves out the principals of its NotPrincipal' }; continue; }
      if (s.principal) {
        if (!isKnown(s.principal)) { unknown ??= s.principal; continue; }
        if (!s.principal.value.anyone) { partial ??= { partial: s.principal, limit: 'applies only to some principals' }; continue; }
      }
      // What it denies: every S3 action (`s3:*`, `*`, or a NotAction list), or only some.
      if (s.notActions) return true;
      if (!isKnown(s.actions)) { unknown ??= s.actions; continue; }
      if (s.actions.value.some((a) => a === '*' || a.toLowerCase() === 's3:*')) return true;
      partial ??= { partial: s.actions, limit: `covers only ${s.actions.value.join(', ')}` };
    }
  }
  return unknown ?? partial ?? false;
}

/** How a value was arrived at, for messages: the default assumed, when it was not written. */
