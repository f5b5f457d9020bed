# Secrets and keys of the shop (FAILING): every problem here is deliberate; see samples/README.md.

# The reporting database password, as a sensitive variable's default: in the code after all.
variable "reporting_db_password" {
  type      = string
  sensitive = true
  default   = "Reporting-2024-Pass"
}

# ...kept as a plain String parameter.
resource "aws_ssm_parameter" "reporting_db_password" {
  name  = "/${local.name}/reporting/db-password"
  type  = "String"
  value = var.reporting_db_password
}

# The notifier's Slack token, written into the function's environment.
resource "aws_lambda_function" "order_notifier" {
  function_name = "${local.name}-order-notifier"
  role          = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${local.name}-order-notifier"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "notifier.zip"

  environment {
    variables = {
      SLACK_TOKEN  = "xoxb-2024-retail-orders-notifier"
      ORDERS_TOPIC = "retail-orders"
    }
  }
}

# The payment webhook secret, on the AWS managed key.
resource "aws_secretsmanager_secret" "payment_webhook" {
  name = "${local.name}/payments/webhook"
}

# Order exports: a key that never rotates, can be deleted within a week and that anyone may use.
resource "aws_kms_key" "exports" {
  description             = "Retail order exports"
  deletion_window_in_days = 7
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
}
