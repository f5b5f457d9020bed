/** Terraform resources only (data sources have the same type names). For every Terraform adapter. */
export function managed<T extends { mode: string }>(nodes: T[]): T[] {
  return nodes.filter((n) => n.mode === 'managed');
}
