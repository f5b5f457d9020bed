import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// AWS::CodePipeline::Pipeline — `ArtifactStore { Location }` or `ArtifactStores [{ ArtifactStore { Location } }]` (a bucket name).
const PIPELINE = 'AWS::CodePipeline::Pipeline';

export const adapter: Adapter = {
  service: 'codepipeline',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(PIPELINE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const one = r.link(['ArtifactStore', 'Location']);
      const many = r.each(['ArtifactStores']).flatMap((s) => s.link(['ArtifactStore', 'Location']) ?? []);
      model.pipelines.push({ resource: r.info(), artifactBuckets: [...(one ? [one] : []), ...many] });
    }
  },
};
