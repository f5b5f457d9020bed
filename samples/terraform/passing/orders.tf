resource "aws_dynamodb_table" "orders" {
  name                        = "${local.name}-orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "orderId"
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"
  deletion_protection_enabled = true

  attribute {
    name = "orderId"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  replica {
    region_name            = var.dr_region
    kms_key_arn            = aws_kms_key.dr.arn
    point_in_time_recovery = true
  }
}

resource "aws_sns_topic" "order_events" {
  name              = "${local.name}-order-events"
  kms_master_key_id = aws_kms_key.data.id
}

resource "aws_sqs_queue" "fulfilment" {
  name                       = "${local.name}-fulfilment"
  kms_master_key_id          = aws_kms_key.data.id
  visibility_timeout_seconds = 120
}

resource "aws_sns_topic_subscription" "fulfilment" {
  topic_arn = aws_sns_topic.order_events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.fulfilment.arn
}

# ------------------------------------------------------------------ backups
resource "aws_backup_vault" "main" {
  name        = local.name
  kms_key_arn = aws_kms_key.data.arn
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr

  name        = "${local.name}-dr"
  kms_key_arn = aws_kms_key.dr.arn
}

resource "aws_backup_plan" "daily" {
  name = "${local.name}-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn

      lifecycle {
        delete_after = 35
      }
    }
  }
}

resource "aws_backup_selection" "databases" {
  name         = "databases"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/service-role/AWSBackupDefaultServiceRole"

  resources = [
    aws_rds_cluster.catalogue.arn,
    aws_db_instance.reporting.arn,
  ]
}
