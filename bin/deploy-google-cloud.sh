#!/usr/bin/env bash
# Pipeline step (lib/delivery/gcp-deploy-step.ts): deploy one environment's Google Cloud stacks with workload identity
# federation. GCP_CREDENTIAL_CONFIG holds the credential configuration (no secret); the build role's AWS credentials
# sign the sign-in. Usage: bash bin/deploy-google-cloud.sh <environment>
set -euo pipefail
environment="${1:?usage: bin/deploy-google-cloud.sh <environment>}"
: "${GCP_CREDENTIAL_CONFIG:?GCP_CREDENTIAL_CONFIG must hold the workload identity credential configuration (set by the pipeline)}"

# Google's AWS credential source reads the keys from the environment or the EC2 metadata server; CodeBuild serves them
# from its container credentials endpoint instead, so export them (AWS CodeBuild User Guide, "Environment variables in
# build environments": AWS_CONTAINER_CREDENTIALS_RELATIVE_URI).
if [ -z "${AWS_ACCESS_KEY_ID:-}" ]; then
  : "${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:?no AWS credentials: run inside CodeBuild or export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN}"
  credentials="$(curl --silent --fail "http://169.254.170.2${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}")"
  field() { node -e 'process.stdout.write(JSON.parse(process.argv[1])[process.argv[2]])' "$credentials" "$1"; }
  AWS_ACCESS_KEY_ID="$(field AccessKeyId)"; AWS_SECRET_ACCESS_KEY="$(field SecretAccessKey)"; AWS_SESSION_TOKEN="$(field Token)"
  export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
fi
export AWS_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:?AWS_REGION or AWS_DEFAULT_REGION must be set}}"

credentials_file="$(mktemp)"
trap 'rm -f "$credentials_file"' EXIT
printf '%s' "$GCP_CREDENTIAL_CONFIG" > "$credentials_file"
export GOOGLE_APPLICATION_CREDENTIALS="$credentials_file"

# cdktf deploy runs terraform; CodeBuild's standard image has none. 1.11.4 is the version our synth is tested with.
TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.11.4}"
if ! command -v terraform >/dev/null; then
  dir="$(mktemp -d)"; base="https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}"
  curl --silent --fail -o "$dir/terraform.zip" "$base/terraform_${TERRAFORM_VERSION}_linux_amd64.zip"
  curl --silent --fail -o "$dir/SHA256SUMS" "$base/terraform_${TERRAFORM_VERSION}_SHA256SUMS"
  (cd "$dir" && grep "_linux_amd64.zip" SHA256SUMS | sed 's/ .*_linux_amd64.zip$/  terraform.zip/' | sha256sum --check --quiet)
  unzip -q -o "$dir/terraform.zip" -d "$dir/bin" && export PATH="$dir/bin:$PATH"
fi

export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=true
DB_ENV="$environment" npx cdktf deploy "${environment}-*" --auto-approve
