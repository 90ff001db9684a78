"""Prints, as JSON, how many resources each given SAM template has after the AWS::Serverless transform.

Runs the SAM translator (package samtranslator, installed with cfn-lint) the way CloudFormation does at deploy time,
after `sam deploy` has uploaded the artifacts: local CodeUri paths become S3 URIs, as `sam package` makes them.
Usage: python3 transformed_resources.py TEMPLATE...
"""

import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse



class NoManagedPolicies:
    """The translator asks IAM for managed policy ARNs only when a template names one by name; these do not."""

    def load(self):
        return {}


def uploaded(template):
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
            properties["CodeUri"] = "s3://artifacts/" + os.path.basename(properties["CodeUri"])
        if resource.get("Type") == "AWS::Serverless::Application" and isinstance(properties.get("Location"), str):
            properties["Location"] = "https://s3.amazonaws.com/artifacts/" + os.path.basename(properties["Location"])
    return template


def parameter_values(template):
    """Only parameters without a default: the translator takes the defaults itself, as for a stack deployed alone."""
    return {
        name: "placeholder"
        for name, definition in template.get("Parameters", {}).items()
        if "Default" not in definition
    }


def main(paths):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    counts = {}
    for path in paths:
        with open(path, encoding="utf-8") as file:
            template = uploaded(yaml_parse(file.read()))
        transformed = transform(template, parameter_values(template), NoManagedPolicies())
        counts[path] = len(transformed["Resources"])
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
