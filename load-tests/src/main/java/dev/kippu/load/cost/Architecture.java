package dev.kippu.load.cost;

/** CPU architecture of a Lambda function or a Fargate task: they are priced differently. */
public enum Architecture {
    X86_64, ARM64
}
