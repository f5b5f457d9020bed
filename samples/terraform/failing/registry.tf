# Container registry (FAILING sample): an ECR repository on KMS with the AWS managed
# key aws/ecr, not a key the customer controls. Every problem here is deliberate.
resource "aws_ecr_repository" "web" {
  name                 = "shop/web"
  image_tag_mutability = "IMMUTABLE"

  encryption_configuration {
    encryption_type = "KMS"
  }
}
