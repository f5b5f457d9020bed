/** `encryption-in-transit` on API Gateway custom domain names (their TLS security policy). */
import rule from '../../rules/security/encryption-in-transit.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('REST custom domains on the default policy and on TLS_1_0', `
    Resources:
      Shop:
        Type: AWS::ApiGateway::DomainName
        Properties:
          DomainName: api.shop.example.com
          RegionalCertificateArn: arn:aws:acm:eu-west-1:111111111111:certificate/1
          EndpointConfiguration: { Types: [REGIONAL] }
      Legacy:
        Type: AWS::ApiGateway::DomainName
        Properties:
          DomainName: legacy.shop.example.com
          CertificateArn: arn:aws:acm:us-east-1:111111111111:certificate/2
          SecurityPolicy: TLS_1_0
  `, [{ messageId: 'apiDomainOldTls', line: 2, column: 3 }, { messageId: 'apiDomainOldTls', line: 13, column: 23 }]),
  cfn('REST and v2 custom domains on TLS 1.2; a policy from a parameter without default is undecidable', `
    Parameters:
      Policy: { Type: String }
    Resources:
      Shop:
        Type: AWS::ApiGateway::DomainName
        Properties:
          DomainName: api.shop.example.com
          RegionalCertificateArn: arn:aws:acm:eu-west-1:111111111111:certificate/1
          EndpointConfiguration: { Types: [REGIONAL] }
          SecurityPolicy: TLS_1_2
      Mobile:
        Type: AWS::ApiGatewayV2::DomainName
        Properties:
          DomainName: m.shop.example.com
          DomainNameConfigurations:
            - CertificateArn: arn:aws:acm:eu-west-1:111111111111:certificate/3
              EndpointType: REGIONAL
              SecurityPolicy: TLS_1_2
      Other:
        Type: AWS::ApiGateway::DomainName
        Properties:
          DomainName: other.shop.example.com
          RegionalCertificateArn: arn:aws:acm:eu-west-1:111111111111:certificate/1
          SecurityPolicy: !Ref Policy
  `, [], { undecidable: [{ line: 24, column: 23 }] }),
  tf('aws_api_gateway_domain_name without security_policy; a v2 domain on TLS_1_0', `
    resource "aws_api_gateway_domain_name" "shop" {
      domain_name              = "api.shop.example.com"
      regional_certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/1"
    }

    resource "aws_apigatewayv2_domain_name" "legacy" {
      domain_name = "legacy.shop.example.com"
      domain_name_configuration {
        certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/2"
        endpoint_type   = "REGIONAL"
        security_policy = "TLS_1_0"
      }
    }
  `, [{ messageId: 'apiDomainOldTls', line: 1, column: 1 }, { messageId: 'apiDomainOldTls', line: 11, column: 23 }]),
  tf('custom domains on TLS_1_2', `
    resource "aws_api_gateway_domain_name" "shop" {
      domain_name              = "api.shop.example.com"
      regional_certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/1"
      security_policy          = "TLS_1_2"
    }

    resource "aws_apigatewayv2_domain_name" "mobile" {
      domain_name = "m.shop.example.com"
      domain_name_configuration {
        certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/3"
        endpoint_type   = "REGIONAL"
        security_policy = "TLS_1_2"
      }
    }
  `),
]);
