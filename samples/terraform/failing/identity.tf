# Identities of the shop (FAILING): every problem here is deliberate; see samples/README.md.

# The web tier may do anything in S3 and pass any role.
data "aws_iam_policy_document" "web" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole", "lambda:CreateFunction"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "web" {
  name = "${local.name}-web"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "web" {
  role   = aws_iam_role.web.name
  policy = data.aws_iam_policy_document.web.json
}

# The on-call engineer: administrator rights attached to the user, a console password, no MFA policy.
resource "aws_iam_user" "on_call" {
  name = "${local.name}-on-call"
}

resource "aws_iam_user_policy_attachment" "on_call_admin" {
  user       = aws_iam_user.on_call.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_login_profile" "on_call" {
  user                    = aws_iam_user.on_call.name
  password_reset_required = true
}

# The CI system signs in with a long-lived key.
resource "aws_iam_user" "ci" {
  name = "${local.name}-ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

# A weak password policy.
resource "aws_iam_account_password_policy" "this" {
  minimum_password_length = 8
  require_numbers         = true
}
