import rule from '../../rules/security/encryption-in-transit.js';
import { cfn, ruleTester, tf } from './tester.js';

const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef';
const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abcdef01-2345-6789-abcd-ef0123456789';

ruleTester(rule, [
  // Load balancer listeners
  cfn('an HTTP listener that forwards', `
    Resources:
      Http:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTP
          Port: 80
          DefaultActions:
            - Type: forward
              TargetGroupArn: ${TG_ARN}
  `, [{ messageId: 'httpListener', line: 6, column: 17 }]),
  cfn('an HTTP listener redirecting without a protocol keeps HTTP (default #{protocol})', `
    Resources:
      Http:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTP
          Port: 80
          DefaultActions:
            - Type: redirect
              RedirectConfig:
                Host: www.example.com
                StatusCode: HTTP_301
  `, [{ messageId: 'redirectNotHttps', line: 11, column: 13 }]),
  cfn('an HTTP listener redirecting to HTTPS passes; an HTTPS listener with a TLS 1.2 policy passes', `
    Resources:
      Http:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTP
          Port: 80
          DefaultActions:
            - Type: redirect
              RedirectConfig:
                Protocol: HTTPS
                Port: '443'
                StatusCode: HTTP_301
      Https:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTPS
          Port: 443
          SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
          Certificates: [{ CertificateArn: ${CERT} }]
          DefaultActions:
            - Type: fixed-response
              FixedResponseConfig: { StatusCode: '404' }
  `),
  cfn('an HTTPS listener with an old policy, and one with none (default ELBSecurityPolicy-2016-08)', `
    Resources:
      Old:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTPS
          Port: 443
          SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01
          Certificates: [{ CertificateArn: ${CERT} }]
          DefaultActions:
            - Type: fixed-response
              FixedResponseConfig: { StatusCode: '404' }
      Unset:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: TLS
          Port: 8443
          Certificates: [{ CertificateArn: ${CERT} }]
          DefaultActions:
            - Type: forward
              TargetGroupArn: ${TG_ARN}
  `, [{ messageId: 'oldTlsPolicy', line: 8, column: 18 }, { messageId: 'defaultTlsPolicy', line: 13, column: 3 }]),
  cfn('a listener protocol from an unresolved parameter is undecidable', `
    Parameters:
      Proto:
        Type: String
    Resources:
      L:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: !Ref Proto
          Port: 80
          DefaultActions:
            - Type: forward
              TargetGroupArn: ${TG_ARN}
  `, [], { undecidable: [{ line: 9, column: 17 }] }),
  // Target groups (1.26)
  cfn('an HTTP target group behind an HTTPS listener', `
    Resources:
      Tg:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Protocol: HTTP
          Port: 8080
          VpcId: vpc-0123456789abcdef0
      Https:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTPS
          Port: 443
          SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
          DefaultActions:
            - Type: forward
              TargetGroupArn: !Ref Tg
  `, [{ messageId: 'httpTargetGroup', line: 5, column: 17 }]),
  cfn('an HTTPS target group, and an HTTP one that no listener uses, pass', `
    Resources:
      Tg:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Protocol: HTTPS
          Port: 8443
          VpcId: vpc-0123456789abcdef0
      Unused:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Protocol: HTTP
          Port: 8080
          VpcId: vpc-0123456789abcdef0
      Https:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: ${LB_ARN}
          Protocol: HTTPS
          Port: 443
          SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
          DefaultActions:
            - Type: forward
              ForwardConfig:
                TargetGroups:
                  - TargetGroupArn: !Ref Tg
  `),
  // Classic load balancers
  cfn('a classic load balancer: HTTP front end, and HTTPS to plain HTTP instances', `
    Resources:
      Elb:
        Type: AWS::ElasticLoadBalancing::LoadBalancer
        Properties:
          Subnets: [subnet-0123456789abcdef0]
          Listeners:
            - LoadBalancerPort: '80'
              InstancePort: '80'
              Protocol: HTTP
            - LoadBalancerPort: '443'
              InstancePort: '80'
              Protocol: HTTPS
              InstanceProtocol: HTTP
              SSLCertificateId: ${CERT}
              PolicyNames: [Tls12]
          Policies:
            - PolicyName: Tls12
              PolicyType: SSLNegotiationPolicyType
              Attributes:
                - Name: Reference-Security-Policy
                  Value: ELBSecurityPolicy-TLS-1-2-2017-01
  `, [{ messageId: 'classicHttpListener', line: 9, column: 21 }, { messageId: 'classicPlainBackend', line: 13, column: 29 }]),
  cfn('a classic SSL listener to SSL instances with a TLS 1.2 reference policy passes', `
    Resources:
      Elb:
        Type: AWS::ElasticLoadBalancing::LoadBalancer
        Properties:
          Subnets: [subnet-0123456789abcdef0]
          Listeners:
            - LoadBalancerPort: '443'
              InstancePort: '443'
              Protocol: SSL
              InstanceProtocol: SSL
              SSLCertificateId: ${CERT}
              PolicyNames: [Tls12]
          Policies:
            - PolicyName: Tls12
              PolicyType: SSLNegotiationPolicyType
              Attributes:
                - Name: Reference-Security-Policy
                  Value: ELBSecurityPolicy-TLS-1-2-2017-01
  `),
  // CloudFront
  cfn('CloudFront: allow-all viewers, the default certificate, an http-only origin', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: app
                DomainName: app.example.com
                CustomOriginConfig:
                  OriginProtocolPolicy: http-only
            DefaultCacheBehavior:
              TargetOriginId: app
              ViewerProtocolPolicy: allow-all
  `, [{ messageId: 'cloudfrontDefaultTls', line: 2, column: 3 }, { messageId: 'cloudfrontOriginHttp', line: 11, column: 37 }, { messageId: 'cloudfrontAllowAll', line: 14, column: 33 }]),
  cfn('CloudFront: a custom certificate with TLSv1.1_2016 and a match-viewer origin in a cache behavior', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: app
                DomainName: app.example.com
                CustomOriginConfig:
                  OriginProtocolPolicy: match-viewer
            DefaultCacheBehavior:
              TargetOriginId: app
              ViewerProtocolPolicy: https-only
            CacheBehaviors:
              - PathPattern: /legacy/*
                TargetOriginId: app
                ViewerProtocolPolicy: allow-all
            ViewerCertificate:
              AcmCertificateArn: ${CERT}
              SslSupportMethod: sni-only
              MinimumProtocolVersion: TLSv1.1_2016
  `, [{ messageId: 'cloudfrontOriginHttp', line: 11, column: 37 }, { messageId: 'cloudfrontAllowAll', line: 18, column: 35 }, { messageId: 'cloudfrontOldTls', line: 22, column: 35 }]),
  cfn('CloudFront: a custom certificate without MinimumProtocolVersion (default TLSv1)', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: site
                DomainName: site.s3.amazonaws.com
                S3OriginConfig: {}
            DefaultCacheBehavior:
              TargetOriginId: site
              ViewerProtocolPolicy: redirect-to-https
            ViewerCertificate:
              AcmCertificateArn: ${CERT}
              SslSupportMethod: sni-only
  `, [{ messageId: 'cloudfrontDefaultTls', line: 14, column: 9 }]),
  cfn('CloudFront: custom certificate, TLSv1.2_2021, redirect-to-https, https-only origin passes', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: app
                DomainName: app.example.com
                CustomOriginConfig:
                  OriginProtocolPolicy: https-only
            DefaultCacheBehavior:
              TargetOriginId: app
              ViewerProtocolPolicy: redirect-to-https
            ViewerCertificate:
              AcmCertificateArn: ${CERT}
              SslSupportMethod: sni-only
              MinimumProtocolVersion: TLSv1.2_2021
  `),
  // S3
  cfn('a bucket without a secure-transport policy', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
  `, [{ messageId: 'bucketNoSecureTransport', line: 2, column: 3 }]),
  cfn('a bucket whose policy only allows is still a finding', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Data
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: arn:aws:iam::123456789012:root }
                Action: s3:GetObject
                Resource: !Sub '\${Data.Arn}/*'
  `, [{ messageId: 'bucketNoSecureTransport', line: 2, column: 3 }]),
  cfn('a bucket whose policy denies aws:SecureTransport false passes', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Data
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: '*'
                Action: 's3:*'
                Resource: [!GetAtt Data.Arn, !Sub '\${Data.Arn}/*']
                Condition:
                  Bool:
                    aws:SecureTransport: 'false'
  `),
  // Regression: a secure-transport Deny that names one principal or a few actions leaves the rest on HTTP.
  cfn('a secure-transport deny for s3:GetObject only is partial', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Data
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: '*'
                Action: s3:GetObject
                Resource: !Sub '\${Data.Arn}/*'
                Condition: {Bool: {aws:SecureTransport: 'false'}}
  `, [{ messageId: 'bucketSecureTransportPartial', line: 12, column: 21 }]),
  cfn('a secure-transport deny for one role only is partial', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Data
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: {AWS: 'arn:aws:iam::111122223333:role/app'}
                Action: 's3:*'
                Resource: [!GetAtt Data.Arn, !Sub '\${Data.Arn}/*']
                Condition: {Bool: {aws:SecureTransport: 'false'}}
  `, [{ messageId: 'bucketSecureTransportPartial', line: 11, column: 24 }]),
  cfn('a secure-transport deny in BoolIfExists with a list value, AWS "*" and a Sub variable map passes', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Data
          PolicyDocument:
            Statement:
              - Effect: Deny
                Principal: {AWS: '*'}
                Action: ['s3:*']
                Resource:
                  - !Sub ['arn:\${AWS::Partition}:s3:::\${Name}/*', {Name: !Ref Data}]
                Condition:
                  BoolIfExists:
                    aws:SecureTransport: [false]
  `),
  // ElastiCache
  cfn('a replication group without transit encryption (default off)', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          Engine: redis
          CacheNodeType: cache.t3.micro
          NumCacheClusters: 2
  `, [{ messageId: 'cacheNoTransitEncryption', line: 2, column: 3 }]),
  cfn('a replication group with transit encryption passes', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          Engine: redis
          CacheNodeType: cache.t3.micro
          NumCacheClusters: 2
          TransitEncryptionEnabled: true
  `),
  // Terraform
  tf('an HTTP listener that forwards (protocol defaults to HTTP)', `
    resource "aws_lb" "web" {
      subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    }

    resource "aws_lb_listener" "http" {
      load_balancer_arn = aws_lb.web.arn
      port              = 80
      default_action {
        type             = "forward"
        target_group_arn = "${TG_ARN}"
      }
    }
  `, [{ messageId: 'httpListener', line: 5, column: 1 }]),
  tf('a redirect without a protocol keeps HTTP', `
    resource "aws_lb_listener" "http" {
      load_balancer_arn = "${LB_ARN}"
      port              = 80
      protocol          = "HTTP"
      default_action {
        type = "redirect"
        redirect {
          host        = "www.example.com"
          status_code = "HTTP_301"
        }
      }
    }
  `, [{ messageId: 'redirectNotHttps', line: 7, column: 5 }]),
  tf('HTTPS listeners: an old policy and no policy (default ELBSecurityPolicy-2016-08)', `
    resource "aws_lb_listener" "old" {
      load_balancer_arn = "${LB_ARN}"
      port              = 443
      protocol          = "HTTPS"
      ssl_policy        = "ELBSecurityPolicy-FS-2018-06"
      certificate_arn   = "${CERT}"
      default_action {
        type = "fixed-response"
        fixed_response {
          content_type = "text/plain"
          status_code  = "404"
        }
      }
    }

    resource "aws_alb_listener" "unset" {
      load_balancer_arn = "${LB_ARN}"
      port              = 443
      protocol          = "HTTPS"
      certificate_arn   = "${CERT}"
      default_action {
        type             = "forward"
        target_group_arn = "${TG_ARN}"
      }
    }
  `, [{ messageId: 'oldTlsPolicy', line: 5, column: 23 }, { messageId: 'defaultTlsPolicy', line: 16, column: 1 }]),
  tf('an HTTPS redirect and a TLS 1.2 policy pass', `
    resource "aws_lb_listener" "http" {
      load_balancer_arn = "${LB_ARN}"
      port              = 80
      protocol          = "HTTP"
      default_action {
        type = "redirect"
        redirect {
          port        = "443"
          protocol    = "HTTPS"
          status_code = "HTTP_301"
        }
      }
    }

    resource "aws_lb_listener" "https" {
      load_balancer_arn = "${LB_ARN}"
      port              = 443
      protocol          = "HTTPS"
      ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
      certificate_arn   = "${CERT}"
      default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.app.arn
      }
    }

    resource "aws_lb_target_group" "app" {
      port     = 8443
      protocol = "HTTPS"
      vpc_id   = "vpc-0123456789abcdef0"
    }
  `),
  tf('an HTTP target group behind a listener rule', `
    resource "aws_lb_target_group" "app" {
      port     = 8080
      protocol = "HTTP"
      vpc_id   = "vpc-0123456789abcdef0"
    }

    resource "aws_lb_listener_rule" "api" {
      listener_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/0123456789abcdef"
      action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.app.arn
      }
      condition {
        path_pattern {
          values = ["/api/*"]
        }
      }
    }
  `, [{ messageId: 'httpTargetGroup', line: 3, column: 14 }]),
  tf('a classic ELB: HTTP front end, and HTTPS to HTTP instances', `
    resource "aws_elb" "web" {
      subnets = ["subnet-0123456789abcdef0"]
      listener {
        lb_port           = 80
        lb_protocol       = "http"
        instance_port     = 80
        instance_protocol = "http"
      }
      listener {
        lb_port            = 443
        lb_protocol        = "https"
        instance_port      = 80
        instance_protocol  = "http"
        ssl_certificate_id = "${CERT}"
      }
    }

    resource "aws_load_balancer_policy" "tls12" {
      load_balancer_name = aws_elb.web.name
      policy_name        = "tls12"
      policy_type_name   = "SSLNegotiationPolicyType"
      policy_attribute {
        name  = "Reference-Security-Policy"
        value = "ELBSecurityPolicy-TLS-1-2-2017-01"
      }
    }

    resource "aws_load_balancer_listener_policy" "web_443" {
      load_balancer_name = aws_elb.web.name
      load_balancer_port = 443
      policy_names       = [aws_load_balancer_policy.tls12.policy_name]
    }
  `, [{ messageId: 'classicHttpListener', line: 5, column: 25 }, { messageId: 'classicPlainBackend', line: 13, column: 26 }]),
  tf('a classic ELB HTTPS listener without a policy gets the old default', `
    resource "aws_elb" "web" {
      subnets = ["subnet-0123456789abcdef0"]
      listener {
        lb_port            = 443
        lb_protocol        = "https"
        instance_port      = 443
        instance_protocol  = "https"
        ssl_certificate_id = "${CERT}"
      }
    }
  `, [{ messageId: 'defaultTlsPolicy', line: 3, column: 3 }]),
  tf('CloudFront: allow-all, the default certificate, a match-viewer origin', `
    resource "aws_cloudfront_distribution" "cdn" {
      enabled = true
      origin {
        origin_id   = "app"
        domain_name = "app.example.com"
        custom_origin_config {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "match-viewer"
          origin_ssl_protocols   = ["TLSv1.2"]
        }
      }
      default_cache_behavior {
        target_origin_id       = "app"
        viewer_protocol_policy = "allow-all"
        allowed_methods        = ["GET", "HEAD"]
        cached_methods         = ["GET", "HEAD"]
      }
      viewer_certificate {
        cloudfront_default_certificate = true
      }
      restrictions {
        geo_restriction {
          restriction_type = "none"
        }
      }
    }
  `, [{ messageId: 'cloudfrontOriginHttp', line: 9, column: 32 }, { messageId: 'cloudfrontAllowAll', line: 15, column: 30 }, { messageId: 'cloudfrontDefaultTls', line: 20, column: 38 }]),
  tf('CloudFront: custom certificate with TLSv1.2_2021 and https-only passes', `
    resource "aws_cloudfront_distribution" "cdn" {
      enabled = true
      origin {
        origin_id   = "app"
        domain_name = "app.example.com"
        custom_origin_config {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "https-only"
          origin_ssl_protocols   = ["TLSv1.2"]
        }
      }
      default_cache_behavior {
        target_origin_id       = "app"
        viewer_protocol_policy = "redirect-to-https"
        allowed_methods        = ["GET", "HEAD"]
        cached_methods         = ["GET", "HEAD"]
      }
      viewer_certificate {
        acm_certificate_arn      = "${CERT}"
        ssl_support_method       = "sni-only"
        minimum_protocol_version = "TLSv1.2_2021"
      }
      restrictions {
        geo_restriction {
          restriction_type = "none"
        }
      }
    }
  `),
  tf('a bucket without a secure-transport policy', `
    resource "aws_s3_bucket" "data" {
      bucket = "retail-data"
    }
  `, [{ messageId: 'bucketNoSecureTransport', line: 1, column: 1 }]),
  tf('a bucket whose separate policy denies insecure transport passes', `
    resource "aws_s3_bucket" "data" {
      bucket = "retail-data"
    }

    resource "aws_s3_bucket_policy" "data" {
      bucket = aws_s3_bucket.data.id
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Deny"
          Principal = "*"
          Action    = "s3:*"
          Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
          Condition = { Bool = { "aws:SecureTransport" = "false" } }
        }]
      })
    }
  `),
  tf('a bucket whose deny-insecure statement comes from a source_policy_documents document passes', `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    data "aws_iam_policy_document" "tls_only" {
      statement {
        sid       = "DenyInsecure"
        effect    = "Deny"
        actions   = ["s3:*"]
        resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
        principals {
          type        = "*"
          identifiers = ["*"]
        }
        condition {
          test     = "Bool"
          variable = "aws:SecureTransport"
          values   = ["false"]
        }
      }
    }

    data "aws_iam_policy_document" "data" {
      source_policy_documents = [data.aws_iam_policy_document.tls_only.json]
      statement {
        sid       = "ReadFromApp"
        actions   = ["s3:GetObject"]
        resources = ["\${aws_s3_bucket.data.arn}/*"]
        principals {
          type        = "AWS"
          identifiers = ["arn:aws:iam::123456789012:role/app"]
        }
      }
    }

    resource "aws_s3_bucket_policy" "data" {
      bucket = aws_s3_bucket.data.id
      policy = data.aws_iam_policy_document.data.json
    }
  `),
  tf('a policy merged from a document that cannot be read is undecidable, not a finding', `
    variable "extra_policy" {
      type = string
    }

    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    data "aws_iam_policy_document" "data" {
      source_policy_documents = [var.extra_policy]
      statement {
        actions   = ["s3:GetObject"]
        resources = ["\${aws_s3_bucket.data.arn}/*"]
        principals {
          type        = "AWS"
          identifiers = ["arn:aws:iam::123456789012:role/app"]
        }
      }
    }

    resource "aws_s3_bucket_policy" "data" {
      bucket = aws_s3_bucket.data.id
      policy = data.aws_iam_policy_document.data.json
    }
  `, [], { undecidable: [{ line: 9, column: 1 }] }),
  tf('an override_policy_documents statement with the same sid replaces the deny-insecure statement', `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    data "aws_iam_policy_document" "data" {
      statement {
        sid       = "Transport"
        effect    = "Deny"
        actions   = ["s3:*"]
        resources = ["\${aws_s3_bucket.data.arn}/*"]
        principals {
          type        = "*"
          identifiers = ["*"]
        }
        condition {
          test     = "Bool"
          variable = "aws:SecureTransport"
          values   = ["false"]
        }
      }
      override_policy_documents = [jsonencode({
        Version   = "2012-10-17"
        Statement = [{ Sid = "Transport", Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "s3:GetObject", Resource = "*" }]
      })]
    }

    resource "aws_s3_bucket_policy" "data" {
      bucket = aws_s3_bucket.data.id
      policy = data.aws_iam_policy_document.data.json
    }
  `, [{ messageId: 'bucketNoSecureTransport', line: 1, column: 1 }]),
  tf('a replication group without transit encryption, and one with it', `
    resource "aws_elasticache_replication_group" "plain" {
      replication_group_id = "plain"
      description          = "sessions"
      node_type            = "cache.t3.micro"
      num_cache_clusters   = 2
    }

    resource "aws_elasticache_replication_group" "tls" {
      replication_group_id       = "tls"
      description                = "sessions"
      node_type                  = "cache.t3.micro"
      num_cache_clusters         = 2
      transit_encryption_enabled = true
    }
  `, [{ messageId: 'cacheNoTransitEncryption', line: 1, column: 1 }]),
  // ── issue 12: search domains and MSK ──
  cfn('OpenSearch domain with plain text between nodes and HTTP accepted (defaults)', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          EngineVersion: OpenSearch_2.11
  `, [{ messageId: 'storePlainText', line: 2, column: 3 }, { messageId: 'storePlainText', line: 2, column: 3 }]),
  cfn('OpenSearch domain enforcing HTTPS with the TLS 1.0 policy; one with TLS 1.2 passes', `
    Resources:
      Old:
        Type: AWS::OpenSearchService::Domain
        Properties:
          NodeToNodeEncryptionOptions:
            Enabled: true
          DomainEndpointOptions:
            EnforceHTTPS: true
            TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07
      Modern:
        Type: AWS::OpenSearchService::Domain
        Properties:
          NodeToNodeEncryptionOptions:
            Enabled: true
          DomainEndpointOptions:
            EnforceHTTPS: true
            TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
  `, [{ messageId: 'storePlainText', line: 9, column: 28 }]),
  cfn('MSK cluster accepting plain-text clients; the defaults pass; an unknown setting is undecidable', `
    Parameters:
      ClientBroker: { Type: String }
    Resources:
      Mixed:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: mixed
          EncryptionInfo:
            EncryptionInTransit:
              ClientBroker: TLS_PLAINTEXT
      Defaults:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: defaults
      Unknown:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: unknown
          EncryptionInfo:
            EncryptionInTransit:
              ClientBroker: !Ref ClientBroker
  `, [{ messageId: 'storePlainText', line: 10, column: 25 }], { undecidable: [{ line: 21, column: 25, says: 'client connections' }] }),
  tf('aws_opensearch_domain without node-to-node encryption; one fully encrypted in transit', `
    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      domain_endpoint_options {
        enforce_https       = true
        tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
      }
    }

    resource "aws_opensearch_domain" "safe" {
      domain_name = "safe"
      node_to_node_encryption {
        enabled = true
      }
      domain_endpoint_options {
        enforce_https       = true
        tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
      }
    }
  `, [{ messageId: 'storePlainText', line: 1, column: 1 }]),
  tf('aws_msk_cluster with PLAINTEXT clients and no in-cluster encryption; the defaults pass', `
    resource "aws_msk_cluster" "open" {
      cluster_name = "open"
      encryption_info {
        encryption_in_transit {
          client_broker = "PLAINTEXT"
          in_cluster    = false
        }
      }
    }

    resource "aws_msk_cluster" "defaults" {
      cluster_name = "defaults"
    }
  `, [{ messageId: 'storePlainText', line: 5, column: 23 }, { messageId: 'storePlainText', line: 6, column: 23 }]),
]);
