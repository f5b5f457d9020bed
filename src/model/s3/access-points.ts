import type { ResourceGraph } from '../../graph/graph.js';
import { policyFromProperty } from '../iam/policy.js';
import { terraformPolicyFromProperty } from '../iam/terraform.js';
import type { CloudModel } from '../model.js';
import type { Path } from '../read.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import type { AccessPoint, PublicAccessBlock } from './types.js';

// AWS: "All block public access settings are enabled by default for access points. You must explicitly
// disable any settings that you don't want" (S3 User Guide, access-points-bpa-settings); the Terraform
// provider's four flags default to true likewise.
const FLAG_DEFAULT = 'true (AWS turns every block public access setting of an access point on unless it is turned off)';

/** How one input kind spells an access point. */
interface Spelling {
  types: string[];
  bucket: string;
  name: string;
  policy: string;
  /** The block, and its four settings in the model's order. */
  block: Path;
  flags: { blockPublicAcls: string; ignorePublicAcls: string; blockPublicPolicy: string; restrictPublicBuckets: string };
  vpc: Path;
  readPolicy: typeof policyFromProperty;
}

// AWS::S3::AccessPoint — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-accesspoint.html
const CLOUDFORMATION: Spelling = {
  types: ['AWS::S3::AccessPoint'],
  bucket: 'Bucket',
  name: 'Name',
  policy: 'Policy',
  block: ['PublicAccessBlockConfiguration'],
  flags: { blockPublicAcls: 'BlockPublicAcls', ignorePublicAcls: 'IgnorePublicAcls', blockPublicPolicy: 'BlockPublicPolicy', restrictPublicBuckets: 'RestrictPublicBuckets' },
  vpc: ['VpcConfiguration'],
  readPolicy: policyFromProperty,
};

// aws_s3_access_point — registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_access_point
const TERRAFORM: Spelling = {
  types: ['aws_s3_access_point'],
  bucket: 'bucket',
  name: 'name',
  policy: 'policy',
  block: ['public_access_block_configuration', 0],
  flags: { blockPublicAcls: 'block_public_acls', ignorePublicAcls: 'ignore_public_acls', blockPublicPolicy: 'block_public_policy', restrictPublicBuckets: 'restrict_public_buckets' },
  vpc: ['vpc_configuration', 0],
  readPolicy: terraformPolicyFromProperty,
};
// aws_s3control_access_point_policy — …/resources/s3control_access_point_policy (access_point_arn, policy)
const TF_ACCESS_POINT_POLICY = 'aws_s3control_access_point_policy';
const TF_ACCESS_POINT_ARN = 'access_point_arn';

export function cloudFormationAccessPoints(graph: ResourceGraph, model: CloudModel): void {
  for (const node of graph.ofType(...CLOUDFORMATION.types)) {
    if (node.source === 'terraform' || node.source === 'terraform-plan') continue;
    model.accessPoints.push(readAccessPoint(new PropertyReader(node, graph, 'Properties'), CLOUDFORMATION));
  }
}

export function terraformAccessPoints(graph: ResourceGraph, model: CloudModel): void {
  const byId = new Map<string, AccessPoint>();
  for (const node of graph.ofType(...TERRAFORM.types)) {
    if (node.mode !== 'managed') continue;
    const ap = readAccessPoint(new PropertyReader(node, graph, ''), TERRAFORM);
    byId.set(node.id, ap);
    model.accessPoints.push(ap);
  }
  for (const node of graph.ofType(TF_ACCESS_POINT_POLICY)) {
    if (node.mode !== 'managed') continue;
    const r = new PropertyReader(node, graph, '');
    const doc = terraformPolicyFromProperty(r, [TERRAFORM.policy]);
    if (!doc) continue;
    const target = r.value([TF_ACCESS_POINT_ARN]);
    const ap = target?.kind === 'ref' ? byId.get(target.target) : undefined;
    if (ap) {
      ap.policies.push(doc);
      continue;
    }
    // An access point outside the scan: its policy is still checked on its own; its settings are not known here.
    const at = r.origin([TF_ACCESS_POINT_ARN]);
    const assumed = 'the access point is not declared in the scan; only its policy is checked';
    const on = (): Val<boolean> => defaulted(true, at, assumed);
    model.accessPoints.push({
      resource: r.info(),
      name: r.str([TF_ACCESS_POINT_ARN]) ?? defaulted('', at, assumed),
      bucket: defaulted<Link>({}, at, assumed),
      policies: [doc],
      publicAccessBlock: { blockPublicAcls: on(), ignorePublicAcls: on(), blockPublicPolicy: on(), restrictPublicBuckets: on() },
      vpcOnly: defaulted(false, at, assumed),
    });
  }
}

function readAccessPoint(r: PropertyReader, s: Spelling): AccessPoint {
  const flag = (key: string): Val<boolean> => r.bool([...s.block, key], { value: true, assumed: FLAG_DEFAULT });
  const publicAccessBlock: PublicAccessBlock = {
    blockPublicAcls: flag(s.flags.blockPublicAcls),
    ignorePublicAcls: flag(s.flags.ignorePublicAcls),
    blockPublicPolicy: flag(s.flags.blockPublicPolicy),
    restrictPublicBuckets: flag(s.flags.restrictPublicBuckets),
  };
  const vpc = r.value(s.vpc);
  const vpcOnly = vpc === undefined || vpc.kind === 'null'
    ? defaulted(false, r.origin(s.vpc), 'network origin Internet (no VPC configuration)')
    : explicit(true, r.keyOrigin(s.vpc));
  const policy = s.readPolicy(r, [s.policy]);
  return {
    resource: r.info(),
    name: r.str([s.name]) ?? defaulted('', r.origin([s.name]), 'a name generated at deployment'),
    bucket: r.linkOr([s.bucket], 'no bucket named'),
    policies: policy ? [policy] : [],
    publicAccessBlock,
    vpcOnly,
  };
}
