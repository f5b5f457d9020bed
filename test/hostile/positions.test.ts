/**
 * Issue 7 item 1: an unexpected exception is reported at the closest place known — the expression or
 * value being evaluated, else the resource being built — not at the start of its unit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateEvaluator } from '../../src/graph/cloudformation/evaluate.js';
import { ModuleInstance } from '../../src/graph/terraform/instance.js';
import { scanFiles } from '../helpers/scan-snippet.js';
import { SIBLING } from './helpers.js';

vi.mock('../../src/graph/terraform/functions.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/graph/terraform/functions.js')>();
  return {
    ...real,
    callFunction: (...args: Parameters<typeof real.callFunction>) => {
      if (args[0] === 'upper') throw new TypeError('boom in upper');
      return real.callFunction(...args);
    },
  };
});

afterEach(() => vi.restoreAllMocks());

const internal = (out: Awaited<ReturnType<typeof scanFiles>>) => out.result.errors.filter((e) => e.kind === 'internal').map(({ file, line, column }) => ({ file, line, column }));
const siblingFound = (out: Awaited<ReturnType<typeof scanFiles>>) => expect(out.result.findings.some((f) => f.location.span.file === 'sibling/bucket.yaml')).toBe(true);

describe('internal errors at the closest position', () => {
  it('Terraform: at the expression whose evaluation threw', async () => {
    const tf = ['resource "aws_s3_bucket" "a" {', '  bucket = "a"', '  tags = {', '    Name = upper("x")', '  }', '}', ''].join('\n');
    const out = await scanFiles({ 'main.tf': tf, ...SIBLING });
    expect(internal(out)).toEqual([{ file: 'main.tf', line: 4, column: 12 }]);
    expect(out.result.errors.find((e) => e.kind === 'internal')!.message).toMatch(/boom in upper/);
    siblingFound(out);
  });

  it('Terraform: at the resource block when no expression was being evaluated', async () => {
    type WithProvider = { providerFor: (b: { labels: string[] }) => unknown };
    const real = (ModuleInstance.prototype as unknown as WithProvider).providerFor;
    vi.spyOn(ModuleInstance.prototype as unknown as WithProvider, 'providerFor').mockImplementation(function (this: unknown, b) {
      if (b.labels[1] === 'bad') throw new Error('boom in providerFor');
      return real.call(this, b);
    });
    const tf = ['resource "aws_s3_bucket" "good" {', '  bucket = "g"', '}', '', 'resource "aws_s3_bucket" "bad" {', '  bucket = "b"', '}', ''].join('\n');
    const out = await scanFiles({ 'main.tf': tf, ...SIBLING });
    expect(internal(out)).toEqual([{ file: 'main.tf', line: 5, column: 1 }]);
    siblingFound(out);
  });

  it('CloudFormation: at the value being evaluated, else at the resource', async () => {
    const evalIntrinsic = (TemplateEvaluator.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)['evalIntrinsic']!;
    vi.spyOn(TemplateEvaluator.prototype as unknown as Record<string, (...a: unknown[]) => unknown>, 'evalIntrinsic').mockImplementation(function (this: unknown, ...a: unknown[]) {
      if (a[0] === 'Fn::Base64') throw new Error('boom in Base64');
      return evalIntrinsic.apply(this, a);
    });
    const yaml = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: !Base64 x', ''].join('\n');
    const out = await scanFiles({ 't.yaml': yaml, ...SIBLING });
    expect(internal(out)).toEqual([{ file: 't.yaml', line: 6, column: 19 }]);
    siblingFound(out);

    vi.restoreAllMocks();
    const evaluate = TemplateEvaluator.prototype.evaluate;
    vi.spyOn(TemplateEvaluator.prototype, 'evaluate').mockImplementation(function (this: TemplateEvaluator, ...a: Parameters<typeof evaluate>) {
      if (a[0].kind === 'scalar' && a[0].value === 'Retain') throw new Error('boom in DeletionPolicy');
      return evaluate.apply(this, a);
    });
    const policy = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Keep:', '    Type: AWS::S3::Bucket', '    DeletionPolicy: Retain', ''].join('\n');
    const out2 = await scanFiles({ 't.yaml': policy, ...SIBLING });
    expect(internal(out2)).toEqual([{ file: 't.yaml', line: 3, column: 3 }]);
    siblingFound(out2);
  });
});
