import { createRequire } from 'node:module';
import type { Language as TsLanguage, Parser as TsParser } from 'web-tree-sitter';

let loading: Promise<TsParser> | undefined;

/** Loads web-tree-sitter and the Terraform grammar once, on first use. */
export function terraformParser(): Promise<TsParser> {
  if (!loading) {
    loading = (async () => {
      const ts = await import('web-tree-sitter');
      const require = createRequire(import.meta.url);
      await ts.Parser.init();
      const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
      const lang: TsLanguage = await ts.Language.load(wasm);
      const parser = new ts.Parser();
      parser.setLanguage(lang);
      return parser;
    })();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
