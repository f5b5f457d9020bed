/** The architecture diagram: built from the scan, drawn as SVG, Mermaid, DOT or JSON. */
export { buildDiagram, deploymentUnits, DiagramError, type DiagramOptions } from './build.js';
export { toDot, nodeIds } from './dot.js';
export { toMermaid } from './mermaid.js';
export { toSvg, iconDataUri } from './svg.js';
export { toDiagramJson, DIAGRAM_JSON_VERSION } from './json.js';
export type { Diagram, DiagramEdge, DiagramGroup, DiagramNode, NodeFinding } from './types.js';

export const DIAGRAM_FORMATS = ['svg', 'mermaid', 'dot', 'json'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
