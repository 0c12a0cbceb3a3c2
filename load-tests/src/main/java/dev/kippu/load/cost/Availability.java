package dev.kippu.load.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Service SLAs (the seed's table, completed for the services Kippu's runtimes use), the downtime
 * each allows in the seed's 30-day month, and the availability of each runtime's request path as
 * the product of its hops' SLAs: hops are in series, so any one failing fails the request. A
 * product of SLAs is what the contracts promise together, not a prediction.
 */
public final class Availability {

    private static final String SEED = "seed (docs: /work/shared/seeds, SLA table)";
    private static final double MINUTES_PER_MONTH = CostModel.SECONDS_PER_MONTH / 60;

    /** A monthly uptime commitment. */
    public record Sla(String service, double percent, String source) {

        public Sla {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(source, "source");
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException(service + ": an SLA is a percentage in (0, 100], got " + percent);
            }
        }

        public double monthlyDowntimeMinutes() {
            return (1 - percent / 100) * MINUTES_PER_MONTH;
        }
    }

    /**
     * The hops one API request crosses on a runtime; {@code notCovered} names the hops on the path
     * that have no SLA here, which makes the product an upper bound.
     */
    public record RequestPath(String runtime, List<Sla> hops, List<String> notCovered) {

        public RequestPath {
            Objects.requireNonNull(runtime, "runtime");
            if (hops.isEmpty()) {
                throw new IllegalArgumentException(runtime + ": a request path has at least one hop");
            }
            hops = List.copyOf(hops);
            notCovered = List.copyOf(notCovered);
        }

        public double availability() {
            return hops.stream().mapToDouble(hop -> hop.percent() / 100).reduce(1, (a, b) -> a * b);
        }

        public double monthlyDowntimeMinutes() {
            return (1 - availability()) * MINUTES_PER_MONTH;
        }
    }

    public static final Sla EC2 = new Sla("Amazon EC2 (single instance)", 99.5, SEED);
    public static final Sla EKS = new Sla("Amazon EKS", 99.95, SEED);
    public static final Sla S3 = new Sla("Amazon S3", 99.9, SEED);
    public static final Sla CLOUDFRONT = new Sla("Amazon CloudFront", 99.9, SEED);
    public static final Sla COGNITO = new Sla("Amazon Cognito", 99.9, SEED);
    public static final Sla LAMBDA = new Sla("AWS Lambda", 99.95, SEED);
    public static final Sla APPSYNC = new Sla("AWS AppSync", 99.95, SEED);
    public static final Sla DYNAMODB = new Sla("Amazon DynamoDB (one region)", 99.99, SEED);
    public static final Sla DYNAMODB_GLOBAL = new Sla("Amazon DynamoDB (global tables)", 99.999, SEED);
    public static final Sla ROUTE_53 = new Sla("Amazon Route 53", 100, SEED);
    public static final Sla ELB = new Sla("Elastic Load Balancing (ALB)", 99.99, SEED + ", glossary: ELB");
    public static final Sla API_GATEWAY = new Sla("Amazon API Gateway", 99.95,
            "https://aws.amazon.com/api-gateway/sla/ (read as aws.amazon.com/cn/api-gateway/sla, 2022-05-05)");
    public static final Sla ECS_FARGATE = new Sla("Amazon ECS / AWS Fargate (tasks in two or more zones)", 99.99,
            "https://aws.amazon.com/compute/sla/ (Region-Level SLA, read as its 2022-05-05 version)");
    public static final Sla GKE_AUTOPILOT_PODS = new Sla("GKE Autopilot Pods in multiple zones", 99.9,
            "https://cloud.google.com/kubernetes-engine/pricing (SLA paragraph)");
    public static final Sla GKE_AUTOPILOT_CONTROL_PLANE = new Sla("GKE Autopilot control plane", 99.95,
            "https://cloud.google.com/kubernetes-engine/pricing (SLA paragraph)");
    public static final Sla CLOUD_RUN = new Sla("Cloud Run", 99.95, "https://cloud.google.com/run/sla");

    private Availability() {
    }

    /** The seed's table and the SLAs added for the runtimes' paths, for the report. */
    public static List<Sla> slas() {
        return List.of(EC2, EKS, S3, CLOUDFRONT, COGNITO, LAMBDA, APPSYNC, DYNAMODB, DYNAMODB_GLOBAL, ROUTE_53, ELB,
                API_GATEWAY, ECS_FARGATE, GKE_AUTOPILOT_PODS, GKE_AUTOPILOT_CONTROL_PLANE, CLOUD_RUN);
    }

    /**
     * CloudFront × front door × compute × DynamoDB for each runtime. The Lambda variants are shown
     * behind a function URL (part of Lambda, no SLA of its own); behind an HTTP API they add
     * {@link #API_GATEWAY}. A Kubernetes control plane is left out: running pods keep serving
     * while it is away.
     */
    public static List<RequestPath> requestPaths() {
        String googleLoadBalancer = "Google Cloud Load Balancing (no SLA sourced here)";
        String managedInstancesSla = "Lambda Managed Instances: assumed covered by the Lambda SLA (not checked)";
        return List.of(
                new RequestPath("lambda-snapstart", List.of(CLOUDFRONT, LAMBDA, DYNAMODB), List.of()),
                new RequestPath("lambda-native", List.of(CLOUDFRONT, LAMBDA, DYNAMODB), List.of()),
                new RequestPath("lambda-mi", List.of(CLOUDFRONT, LAMBDA, DYNAMODB), List.of(managedInstancesSla)),
                new RequestPath("fargate", List.of(CLOUDFRONT, ELB, ECS_FARGATE, DYNAMODB), List.of()),
                new RequestPath("eks", List.of(CLOUDFRONT, ELB, ECS_FARGATE, DYNAMODB), List.of()),
                new RequestPath("gke-autopilot", List.of(CLOUDFRONT, GKE_AUTOPILOT_PODS, DYNAMODB),
                        List.of(googleLoadBalancer)),
                new RequestPath("knative-on-gke", List.of(CLOUDFRONT, GKE_AUTOPILOT_PODS, DYNAMODB),
                        List.of(googleLoadBalancer, "Knative Serving (self-operated, no SLA)")),
                new RequestPath("cloudrun", List.of(CLOUDFRONT, CLOUD_RUN, DYNAMODB), List.of()));
    }

    /** A Lambda path behind an HTTP API instead of a function URL. */
    public static RequestPath behindHttpApi(RequestPath lambdaPath) {
        List<Sla> hops = new ArrayList<>(lambdaPath.hops());
        hops.add(1, API_GATEWAY);
        return new RequestPath(lambdaPath.runtime() + " (HTTP API)", hops, lambdaPath.notCovered());
    }
}
