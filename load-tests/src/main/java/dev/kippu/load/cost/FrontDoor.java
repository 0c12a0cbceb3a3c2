package dev.kippu.load.cost;

/** How requests reach a Lambda function behind CloudFront (deploy-lambda's kippu:frontDoor). */
public enum FrontDoor {
    FUNCTION_URL(Prices.FUNCTION_URL_REQUEST),
    HTTP_API(Prices.HTTP_API_REQUEST);

    private final Price perRequest;

    FrontDoor(Price perRequest) {
        this.perRequest = perRequest;
    }

    Price perRequest() {
        return perRequest;
    }
}
