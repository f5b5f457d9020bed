/** The diagram as JSON for other tools: nodes, edges and groups, versioned. */
import type { Diagram } from './types.js';

export const DIAGRAM_JSON_VERSION = 1;

export function toDiagramJson(diagrams: Diagram[]): string {
  return JSON.stringify({ version: DIAGRAM_JSON_VERSION, diagrams }, null, 2) + '\n';
}
