#!/usr/bin/env bash
# `npm run lint:templates`: cfn-lint over the synthesized CloudFormation templates; warnings fail too.
# Before any synth there is nothing to lint: say so instead of cfn-lint's "could not be processed by glob.glob".
set -euo pipefail
out="${CDK_OUTDIR_TO_LINT:-cdk.out}"
shopt -s globstar nullglob
templates=("$out"/**/*.template.json)
if [ ${#templates[@]} -eq 0 ]; then
  echo "lint:templates: no CloudFormation templates in $out/; run \`npm run synth\` first." >&2
  exit 2
fi
exec cfn-lint --non-zero-exit-code warning -- "$out/**/*.template.json"
