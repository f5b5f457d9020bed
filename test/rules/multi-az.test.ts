import rule from '../../rules/reliability/multi-az.js';
import { cfn, ruleTester, tf } from './tester.js';

const SUBNETS = `
      SubnetA:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.0.0/24
          AvailabilityZone: !Select [0, !GetAZs '']
      SubnetB:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.1.0/24
          AvailabilityZone: !Select [1, !GetAZs '']
      SubnetA2:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.2.0/24
          AvailabilityZone: !Select [0, !GetAZs '']`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('RDS instance without MultiAZ (default false)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
  `, [{ messageId: 'singleAz', line: 2, column: 3 }]),
  cfn('RDS instance with MultiAZ false from a parameter default', `
    Parameters:
      MultiAz: { Type: String, Default: 'false' }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MultiAZ: !Ref MultiAz
  `, [{ messageId: 'singleAz', line: 8, column: 16 }]),
  cfn('RDS instance Multi-AZ, its same-region read replica and an unknown setting', `
    Parameters:
      MultiAz: { Type: String }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MultiAZ: true
      Replica:
        Type: AWS::RDS::DBInstance
        Properties:
          SourceDBInstanceIdentifier: !Ref Db
      Other:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MultiAZ: !Ref MultiAz
  `),
  cfn('Aurora cluster with one instance', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
      Writer:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-mysql
          DBClusterIdentifier: !Ref Cluster
  `, [{ messageId: 'oneInstance', line: 2, column: 3 }]),
  cfn('Aurora cluster with two instances', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
      Writer:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-mysql
          DBClusterIdentifier: !Ref Cluster
      Reader:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-mysql
          DBClusterIdentifier: !Ref Cluster
  `),
  cfn('ElastiCache replication group with one node (default)', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
  `, [{ messageId: 'oneNode', line: 2, column: 3 }]),
  cfn('ElastiCache replication group without failover and Multi-AZ', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          NumCacheClusters: 2
          AutomaticFailoverEnabled: false
  `, [{ messageId: 'notMultiAz', line: 2, column: 3 }, { messageId: 'noFailover', line: 7, column: 33 }]),
  cfn('Memcached cluster in a single AZ', `
    Resources:
      Memcached:
        Type: AWS::ElastiCache::CacheCluster
        Properties:
          Engine: memcached
          CacheNodeType: cache.t3.micro
          NumCacheNodes: 2
  `, [{ messageId: 'nodesOneAz', line: 2, column: 3 }]),
  cfn('ElastiCache replicated across AZs, cross-AZ memcached and serverless', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          ReplicasPerNodeGroup: 1
          AutomaticFailoverEnabled: true
          MultiAZEnabled: true
      Memcached:
        Type: AWS::ElastiCache::CacheCluster
        Properties:
          Engine: memcached
          CacheNodeType: cache.t3.micro
          NumCacheNodes: 2
          AZMode: cross-az
      Serverless:
        Type: AWS::ElastiCache::ServerlessCache
        Properties:
          Engine: valkey
          ServerlessCacheName: s
  `),
  cfn('EFS One Zone', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          Encrypted: true
          AvailabilityZoneName: us-east-1a
  `, [{ messageId: 'oneZone', line: 6, column: 29 }]),
  cfn('DB and cache subnet groups in one AZ', `
    Resources:${SUBNETS}
      DbSubnets:
        Type: AWS::RDS::DBSubnetGroup
        Properties:
          DBSubnetGroupDescription: db
          SubnetIds: [!Ref SubnetA, !Ref SubnetA2]
      CacheSubnets:
        Type: AWS::ElastiCache::SubnetGroup
        Properties:
          Description: cache
          SubnetIds:
            - !Ref SubnetA
  `, [{ messageId: 'subnetsOneAz', line: 24, column: 19 }, { messageId: 'subnetsOneAz', line: 30, column: 11 }]),
  cfn('load balancer and auto scaling group in one AZ', `
    Resources:${SUBNETS}
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [!Ref SubnetA, !Ref SubnetA2]
      Asg:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [!Ref SubnetA]
  `, [{ messageId: 'subnetsOneAz', line: 23, column: 17 }, { messageId: 'subnetsOneAz', line: 29, column: 27 }]),
  cfn('subnets in two AZs; a subnet with an unknown AZ is undecidable', `
    Parameters:
      Az: { Type: String }
    Resources:${SUBNETS}
      SubnetX:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.3.0/24
          AvailabilityZone: !Ref Az
      DbSubnets:
        Type: AWS::RDS::DBSubnetGroup
        Properties:
          DBSubnetGroupDescription: db
          SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [!Ref SubnetA, !Ref SubnetX]
  `, [], { undecidable: [{ line: 36, column: 31 }] }),

  // NAT gateways (CONTROLS 2.8: one NAT gateway per AZ)
  cfn('one NAT gateway for subnets in two zones', `
    Resources:${SUBNETS}
      Nat:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-123
          SubnetId: !Ref SubnetA
  `, [{ messageId: 'natOneAz', line: 24, column: 17 }]),
  cfn('two NAT gateways in the same zone', `
    Resources:${SUBNETS}
      NatA:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-123
          SubnetId: !Ref SubnetA
      NatA2:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-456
          SubnetId: !Ref SubnetA2
  `, [{ messageId: 'natOneAz', line: 24, column: 17 }]),
  cfn('one NAT gateway per zone', `
    Resources:${SUBNETS}
      NatA:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-123
          SubnetId: !Ref SubnetA
      NatB:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-456
          SubnetId: !GetAtt SubnetB.SubnetId
  `),
  cfn('a NAT gateway in a subnet from a parameter is undecidable', `
    Parameters:
      PublicSubnet:
        Type: AWS::EC2::Subnet::Id
    Resources:${SUBNETS}
      Nat:
        Type: AWS::EC2::NatGateway
        Properties:
          AllocationId: eipalloc-123
          SubnetId: !Ref PublicSubnet
  `, [], { undecidable: [{ line: 27, column: 17 }] }),
  // ── Terraform ──
  tf('aws_db_instance without multi_az', `
    resource "aws_db_instance" "db" {
      engine = "postgres"
    }
  `, [{ messageId: 'singleAz', line: 1, column: 1 }]),
  tf('aws_db_instance multi_az false from a variable', `
    variable "multi_az" {
      default = false
    }

    resource "aws_db_instance" "db" {
      engine   = "postgres"
      multi_az = var.multi_az
    }
  `, [{ messageId: 'singleAz', line: 7, column: 14 }]),
  tf('aws_db_instance Multi-AZ and its replica', `
    resource "aws_db_instance" "db" {
      engine   = "postgres"
      multi_az = true
    }

    resource "aws_db_instance" "replica" {
      replicate_source_db = aws_db_instance.db.identifier
    }
  `),
  tf('aws_rds_cluster with one aws_rds_cluster_instance', `
    resource "aws_rds_cluster" "main" {
      engine = "aurora-postgresql"
    }

    resource "aws_rds_cluster_instance" "one" {
      cluster_identifier = aws_rds_cluster.main.id
      instance_class     = "db.r6g.large"
    }
  `, [{ messageId: 'oneInstance', line: 1, column: 1 }]),
  tf('aws_rds_cluster with two instances through count', `
    resource "aws_rds_cluster" "main" {
      engine = "aurora-postgresql"
    }

    resource "aws_rds_cluster_instance" "node" {
      count              = 2
      cluster_identifier = aws_rds_cluster.main.id
      instance_class     = "db.r6g.large"
    }
  `),
  tf('ElastiCache replication group without failover', `
    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id = "cache"
      description          = "sessions"
      num_cache_clusters   = 2
      multi_az_enabled     = true
    }
  `, [{ messageId: 'noFailover', line: 1, column: 1 }]),
  tf('ElastiCache single node cluster, and one-node replication group', `
    resource "aws_elasticache_cluster" "redis" {
      cluster_id = "redis"
      engine     = "redis"
    }

    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id       = "cache"
      description                = "sessions"
      num_cache_clusters         = 1
      automatic_failover_enabled = false
    }
  `, [{ messageId: 'nodesOneAz', line: 1, column: 1 }, { messageId: 'oneNode', line: 9, column: 32 }]),
  tf('ElastiCache Multi-AZ with failover', `
    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id       = "cache"
      description                = "sessions"
      num_cache_clusters         = 2
      automatic_failover_enabled = true
      multi_az_enabled           = true
    }
  `),
  tf('EFS One Zone', `
    resource "aws_efs_file_system" "files" {
      availability_zone_name = "us-east-1a"
    }
  `, [{ messageId: 'oneZone', line: 2, column: 28 }]),
  tf('DB subnet group over count subnets in one AZ and in two', `
    data "aws_availability_zones" "azs" {}

    resource "aws_subnet" "one" {
      count             = 2
      vpc_id            = "vpc-123"
      cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
      availability_zone = data.aws_availability_zones.azs.names[0]
    }

    resource "aws_subnet" "two" {
      count             = 2
      vpc_id            = "vpc-123"
      cidr_block        = cidrsubnet("10.1.0.0/16", 8, count.index)
      availability_zone = data.aws_availability_zones.azs.names[count.index]
    }

    resource "aws_db_subnet_group" "bad" {
      subnet_ids = aws_subnet.one[*].id
    }

    resource "aws_db_subnet_group" "good" {
      subnet_ids = aws_subnet.two[*].id
    }
  `, [{ messageId: 'subnetsOneAz', line: 18, column: 16 }]),
  tf('load balancer subnets with unknown AZs are undecidable', `
    variable "subnets" {
      type = list(string)
    }

    resource "aws_lb" "web" {
      subnets = var.subnets
    }
  `, [], { undecidable: [{ line: 6, column: 13 }] }),
  tf('load balancer and auto scaling group on subnets of one AZ', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "us-east-1a"
    }

    resource "aws_subnet" "b" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.1.0/24"
      availability_zone = "us-east-1a"
    }

    resource "aws_lb" "web" {
      subnets = [aws_subnet.a.id, aws_subnet.b.id]
    }

    resource "aws_autoscaling_group" "web" {
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = [aws_subnet.a.id]
    }
  `, [{ messageId: 'subnetsOneAz', line: 14, column: 14 }, { messageId: 'subnetsOneAz', line: 20, column: 26 }]),
  // ── issue 12: search domains, MSK, DocumentDB and Neptune ──
  cfn('OpenSearch domain with one data node (default)', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          EngineVersion: OpenSearch_2.11
  `, [{ messageId: 'oneNode', line: 2, column: 3 }]),
  cfn('OpenSearch domain with three nodes and no zone awareness; an Elasticsearch domain without dedicated masters', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 3
      Legacy:
        Type: AWS::Elasticsearch::Domain
        Properties:
          ElasticsearchClusterConfig:
            InstanceCount: 2
            ZoneAwarenessEnabled: true
  `, [{ messageId: 'notZoneAware', line: 5, column: 7 }, { messageId: 'noManagers', line: 10, column: 7 }]),
  cfn('OpenSearch domain zone aware with dedicated masters; a node count that cannot be known', `
    Parameters:
      Nodes: { Type: Number }
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 3
            ZoneAwarenessEnabled: true
            ZoneAwarenessConfig:
              AvailabilityZoneCount: 3
            DedicatedMasterEnabled: true
            DedicatedMasterCount: 3
      Other:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: !Ref Nodes
  `, [], { undecidable: [{ line: 18, column: 24, says: 'node count' }] }),
  cfn('DocumentDB cluster with one instance; Neptune cluster with two', `
    Resources:
      Docs:
        Type: AWS::DocDB::DBCluster
        Properties:
          StorageEncrypted: true
      DocsOne:
        Type: AWS::DocDB::DBInstance
        Properties:
          DBClusterIdentifier: !Ref Docs
          DBInstanceClass: db.r6g.large
      Graph:
        Type: AWS::Neptune::DBCluster
        Properties:
          StorageEncrypted: true
      GraphA:
        Type: AWS::Neptune::DBInstance
        Properties:
          DBClusterIdentifier: !Ref Graph
          DBInstanceClass: db.r6g.large
      GraphB:
        Type: AWS::Neptune::DBInstance
        Properties:
          DBClusterIdentifier: !Ref Graph
          DBInstanceClass: db.r6g.large
  `, [{ messageId: 'oneInstance', line: 2, column: 3 }]),
  cfn('MSK brokers and a DocumentDB subnet group in one AZ; a Neptune subnet group in two', `
    Resources:${SUBNETS}
      Kafka:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: events
          KafkaVersion: 3.6.0
          NumberOfBrokerNodes: 2
          BrokerNodeGroupInfo:
            InstanceType: kafka.m5.large
            ClientSubnets: [!Ref SubnetA, !Ref SubnetA2]
      DocsSubnets:
        Type: AWS::DocDB::DBSubnetGroup
        Properties:
          DBSubnetGroupDescription: docs
          SubnetIds: [!Ref SubnetA, !Ref SubnetA2]
      GraphSubnets:
        Type: AWS::Neptune::DBSubnetGroup
        Properties:
          DBSubnetGroupDescription: graph
          SubnetIds: [!Ref SubnetA, !Ref SubnetB]
  `, [{ messageId: 'subnetsOneAz', line: 28, column: 25 }, { messageId: 'subnetsOneAz', line: 33, column: 19 }]),
  tf('aws_opensearch_domain zone aware without dedicated masters; aws_elasticsearch_domain with one node', `
    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      cluster_config {
        instance_count         = 2
        zone_awareness_enabled = true
      }
    }

    resource "aws_elasticsearch_domain" "legacy" {
      domain_name = "legacy"
    }
  `, [{ messageId: 'noManagers', line: 3, column: 3 }, { messageId: 'oneNode', line: 9, column: 1 }]),
  tf('aws_opensearch_domain zone aware with dedicated masters', `
    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      cluster_config {
        instance_count           = 3
        zone_awareness_enabled   = true
        dedicated_master_enabled = true
        dedicated_master_count   = 3
      }
    }
  `),
  tf('aws_docdb_cluster with two instances through count; aws_neptune_cluster with one', `
    resource "aws_docdb_cluster" "docs" {
      cluster_identifier = "docs"
      storage_encrypted  = true
    }

    resource "aws_docdb_cluster_instance" "docs" {
      count              = 2
      cluster_identifier = aws_docdb_cluster.docs.id
      instance_class     = "db.r6g.large"
    }

    resource "aws_neptune_cluster" "graph" {
      cluster_identifier = "graph"
    }

    resource "aws_neptune_cluster_instance" "graph" {
      cluster_identifier = aws_neptune_cluster.graph.id
      instance_class     = "db.r6g.large"
    }
  `, [{ messageId: 'oneInstance', line: 12, column: 1 }]),
  tf('aws_msk_cluster brokers in one AZ; an aws_neptune_subnet_group in two', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }

    resource "aws_subnet" "a2" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.1.0/24"
      availability_zone = "eu-west-1a"
    }

    resource "aws_subnet" "b" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.2.0/24"
      availability_zone = "eu-west-1b"
    }

    resource "aws_msk_cluster" "events" {
      cluster_name           = "events"
      kafka_version          = "3.6.0"
      number_of_broker_nodes = 2
      broker_node_group_info {
        instance_type  = "kafka.m5.large"
        client_subnets = [aws_subnet.a.id, aws_subnet.a2.id]
      }
    }

    resource "aws_neptune_subnet_group" "graph" {
      subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
    }
  `, [{ messageId: 'subnetsOneAz', line: 25, column: 23 }]),

  // ECS services: their awsvpc subnets (issue 12, the scaling helper's ECS model)
  cfn('ECS service in subnets of one AZ', `
    Resources:${SUBNETS}
      Web:
        Type: AWS::ECS::Service
        Properties:
          Cluster: prod
          LaunchType: FARGATE
          NetworkConfiguration:
            AwsvpcConfiguration:
              Subnets: [!Ref SubnetA, !Ref SubnetA2]
  `, [{ messageId: 'subnetsOneAz', line: 27, column: 21 }]),
  cfn('ECS service in subnets of two AZs, and one in bridge mode without subnets', `
    Resources:${SUBNETS}
      Web:
        Type: AWS::ECS::Service
        Properties:
          Cluster: prod
          LaunchType: FARGATE
          NetworkConfiguration:
            AwsvpcConfiguration:
              Subnets: [!Ref SubnetA, !Ref SubnetB]
      Legacy:
        Type: AWS::ECS::Service
        Properties:
          Cluster: prod
          LaunchType: EC2
  `),
  tf('ECS service on a subnet of one AZ, and one on unknown subnets', `
    variable "subnets" {}
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "us-east-1a"
    }
    resource "aws_ecs_service" "web" {
      name = "web"
      network_configuration {
        subnets = [aws_subnet.a.id]
      }
    }
    resource "aws_ecs_service" "api" {
      name = "api"
      network_configuration {
        subnets = var.subnets
      }
    }
  `, [{ messageId: 'subnetsOneAz', line: 10, column: 16 }], { undecidable: [{ line: 16, column: 15 }] }),
  // ── issue 12: EKS node groups and Fargate profiles; subnets through SSM, modules and zone lookups ──
  cfn('EKS node group in one AZ; another over two zones of Fn::GetAZs', `
    Resources:${SUBNETS}
      OneZone:
        Type: AWS::EKS::Nodegroup
        Properties:
          ClusterName: shop
          NodeRole: arn:aws:iam::111111111111:role/nodes
          Subnets: [!Ref SubnetA, !Ref SubnetA2]
      TwoZones:
        Type: AWS::EKS::Nodegroup
        Properties:
          ClusterName: shop
          NodeRole: arn:aws:iam::111111111111:role/nodes
          Subnets: [!Ref SubnetA, !Ref SubnetB]
          ScalingConfig:
            MinSize: 2
            MaxSize: 4
  `, [{ messageId: 'subnetsOneAz', line: 25, column: 17 }]),
  cfn('EKS node group and Fargate profile on subnets read from SSM parameters are undecidable', `
    Parameters:
      PrivateSubnets:
        Type: AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>
        Default: /network/private-subnets
    Resources:
      Nodes:
        Type: AWS::EKS::Nodegroup
        Properties:
          ClusterName: shop
          NodeRole: arn:aws:iam::111111111111:role/nodes
          Subnets: !Ref PrivateSubnets
      Pods:
        Type: AWS::EKS::FargateProfile
        Properties:
          ClusterName: shop
          PodExecutionRoleArn: arn:aws:iam::111111111111:role/pods
          Subnets: !Ref PrivateSubnets
  `, [], { undecidable: [{ line: 11, column: 16, says: 'read from SSM' }, { line: 17, column: 16, says: 'EKS Fargate profile' }] }),
  tf('EKS node group over subnets of aws_availability_zones; a Fargate profile on a module subnet in one AZ', `
    data "aws_availability_zones" "azs" {
      state = "available"
    }

    resource "aws_subnet" "private" {
      count             = 2
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.\${count.index}.0/24"
      availability_zone = data.aws_availability_zones.azs.names[count.index]
    }

    module "edge" {
      source = "./modules/edge"
    }

    resource "aws_eks_node_group" "nodes" {
      cluster_name  = "shop"
      node_role_arn = "arn:aws:iam::111111111111:role/nodes"
      subnet_ids    = aws_subnet.private[*].id
      scaling_config {
        min_size     = 2
        max_size     = 4
        desired_size = 2
      }
    }

    resource "aws_eks_fargate_profile" "pods" {
      cluster_name           = "shop"
      fargate_profile_name   = "pods"
      pod_execution_role_arn = "arn:aws:iam::111111111111:role/pods"
      subnet_ids             = module.edge.subnet_ids
    }
  `, [{ messageId: 'subnetsOneAz', file: 'modules/edge/main.tf', line: 4, column: 1 }], { files: { 'modules/edge/main.tf': `
