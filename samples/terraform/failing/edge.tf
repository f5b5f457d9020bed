# The partner API of the shop (FAILING): a regional REST API with nothing in front of it; see
# samples/README.md.

resource "aws_api_gateway_rest_api" "partners" {
  name = "${local.name}-partners"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
