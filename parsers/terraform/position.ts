import type { Position } from '../../src/core/source.js';

/** Lines and columns up to these share one `Position` object each (`position`); the table stays at most this big. */
const SHARED_LINES = 4096;
const SHARED_COLUMNS = 256;
const positions: Position[][] = [];

/**
 * The position at a line and column, one object for each pair: a graph keeps several spans per resource,
 * two positions each (40 bytes apiece), and a whole corpus uses only a few thousand distinct pairs.
 * Positions are never changed after they are made. Far lines and columns (a huge generated file) get
 * an object of their own, so the table stays small.
 */
export function position(line: number, column: number): Position {
  if (line > SHARED_LINES || column > SHARED_COLUMNS) return { line, column };
  const row = (positions[line] ??= []);
  return (row[column] ??= { line, column });
}
