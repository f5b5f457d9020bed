import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// aws_codepipeline — `artifact_store { location }` (one block per region for cross-region pipelines; a bucket name).
const PIPELINE = 'aws_codepipeline';

export const adapter: Adapter = {
  service: 'codepipeline',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(PIPELINE)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.pipelines.push({ resource: r.info(), artifactBuckets: r.each(['artifact_store']).flatMap((s) => s.link(['location']) ?? []) });
    }
  },
};
