# Storefront platform services (failing sample): the Kubernetes cluster that runs the order
# workers, and the HTTP API the mobile app calls.

# supplementary-logging: no control-plane log type is sent to CloudWatch Logs.
resource "aws_eks_cluster" "workers" {
  name     = "${local.name}-workers"
  role_arn = "arn:aws:iam::111111111111:role/storefront-eks"

  vpc_config {
    subnet_ids              = module.network.private_subnet_ids
    endpoint_public_access  = false
    endpoint_private_access = true
  }
}

resource "aws_apigatewayv2_api" "mobile" {
  name          = "${local.name}-mobile"
  protocol_type = "HTTP"
}

# central-logging: the HTTP API's stage writes no access logs.
resource "aws_apigatewayv2_stage" "mobile" {
  api_id      = aws_apigatewayv2_api.mobile.id
  name        = "$default"
  auto_deploy = true
}
