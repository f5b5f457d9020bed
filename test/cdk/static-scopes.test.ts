/**
 * Static source mapping below library constructs: a `Stage` or `Construct` used as a folder,
 * and an L2 whose methods add children (`alb.addListener('Http', …)`), get their children from
 * the lines beside them that pass their variable as the scope.
 */
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../src/core/source.js';
import { SourceIndex, indexFile } from '../../src/graph/cdk/source.js';
import { dedent } from '../helpers/scan-snippet.js';

const APP = dedent(`
  import { App, Stack, Stage } from 'aws-cdk-lib';
  import * as ec2 from 'aws-cdk-lib/aws-ec2';
  import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
  import * as s3 from 'aws-cdk-lib/aws-s3';
  import { Construct } from 'constructs';

  class ShopStack extends Stack {
    public readonly vpc: ec2.Vpc;
    constructor(scope: Construct, id: string) {
      super(scope, id);
      this.vpc = new ec2.Vpc(this, 'Vpc');
      const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc: this.vpc });
      const listener = alb.addListener('Http', { port: 80 });
      const folder = new Construct(this, 'Media');
      new s3.Bucket(folder, 'Images');
      new ec2.SecurityGroup(this.vpc as Construct, 'Extra', { vpc: this.vpc });
      listener.addAction('Fixed', { action: elbv2.ListenerAction.fixedResponse(200) });
    }
  }

  class ShopStage extends Stage {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      new ShopStack(this, 'Shop');
    }
  }

  const app = new App();
  new ShopStage(app, 'Prod');
  const global = new Stage(app, 'Global');
  new ShopStage(global, 'Inner');
`);

function lineOf(p: string, idx: SourceIndex): number | string {
  const r = idx.resolve(p);
  return 'site' in r ? r.site.span.start.line : r.reason;
}

describe('static mapping below library constructs', () => {
  const idx = new SourceIndex();
  const errors: InputError[] = [];
  indexFile(idx, 'bin/app.ts', APP, errors);

  it('parses', () => expect(errors).toEqual([]));

  it('follows a plain Stage to the stages created inside it', () => {
    expect(lineOf('Global/Inner/Shop/Vpc/Resource', idx)).toBe(11);
    expect(lineOf('Prod/Shop/Vpc/Resource', idx)).toBe(11);
    // The stage itself stays on its own line.
    expect(lineOf('Global', idx)).toBe(30);
  });

  it('follows a Construct used as a folder to its children', () => {
    expect(lineOf('Prod/Shop/Media/Images/Resource', idx)).toBe(15);
    expect(lineOf('Global/Inner/Shop/Media/Images/Resource', idx)).toBe(15);
  });

  it('maps the children an L2 adds by a method to that call', () => {
    expect(lineOf('Prod/Shop/Alb/Http/Resource', idx)).toBe(13);
    expect(lineOf('Prod/Shop/Alb/Http/Fixed/Resource', idx)).toBe(17);
    expect(lineOf('Prod/Shop/Alb/SecurityGroup/Resource', idx)).toBe(12);
  });

  it('follows this.x and casts used as the scope', () => {
    expect(lineOf('Prod/Shop/Vpc/Extra/Resource', idx)).toBe(16);
    expect(lineOf('Prod/Shop/Vpc/PublicSubnet1/Subnet', idx)).toBe(11);
  });
});
