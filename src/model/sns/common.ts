import type { ResourceGraph } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import { topicStore } from './facets.js';
import type { Topic } from './types.js';

/** How one input kind spells a topic: its resource type, where its properties sit, the key's name. */
export interface TopicSpelling {
  type: string;
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  kmsKey: string;
}

/** Reads every topic of the graph with one input kind's spelling: one reader for both kinds. */
export function adaptTopics(graph: ResourceGraph, model: CloudModel, s: TopicSpelling): void {
  for (const node of graph.ofType(s.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const topic: Topic = { resource: r.info(), kmsKey: r.str([s.kmsKey], { value: '', assumed: 'no encryption at rest' }) };
    model.topics.push(topic);
    model.facets.dataStores.push(topicStore(topic));
  }
}
