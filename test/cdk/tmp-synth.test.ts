import { it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { defineRetailApp } from '../../samples/cdk/lib/retail-app.js';
it('synth', () => {
  const app = new App({ outdir: '/tmp/cdkout-exp', analyticsReporting: false, context: { 'aws:cdk:enable-path-metadata': true } });
  defineRetailApp(app);
  app.synth();
});