data "aws_availability_zones" "azs" {}

resource "aws_subnet" "edge" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.1.0.0/24"
  availability_zone = data.aws_availability_zones.azs.names[0]
}

output "subnet_ids" {
  value = [aws_subnet.edge.id]
}
` } }),
  tf('EKS node group on subnets from an SSM parameter is undecidable', `
    data "aws_ssm_parameter" "subnets" {
      name = "/network/private-subnets"
    }

    resource "aws_eks_node_group" "nodes" {
      cluster_name  = "shop"
      node_role_arn = "arn:aws:iam::111111111111:role/nodes"
      subnet_ids    = split(",", data.aws_ssm_parameter.subnets.value)
      scaling_config {
        min_size     = 2
        max_size     = 4
        desired_size = 2
      }
    }
  `, [], { undecidable: [{ line: 8, column: 19, says: 'known only at deployment' }] }),
  // ── Redshift (its data-store facet: a Multi-AZ switch) ──
  cfn('Redshift cluster without MultiAZ', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          ClusterType: multi-node
          NodeType: ra3.xlplus
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
  `, [{ messageId: 'singleAz', line: 2, column: 3 }]),
  cfn('Redshift cluster with MultiAZ', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          ClusterType: multi-node
          NodeType: ra3.xlplus
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
          MultiAZ: true
  `),
  tf('Redshift cluster with multi_az false', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
      number_of_nodes    = 2
      multi_az           = false
    }
  `, [{ messageId: 'singleAz', line: 5, column: 24 }]),
  tf('Redshift cluster with multi_az true', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
      number_of_nodes    = 2
      multi_az           = true
    }
  `),
]);
