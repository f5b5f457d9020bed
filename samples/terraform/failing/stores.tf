# ------------------------------------------------------ search, events and reviews (FAILING)
# Product search on one OpenSearch node: unencrypted, plain HTTP, one Availability Zone.
resource "aws_opensearch_domain" "search" {
  domain_name    = "${local.name}-search"
  engine_version = "OpenSearch_2.11"

  cluster_config {
    instance_type  = "m6g.large.search"
    instance_count = 1
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 50
  }
}

# Order events for the warehouse: no server-side encryption.
resource "aws_kinesis_stream" "order_events" {
  name             = "${local.name}-order-events"
  shard_count      = 2
  retention_period = 48
}

# Product reviews in DocumentDB: unencrypted storage, one instance, no copy in another region.
resource "aws_docdb_subnet_group" "reviews" {
  name       = "${local.name}-reviews"
  subnet_ids = module.network.data_subnet_ids
}

resource "aws_docdb_cluster" "reviews" {
  cluster_identifier          = "${local.name}-reviews"
  engine                      = "docdb"
  master_username             = "reviews_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_docdb_subnet_group.reviews.name
  backup_retention_period     = 7
  final_snapshot_identifier   = "${local.name}-reviews-final"
}

resource "aws_docdb_cluster_instance" "reviews" {
  identifier         = "${local.name}-reviews-0"
  cluster_identifier = aws_docdb_cluster.reviews.id
  instance_class     = "db.r6g.large"
}
