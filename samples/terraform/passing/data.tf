# ------------------------------------------------------ catalogue (Aurora)
resource "aws_db_subnet_group" "data" {
  name       = "${local.name}-data"
  subnet_ids = module.network.data_subnet_ids
}

resource "aws_rds_cluster" "catalogue" {
  cluster_identifier          = "${local.name}-catalogue"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  enabled_cloudwatch_logs_exports = ["postgresql"]
  database_name               = "catalogue"
  master_username             = "retail_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.data.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.data.arn
  backup_retention_period     = 14
  deletion_protection         = true
  final_snapshot_identifier   = "${local.name}-catalogue-final"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.catalogue.name
}

# Clients must connect over TLS (rds.force_ssl is 0 in Aurora PostgreSQL's default group).
resource "aws_rds_cluster_parameter_group" "catalogue" {
  name   = "${local.name}-catalogue"
  family = "aurora-postgresql16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

# A writer and a reader, one per Availability Zone.
resource "aws_rds_cluster_instance" "catalogue" {
  count = 2

  identifier         = "${local.name}-catalogue-${count.index}"
  cluster_identifier = aws_rds_cluster.catalogue.id
  engine             = aws_rds_cluster.catalogue.engine
  instance_class     = "db.r6g.large"
}

# ------------------------------------------------------ reporting (RDS)
resource "aws_db_instance" "reporting" {
  identifier                  = "${local.name}-reporting"
  engine                      = "postgres"
  engine_version              = "16.4"
  enabled_cloudwatch_logs_exports = ["postgresql"]
  instance_class              = "db.t4g.medium"
  allocated_storage           = 100
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.data.arn
  multi_az                    = var.reporting_multi_az
  username                    = "reporting_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.data.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  backup_retention_period     = 14
  deletion_protection         = true
  final_snapshot_identifier   = "${local.name}-reporting-final"
}

# ------------------------------------------------------ sessions (Redis)
resource "aws_elasticache_subnet_group" "sessions" {
  name       = "${local.name}-sessions"
  subnet_ids = module.network.private_subnet_ids
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "${local.name}-sessions"
  description                = "Shopper sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = var.session_nodes
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  snapshot_retention_limit   = 3
  subnet_group_name          = aws_elasticache_subnet_group.sessions.name
  security_group_ids         = [aws_security_group.cache.id]
}

# ------------------------------------------------------ carts (DynamoDB)
# A global table: a replica in the DR region keeps carts across a failover.
resource "aws_dynamodb_table" "carts" {
  name                        = "${local.name}-carts"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "cartId"
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"
  deletion_protection_enabled = true

  attribute {
    name = "cartId"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  replica {
    region_name            = var.dr_region
    kms_key_arn            = aws_kms_key.dr.arn
    point_in_time_recovery = true
  }
}

# ------------------------------------------------------ shared media (EFS)
resource "aws_efs_file_system" "media" {
  creation_token = "${local.name}-media"
  encrypted      = true
  kms_key_id     = aws_kms_key.data.arn

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_efs_backup_policy" "media" {
  file_system_id = aws_efs_file_system.media.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_mount_target" "media" {
  count = 2

  file_system_id  = aws_efs_file_system.media.id
  subnet_id       = module.network.private_subnet_ids[count.index]
  security_groups = [aws_security_group.efs.id]
}

resource "aws_efs_replication_configuration" "media" {
  source_file_system_id = aws_efs_file_system.media.id

  destination {
    region     = var.dr_region
    kms_key_id = aws_kms_key.dr.arn
  }
}
