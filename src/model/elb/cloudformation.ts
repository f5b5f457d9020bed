import type { Adapter } from '../adapter.js';
import type { SubReader } from '../read.js';
import { defaulted, unknownVal } from '../val.js';
import { mapVal } from '../val-ops.js';
import { adaptLoadBalancers, sslDefault } from './common.js';

// AWS::ElasticLoadBalancingV2::LoadBalancer — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-loadbalancer.html
const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const SCHEME = 'Scheme';
const SUBNETS = 'Subnets';
const SECURITY_GROUPS = 'SecurityGroups';
const LB_ATTRIBUTES = 'LoadBalancerAttributes';
const ACCESS_LOGS_KEY = 'access_logs.s3.enabled';
const ACCESS_LOGS_BUCKET_KEY = 'access_logs.s3.bucket';
// AWS::ElasticLoadBalancingV2::Listener — aws-resource-elasticloadbalancingv2-listener.html (Action: aws-properties-elasticloadbalancingv2-listener-action.html)
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const PROTOCOL = 'Protocol';
const PORT = 'Port';
const TARGET_GROUP_ARN = 'TargetGroupArn';
const FORWARD_CONFIG = 'ForwardConfig';
const FORWARD_TARGET_GROUPS = 'TargetGroups';
// AWS::ElasticLoadBalancingV2::TargetGroup — aws-resource-elasticloadbalancingv2-targetgroup.html
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
// AWS::ElasticLoadBalancing::LoadBalancer (classic) — aws-resource-elasticloadbalancing-loadbalancer.html
// (Listeners: aws-properties-ec2-elb-listener.html; Policies: aws-properties-ec2-elb-policy.html)
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const POLICY_NAMES = 'PolicyNames';
const POLICIES = 'Policies';
const POLICY_NAME = 'PolicyName';
const POLICY_TYPE = 'PolicyType';
const POLICY_ATTRIBUTES = 'Attributes';
const REFERENCE_POLICY = 'Reference-Security-Policy';
const ACCESS_LOGGING_POLICY = 'AccessLoggingPolicy';

const INTERNET_FACING = { value: 'internet-facing', assumed: 'internet-facing (Scheme not set)' };

export const adapter: Adapter = {
  service: 'elb',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptLoadBalancers(graph, model, {
      properties: 'Properties',
      internetFacing: (r) => mapVal(r.str([SCHEME], INTERNET_FACING), (s) => s !== 'internal'),
      loadBalancer: {
        types: [LOAD_BALANCER],
        type: 'Type',
        subnets: SUBNETS,
        subnetMappings: 'SubnetMappings',
        subnetId: 'SubnetId',
        securityGroups: SECURITY_GROUPS,
        name: 'Name',
        // Access logs are key/value attributes: access_logs.s3.enabled and access_logs.s3.bucket.
        accessLogs: (r) => {
          const attribute = (key: string): SubReader | undefined => r.each([LB_ATTRIBUTES]).find((a) => a.str(['Key'])?.value === key);
          const on = attribute(ACCESS_LOGS_KEY);
          return {
            enabled: on ? on.bool(['Value'], { value: false, assumed: 'access logs off' }) : defaulted(false, r.origin([LB_ATTRIBUTES]), `access logs off: no ${ACCESS_LOGS_KEY} attribute`),
            bucket: attribute(ACCESS_LOGS_BUCKET_KEY)?.link(['Value']),
          };
        },
      },
      listener: {
        types: [LISTENER],
        ruleTypes: [LISTENER_RULE],
        loadBalancer: 'LoadBalancerArn',
        // Required in CloudFormation: absent, it is unknown.
        protocol: (r) => r.str([PROTOCOL]) ?? unknownVal(r.origin([PROTOCOL]), `${PROTOCOL} is not set`),
        port: PORT,
        sslPolicy: 'SslPolicy',
        defaultActions: 'DefaultActions',
        action: {
          type: 'Type',
          redirect: { name: 'RedirectConfig', as: 'map' },
          protocol: PROTOCOL,
          targetGroup: TARGET_GROUP_ARN,
          forwardTargetGroup: (a) => a.each([FORWARD_CONFIG, FORWARD_TARGET_GROUPS])[0]?.link([TARGET_GROUP_ARN]),
        },
      },
      targetGroup: { types: [TARGET_GROUP], targetType: 'TargetType', protocol: PROTOCOL, port: PORT, targets: { list: 'Targets', id: 'Id' } },
      classic: {
        type: CLASSIC,
        subnets: SUBNETS,
        securityGroups: SECURITY_GROUPS,
        name: 'LoadBalancerName',
        accessLogs: (r) => ({
          enabled: r.bool([ACCESS_LOGGING_POLICY, 'Enabled'], { value: false, assumed: 'access logs off' }),
          bucket: r.link([ACCESS_LOGGING_POLICY, 'S3BucketName']),
        }),
        // Classic load balancers register instances inline: Instances.
        instances: 'Instances',
        listeners: 'Listeners',
        listenerProtocol: PROTOCOL,
        listenerPort: 'LoadBalancerPort',
        instanceProtocol: 'InstanceProtocol',
        // SSL negotiation policies declared on the load balancer (Policies), named by the listener's PolicyNames.
        sslPolicies: () => (lb, l, _port, protocol) => {
          const policies = new Map<string, SubReader>();
          for (const p of lb.each([POLICIES])) {
            const name = p.str([POLICY_NAME]);
            if (name?.provenance === 'explicit') policies.set(name.value, p);
          }
          const names = l.strList([POLICY_NAMES]);
          const dflt = sslDefault(protocol);
          if (names?.provenance === 'unknown') return names;
          for (const name of names?.value ?? []) {
            const p = policies.get(name);
            if (!p || p.str([POLICY_TYPE])?.value !== 'SSLNegotiationPolicyType') continue;
            const ref = p.each([POLICY_ATTRIBUTES]).find((a) => a.str(['Name'])?.value === REFERENCE_POLICY);
            const v = ref?.str(['Value']);
            if (v) return v;
            return unknownVal(p.origin(), `custom SSL negotiation policy ${name}`);
          }
          return defaulted(dflt.value, names?.origin ?? l.origin(), dflt.assumed);
        },
      },
    });
  },
};
