import type { ResourceGraph } from '../../graph/graph.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import { queueStore } from './facets.js';
import type { Queue } from './types.js';

/** How one input kind spells a queue: its resource type, where its properties sit, and their names. */
export interface QueueSpelling {
  type: string;
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  managedSse: string;
  name: string;
  kmsKey: string;
}

/** Reads every queue of the graph with one input kind's spelling: one reader for both kinds. */
export function adaptQueues(graph: ResourceGraph, model: CloudModel, s: QueueSpelling): void {
  for (const node of graph.ofType(s.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const kmsKey = r.str([s.kmsKey], { value: '', assumed: 'no KMS key' });
    // SSE-SQS is on by default for new queues, unless a KMS key is set instead.
    const managedSse = r.bool([s.managedSse], { value: !r.has([s.kmsKey]), assumed: 'SSE-SQS on for queues created since late 2022' });
    const queue: Queue = { resource: r.info(), managedSse, kmsKey };
    model.queues.push(queue);
    model.facets.dataStores.push(queueStore(queue));
    model.facets.monitored.push(monitored(queue, 'SQS queue', { namespaces: ['AWS/SQS'], dimension: 'QueueName', suggest: 'ApproximateAgeOfOldestMessage or ApproximateNumberOfMessagesVisible', ...named(r.str([s.name])) }));
  }
}
