import { cfn, ruleTester, tf } from './tester.js';

const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef';
const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abcdef01-2345-6789-abcd-ef0123456789';

ruleTester('encryption-in-transit', [
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
  `, [{ messageId: 'httpListener', line: 6 }]),
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
  `, [{ messageId: 'redirectNotHttps', line: 11 }]),
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
  `, [{ messageId: 'oldTlsPolicy', line: 8 }, { messageId: 'oldTlsPolicy', line: 13 }]),
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
  `),
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
  `, [{ messageId: 'httpTargetGroup', line: 5 }]),
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
  `, [{ messageId: 'classicHttpListener', line: 9 }, { messageId: 'classicPlainBackend', line: 13 }]),
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
  `, [{ messageId: 'cloudfrontOldTls', line: 2 }, { messageId: 'cloudfrontOriginHttp', line: 11 }, { messageId: 'cloudfrontAllowAll', line: 14 }]),
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
  `, [{ messageId: 'cloudfrontOriginHttp', line: 11 }, { messageId: 'cloudfrontAllowAll', line: 18 }, { messageId: 'cloudfrontOldTls', line: 22 }]),
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
  `, [{ messageId: 'bucketNoSecureTransport', line: 2 }]),
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
  `, [{ messageId: 'bucketNoSecureTransport', line: 2 }]),
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
  `, [{ messageId: 'cacheNoTransitEncryption', line: 2 }]),
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
]);
