/**
 * CDK source mapping: from a construct path to the TypeScript line that created it.
 *
 * 1. `aws:cdk:creationStack`: the first frame in the app's own code. Frames carry the paths of
 *    the machine that synthesized; they are matched to files of the scan root by the longest
 *    path suffix that exists below the app folder (the folder of `cdk.json`), else the root.
 * 2. Statically: the app's TypeScript is parsed with `@babel/parser`
 *    (never executed) and every `new X(scope, 'Id', …)` or `helper(scope, 'Id', …)` whose id is
 *    a string literal or a template literal with static text is an "id site". A construct path
 *    is resolved top down: the first segment among all sites (preferring those outside
 *    classes: the app entry), each next segment among the sites inside the class the previous
 *    site instantiated (and the functions that class calls), until a segment is created by a
 *    library construct or a helper: everything below it belongs to that line. When the chain
 *    breaks, the deepest segment with a single site anywhere is used; else unresolved.
 *
 * The two halves live in app-source.ts (static) and creation-stack.ts (frames; source maps are
 * decoded in source-maps.ts); this module is their front.
 */
export { SourceIndex, findAppFolder, appEntry, indexAppSource, indexFile, type IdSite, type SourceIndexResult } from './app-source.js';
export { FrameMapper, parseFrame } from './creation-stack.js';
export { SourceMap } from './source-maps.js';
