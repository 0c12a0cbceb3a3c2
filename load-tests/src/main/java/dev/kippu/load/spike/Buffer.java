package dev.kippu.load.spike;

/**
 * Where requests wait when capacity is short, and how long: {@code perReadyInstance} requests for
 * each instance taking traffic plus {@code shared} ones (an activator), each for at most
 * {@code maxWaitSeconds} before it counts as refused (a timeout). Beyond the buffer, refused at once.
 */
public record Buffer(long perReadyInstance, long shared, int maxWaitSeconds) {

    /** CloudFront gives up on an origin after 30 s (docs/infrastructure.md). */
    static final int CLOUDFRONT_ORIGIN_TIMEOUT_SECONDS = 30;

    /** No buffer at all: what capacity cannot take this second is refused (Lambda's 429). */
    public static final Buffer NONE = new Buffer(0, 0, 0);

    /**
     * A container behind a load balancer: the ALB forwards at once (it has no request queue of its
     * own), Tomcat accepts up to 8,192 connections (Spring Boot's server.tomcat.max-connections
     * default; Kippu sets no other) and holds those its 200 threads cannot serve, until CloudFront
     * gives up on the origin.
     */
    public static final Buffer TOMCAT_BEHIND_CLOUDFRONT = new Buffer(8_192, 0, CLOUDFRONT_ORIGIN_TIMEOUT_SECONDS);

    public Buffer {
        if (perReadyInstance < 0 || shared < 0 || maxWaitSeconds < 0) {
            throw new IllegalArgumentException("a buffer's sizes and wait are >= 0, got " + perReadyInstance + ", "
                    + shared + ", " + maxWaitSeconds);
        }
    }

    double capacity(int readyInstances) {
        return (double) perReadyInstance * readyInstances + shared;
    }
}
