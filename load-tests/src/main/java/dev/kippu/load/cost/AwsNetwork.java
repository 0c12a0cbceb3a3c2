package dev.kippu.load.cost;

/**
 * The NAT gateways a VPC runtime needs to reach SQS, SES and Cognito (DynamoDB and S3 go through
 * the free gateway endpoints), and the bytes one request sends through them.
 */
public record AwsNetwork(int natGateways, double natBytesPerRequest) {

    public static final AwsNetwork NONE = new AwsNetwork(0, 0);

    public AwsNetwork {
        if (natGateways < 0) {
            throw new IllegalArgumentException("natGateways must be >= 0, got " + natGateways);
        }
        CostModel.requireNonNegative("natBytesPerRequest", natBytesPerRequest);
        if (natGateways == 0 && natBytesPerRequest > 0) {
            throw new IllegalArgumentException("natBytesPerRequest " + natBytesPerRequest + " needs a NAT gateway");
        }
    }
}
