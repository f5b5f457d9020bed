import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// aws_ssm_parameter — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_parameter
// `type` is required: String, StringList or SecureString; `name` is required.
const PARAMETER = 'aws_ssm_parameter';
const TYPE = 'type';
const NAME = 'name';

export const adapter: Adapter = {
  service: 'ssm',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(PARAMETER)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.ssmParameters.push({
        resource: r.info(),
        type: r.str([TYPE], { value: 'String', assumed: 'a String parameter' }),
        name: r.str([NAME], { value: '', assumed: 'no name' }),
      });
    }
  },
};
