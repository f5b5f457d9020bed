import { cfn, ruleTester, tf } from './tester.js';

ruleTester('sg-internal-scope', [
  cfn('10.0.0.0/8 into a 10.0.0.0/16 VPC', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/8
  `, [{ messageId: 'widerThanVpc', line: 15 }]),
  cfn('all ports from a private range', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupIngress:
            - IpProtocol: "-1"
              CidrIp: 10.0.1.0/24
  `, [{ messageId: 'allPorts', line: 8 }]),
  cfn('a wide private range with the VPC unknown', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: vpc-0123456789abcdef0
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 3306
              ToPort: 3306
              CidrIp: 172.16.0.0/12
  `, [{ messageId: 'broadRange', line: 11 }]),
  cfn('a second VPC block counts: 10.0.0.0/15 covers both /16 blocks', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Extra:
        Type: AWS::EC2::VPCCidrBlock
        Properties:
          VpcId: !Ref Vpc
          CidrBlock: 10.1.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/15
  `),
  cfn('the VPC range itself on one port passes', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/16
  `),
  cfn('a security group reference passes; 0.0.0.0/0 is another rule', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupIngress:
            - IpProtocol: "-1"
              SourceSecurityGroupId: sg-0123456789abcdef0
            - IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
  `),
  cfn('a VPC range from an unresolved parameter is undecidable', `
    Parameters:
      VpcCidr:
        Type: String
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: !Ref VpcCidr
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/8
  `),
]);
