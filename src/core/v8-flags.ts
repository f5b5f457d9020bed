/**
 * Whether Node was started with a V8 flag (`node --flag=value …` or `node --flag value …`, dashes or
 * underscores). The scanner tunes some V8 flags at run time and leaves a flag alone when whoever
 * started Node chose it. Only the command line counts: Node refuses these flags in NODE_OPTIONS.
 */
export function v8FlagGiven(execArgv: readonly string[], flag: string): boolean {
  const spelled = new RegExp(`^--${flag.replace(/^--/, '').replace(/[-_]/g, '[-_]')}(=|$)`);
  return execArgv.some((a) => spelled.test(a));
}
