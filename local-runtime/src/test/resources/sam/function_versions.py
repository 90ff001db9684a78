"""Prints, as JSON, the logical id of the Lambda version the SAM transform gives each function of a template.

Usage: python3 function_versions.py TEMPLATE [NAME=VALUE...] (parameter values, as CloudFormation hands them to the
transform at deploy time; other parameters as in transformed_resources.py)
"""

import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

from transformed_resources import NoManagedPolicies, parameter_values, uploaded


def main(path, assignments):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as file:
        template = uploaded(yaml_parse(file.read()))
    values = parameter_values(template)
    values.update(assignment.split("=", 1) for assignment in assignments)
    transformed = transform(template, values, NoManagedPolicies())
    versions = {}
    for logical_id, resource in transformed["Resources"].items():
        if resource["Type"] == "AWS::Lambda::Version":
            function = resource["Properties"]["FunctionName"]["Ref"]
            versions[function] = logical_id
    print(json.dumps(versions))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
