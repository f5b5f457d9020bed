import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { mentions } from '../mentions.js';

// aws_shield_protection — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/shield_protection
// `resource_arn`: the protected resource.
const PROTECTION = 'aws_shield_protection';
const RESOURCE_ARN = 'resource_arn';

export const adapter: Adapter = {
  service: 'shield',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(PROTECTION)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.shieldProtections.push({ resource: r.info(), target: r.linkOr([RESOURCE_ARN], 'no resource'), mentions: mentions(r, [RESOURCE_ARN]) });
    }
  },
};
