import type { ResourceGraph } from '../graph/graph.js';
import type { CloudModel } from './model.js';

/**
 * An adapter projects graph nodes of one service and one input kind into the model.
 * Each service folder has `cloudformation.ts` and `terraform.ts` exporting one.
 * Adapters push into the model; they never read another adapter's output
 * (joins across services happen in `link.ts`).
 */
export interface Adapter {
  service: string;
  source: 'cloudformation' | 'terraform';
  adapt(graph: ResourceGraph, model: CloudModel): void;
  /**
   * Set when what the adapter pushes is, node after node of `graph.nodes`, made from that node alone
   * (not from other nodes, edges or providers): over two graphs that differ in a few nodes, it then
   * differs at most in what it makes of those nodes (the AllowedValues scenarios compare only them).
   */
  perNode?: true;
}
