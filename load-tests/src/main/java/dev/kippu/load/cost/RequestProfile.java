package dev.kippu.load.cost;

/**
 * What one API request carries and what it makes Kippu do, on every runtime alike: bytes in and
 * out (a GB is taken as 10^9 bytes), and the DynamoDB read and write request units it consumes
 * (measured from Kippu's operations, not a price).
 */
public record RequestProfile(double requestBytes, double responseBytes, double dynamoReadUnits,
                             double dynamoWriteUnits) {

    public RequestProfile {
        CostModel.requireNonNegative("requestBytes", requestBytes);
        CostModel.requireNonNegative("responseBytes", responseBytes);
        CostModel.requireNonNegative("dynamoReadUnits", dynamoReadUnits);
        CostModel.requireNonNegative("dynamoWriteUnits", dynamoWriteUnits);
    }

    double gigabytes() {
        return (requestBytes + responseBytes) / 1e9;
    }
}
