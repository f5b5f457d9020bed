import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../src/graph/graph.js';
import type { ResourceNode } from '../../src/graph/graph.js';
import { emptyModel } from '../../src/model/model.js';
import { findBucket } from '../../src/model/s3/query.js';
import type { Bucket } from '../../src/model/s3/types.js';
import { resource, val } from '../helpers/model-builders.js';

// Lookups the adapters and linkers make thousands of times on a large scan: by type in the graph,
// buckets by id and by name in the model. They answer what a walk over every item answers.

/** A graph node of `type` at `address` with no properties, in the test file. */
function node(address: string, type: string, mode: ResourceNode['mode'] = 'managed'): ResourceNode {
  const info = resource(address, type).resource;
  return { ...info, mode, file: info.span.file, properties: { kind: 'map', entries: new Map(), keySpans: new Map(), span: info.span }, dependsOn: [] } as unknown as ResourceNode;
}

describe('ResourceGraph.ofType', () => {
  it('several types come back in graph order (sorted or not), each node once, data sources left out', () => {
    const g = new ResourceGraph();
    g.add({ nodes: [node('c', 'B'), node('a', 'A'), node('d', 'A', 'data'), node('b', 'B'), node('e', 'C')], edges: [] });
    // Not sorted yet: the order they were added in.
    expect(g.ofType('A', 'B').map((n) => n.address)).toEqual(['c', 'a', 'b']);
    g.sort();
    expect(g.ofType('B', 'A', 'B').map((n) => n.address)).toEqual(['a', 'b', 'c']);
    expect(g.ofType('C', 'X').map((n) => n.address)).toEqual(['e']);
    expect(g.ofType('X')).toEqual([]);
    // A graph that grows is looked up again, in its new order.
    g.add({ nodes: [node('0', 'C')], edges: [] });
    g.sort();
    expect(g.ofType('A', 'C').map((n) => n.address)).toEqual(['0', 'a', 'e']);
    // What is handed out is a copy: changing it changes nothing for the next caller.
    g.ofType('A', 'C').length = 0;
    g.ofType('A').length = 0;
    expect(g.ofType('A', 'C')).toHaveLength(3);
  });
});

describe('findBucket', () => {
  const bucket = (address: string, name: string | undefined, target = 'model.yaml'): Bucket => {
    const r = resource(address, 'AWS::S3::Bucket');
    r.resource.context = { ...r.resource.context, target: { id: target, label: target } };
    return { ...r, name: name === undefined ? val.unknown('generated') : val.set(name) } as unknown as Bucket;
  };

  it('by id, by name or ARN; of several copies of a name the one beside the referrer; a bucket added later is found', () => {
    const model = emptyModel();
    const first = bucket('Logs', 'logs');
    const other = bucket('LogsOther', 'logs', 'other.yaml');
    model.buckets.push(first, bucket('Anon', undefined), other);
    expect(findBucket(model, { id: other.resource.id })).toBe(other);
    expect(findBucket(model, { literal: 'arn:aws:s3:::logs/prefix/*' })).toBe(first);
    expect(findBucket(model, { literal: 'logs' }, other.resource)).toBe(other);
    expect(findBucket(model, { literal: 'missing' })).toBeUndefined();
    const late = bucket('Late', 'late');
    model.buckets.push(late);
    expect(findBucket(model, { literal: 'late' })).toBe(late);
    expect(findBucket(model, { id: late.resource.id })).toBe(late);
  });
});
