import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { mentions } from '../mentions.js';

// AWS::Shield::Protection — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-shield-protection.html
// `ResourceArn`: the protected resource (load balancer, distribution, Elastic IP, Global Accelerator, Route 53 zone).
const PROTECTION = 'AWS::Shield::Protection';
const RESOURCE_ARN = 'ResourceArn';

export const adapter: Adapter = {
  service: 'shield',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(PROTECTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.shieldProtections.push({ resource: r.info(), target: r.linkOr([RESOURCE_ARN], 'no resource'), mentions: mentions(r, [RESOURCE_ARN]) });
    }
  },
};
