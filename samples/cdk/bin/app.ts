#!/usr/bin/env node
// The retail storefront: `cdk synth` (or the sample test) runs this file.
import { App } from 'aws-cdk-lib';
import { defineRetailApp } from '../lib/retail-app.js';

const app = new App();
defineRetailApp(app);
app.synth();
