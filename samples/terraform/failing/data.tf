# ------------------------------------------------------ catalogue (Aurora)
resource "aws_db_subnet_group" "data" {
  name       = "${local.name}-data"
  subnet_ids = module.network.data_subnet_ids
}

resource "aws_rds_cluster" "catalogue" {
  cluster_identifier          = "${local.name}-catalogue"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  database_name               = "catalogue"
  master_username             = "retail_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.data.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  backup_retention_period     = 7
  final_snapshot_identifier   = "${local.name}-catalogue-final"
}

resource "aws_rds_cluster_instance" "catalogue" {
  count = 1

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
  instance_class              = "db.t4g.medium"
  allocated_storage           = 100
  storage_encrypted           = false
  multi_az                    = var.reporting_multi_az
  username                    = "reporting_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.data.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  backup_retention_period     = 7
  skip_final_snapshot         = true
}

# ------------------------------------------------------ sessions (Redis)
resource "aws_elasticache_subnet_group" "sessions" {
  name       = "${local.name}-sessions"
  subnet_ids = module.network.private_subnet_ids
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "${local.name}-sessions"
  description          = "Shopper sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = var.session_nodes
  subnet_group_name    = aws_elasticache_subnet_group.sessions.name
  security_group_ids   = [aws_security_group.cache.id]
}

# ------------------------------------------------------ carts (DynamoDB)
resource "aws_dynamodb_table" "carts" {
  name         = "${local.name}-carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cartId"

  attribute {
    name = "cartId"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

# ------------------------------------------------------ shared media (EFS)
resource "aws_efs_file_system" "media" {
  creation_token         = "${local.name}-media"
  availability_zone_name = module.network.azs_first
  encrypted              = false
}

resource "aws_efs_mount_target" "media" {
  count = 2

  file_system_id  = aws_efs_file_system.media.id
  subnet_id       = module.network.private_subnet_ids[count.index]
  security_groups = [aws_security_group.efs.id]
}
