package dev.kippu.load.cost;

import java.time.LocalDate;
import java.util.List;

/**
 * The list prices the cost model uses (on-demand, no free tier, no discounts), each with its source
 * and the date it was read. Numbers the provider's page showed are cited to that page; numbers only a
 * third party showed say so in {@link Price#quotedBy()}. A price that could not be sourced is not
 * here: see docs/cost-model.md for what is missing.
 */
public final class Prices {

    private static final LocalDate READ = LocalDate.of(2026, 12, 1);
    private static final String US_EAST_1 = "us-east-1";
    private static final String US_CENTRAL1 = "us-central1";

    private static final String LAMBDA_PRICING = "https://aws.amazon.com/lambda/pricing/";
    private static final String FARGATE_PRICING = "https://aws.amazon.com/fargate/pricing/";
    private static final String ELB_PRICING = "https://aws.amazon.com/elasticloadbalancing/pricing/";
    private static final String VPC_PRICING = "https://aws.amazon.com/vpc/pricing/";
    private static final String CLOUDFRONT_PRICING = "https://aws.amazon.com/cloudfront/pricing/";
    private static final String GKE_PRICING = "https://cloud.google.com/kubernetes-engine/pricing";
    private static final String CLOUD_RUN_PRICING = "https://cloud.google.com/run/pricing";

    // AWS Lambda (first duration tier: up to 6 billion GB-s a month on x86, 7.5 billion on arm64)
    public static final Price LAMBDA_REQUEST = new Price("Lambda requests", 0.20 / 1e6, "request", US_EAST_1,
            LAMBDA_PRICING, "git.mcrn.ar lambda_local_runner docs; cloudchipr.com", READ);
    public static final Price LAMBDA_GB_SECOND_X86 = new Price("Lambda duration, x86_64", 0.0000166667, "GB-second",
            US_EAST_1, LAMBDA_PRICING, "cloudchipr.com/blog/aws-lambda-pricing", READ);
    public static final Price LAMBDA_GB_SECOND_ARM = new Price("Lambda duration, arm64", 0.0000133334, "GB-second",
            US_EAST_1, LAMBDA_PRICING, "cloudchipr.com/blog/aws-lambda-pricing", READ);
    /** SnapStart bills snapshot caching and restores only outside the Java managed runtimes. */
    public static final Price LAMBDA_SNAPSTART_JAVA = new Price("SnapStart cache and restore, Java runtimes", 0,
            "request", US_EAST_1, "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html#snapstart-pricing",
            "serverless/serverless PR #13847 (docs: snapshots are billed outside the Java managed runtimes)", READ);
    public static final Price LAMBDA_MI_REQUEST = new Price("Lambda Managed Instances requests", 0.20 / 1e6,
            "request", US_EAST_1, LAMBDA_PRICING,
            "github.com/api-evangelist/aws-lambda plans/aws-lambda-plans-pricing.yml (page text read 2026-09-20)",
            READ);
    /** Lambda's fee on Managed Instances, as a fraction of the EC2 on-demand price of the instances. */
    public static final Price LAMBDA_MI_MANAGEMENT_FEE = new Price("Lambda Managed Instances management fee", 0.15,
            "fraction of the EC2 on-demand instance price", US_EAST_1, LAMBDA_PRICING,
            "github.com/api-evangelist/aws-lambda plans/aws-lambda-plans-pricing.yml; edjgeek.com", READ);
    public static final Price EC2_M7G_LARGE = new Price("EC2 m7g.large (2 vCPU, 8 GiB, Graviton3), Linux", 0.0816,
            "instance-hour", US_EAST_1, "https://aws.amazon.com/ec2/pricing/on-demand/",
            "factualminds.com/blog/amazon-ec2-on-demand-pricing-instance-families-2026 (June 2026)", READ);

    // Front doors
    public static final Price HTTP_API_REQUEST = new Price("API Gateway HTTP API requests (first 300 million)",
            1.00 / 1e6, "request", US_EAST_1, "https://aws.amazon.com/api-gateway/pricing/",
            "apigatewaycost.com; awsforengineers.com", READ);
    public static final Price FUNCTION_URL_REQUEST = new Price("Lambda function URL", 0, "request", US_EAST_1,
            LAMBDA_PRICING, "github.com/api-evangelist/aws-lambda (\"Lambda function URLs (no extra charge)\")", READ);
    public static final Price CLOUDFRONT_HTTPS_REQUEST = new Price("CloudFront HTTPS requests, North America",
            0.0100 / 1e4, "request", "North America edge", CLOUDFRONT_PRICING,
            "wring.co/blog/aws-cloudfront-pricing-guide (March 2026)", READ);
    public static final Price CLOUDFRONT_TRANSFER_OUT = new Price(
            "CloudFront data transfer out to the internet, North America, first 10 TB", 0.085, "GB",
            "North America edge", CLOUDFRONT_PRICING, "", READ);
    public static final Price ALB_HOUR = new Price("Application Load Balancer", 0.0225, "ALB-hour", US_EAST_1,
            ELB_PRICING, "cloud-horizons.com/blog/alb-the-line-item-nobody-watches (May 2026)", READ);
    /** One LCU is, among four dimensions, 1 GB of processed bytes an hour (for EC2/IP targets). */
    public static final Price ALB_LCU_HOUR = new Price("Application Load Balancer capacity unit", 0.008, "LCU-hour",
            US_EAST_1, ELB_PRICING, "cloud-horizons.com/blog/alb-the-line-item-nobody-watches (May 2026)", READ);

    // Networking
    public static final Price NAT_GATEWAY_HOUR = new Price("NAT gateway", 0.045, "gateway-hour", US_EAST_1,
            VPC_PRICING, "basavytix.com/blog/aws-nat-gateway-pricing; cloudburn.io (Feb 2026)", READ);
    public static final Price NAT_GATEWAY_GB = new Price("NAT gateway data processed", 0.045, "GB", US_EAST_1,
            VPC_PRICING, "basavytix.com/blog/aws-nat-gateway-pricing; cloudburn.io (Feb 2026)", READ);
    public static final Price PUBLIC_IPV4_HOUR = new Price("Public IPv4 address", 0.005, "address-hour", US_EAST_1,
            VPC_PRICING, "cloudburn.io/blog/aws-nat-gateway-pricing (Feb 2026)", READ);

    // Containers on AWS
    public static final Price FARGATE_VCPU_HOUR_X86 = new Price("Fargate Linux/x86 vCPU", 0.04048, "vCPU-hour",
            US_EAST_1, FARGATE_PRICING, "vantage.sh/blog/fargate-pricing; wring.co (March 2026)", READ);
    public static final Price FARGATE_GB_HOUR_X86 = new Price("Fargate Linux/x86 memory", 0.004445, "GB-hour",
            US_EAST_1, FARGATE_PRICING, "vantage.sh/blog/fargate-pricing; wring.co (March 2026)", READ);
    public static final Price FARGATE_VCPU_HOUR_ARM = new Price("Fargate Linux/ARM vCPU", 0.03238, "vCPU-hour",
            US_EAST_1, FARGATE_PRICING, "vantage.sh/blog/fargate-pricing; cloudburn.io (March 2026)", READ);
    public static final Price FARGATE_GB_HOUR_ARM = new Price("Fargate Linux/ARM memory", 0.00356, "GB-hour",
            US_EAST_1, FARGATE_PRICING, "vantage.sh/blog/fargate-pricing; cloudburn.io (March 2026)", READ);
    /** An upper bound: Spot prices move with spare capacity. Kippu runs only its batch job on Spot. */
    public static final Price FARGATE_SPOT_MAX_DISCOUNT = new Price("Fargate Spot discount, at most", 0.70,
            "fraction of the on-demand price", US_EAST_1, FARGATE_PRICING,
            "wring.co/blog/aws-fargate-pricing-guide (\"up to 70%\", March 2026)", READ);
    public static final Price EKS_CLUSTER_HOUR = new Price("EKS cluster, standard support", 0.10, "cluster-hour",
            US_EAST_1, "https://aws.amazon.com/eks/pricing/",
            "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing", READ);

    // Google Cloud
    public static final Price GKE_CLUSTER_HOUR = new Price("GKE cluster management fee (Autopilot and Standard)",
            0.10, "cluster-hour", "all regions", GKE_PRICING, "", READ);
    public static final Price GKE_AUTOPILOT_VCPU_HOUR = new Price("GKE Autopilot general-purpose Pod vCPU", 0.0445,
            "vCPU-hour", US_CENTRAL1, GKE_PRICING,
            "c3x.dev/blog/gcp-gke-autopilot-cost-optimization; toolstac.com", READ);
    public static final Price GKE_AUTOPILOT_GIB_HOUR = new Price("GKE Autopilot general-purpose Pod memory",
            0.0049225, "GiB-hour", US_CENTRAL1, GKE_PRICING, "toolstac.com/tool/gke-enterprise", READ);
    public static final Price CLOUD_RUN_REQUEST_VCPU_SECOND = new Price(
            "Cloud Run request-based billing vCPU, Tier 1", 0.000024, "vCPU-second", "Tier 1 (incl. " + US_CENTRAL1
            + ")", CLOUD_RUN_PRICING, "", READ);
    public static final Price CLOUD_RUN_REQUEST_GIB_SECOND = new Price(
            "Cloud Run request-based billing memory, Tier 1", 0.0000025, "GiB-second", "Tier 1 (incl. "
            + US_CENTRAL1 + ")", CLOUD_RUN_PRICING, "", READ);
    public static final Price CLOUD_RUN_REQUEST = new Price("Cloud Run requests (request-based billing)", 0.40 / 1e6,
            "request", "Tier 1 (incl. " + US_CENTRAL1 + ")", CLOUD_RUN_PRICING, "", READ);
    public static final Price CLOUD_RUN_INSTANCE_VCPU_SECOND = new Price(
            "Cloud Run instance-based billing vCPU, Tier 1", 0.000018, "vCPU-second", "Tier 1 (incl. "
            + US_CENTRAL1 + ")", CLOUD_RUN_PRICING, "", READ);
    public static final Price CLOUD_RUN_INSTANCE_GIB_SECOND = new Price(
            "Cloud Run instance-based billing memory, Tier 1", 0.000002, "GiB-second", "Tier 1 (incl. "
            + US_CENTRAL1 + ")", CLOUD_RUN_PRICING, "WEAK: not on Google's page as indexed here; the figure is in "
            + "public cost notes found by code search, no citable page; verify", READ);

    // DynamoDB on-demand (after the November 2024 reduction). How many units one Kippu operation uses
    // is an input of the model, not a price.
    public static final Price DYNAMODB_WRITE_REQUEST_UNIT = new Price("DynamoDB on-demand write request unit",
            0.625 / 1e6, "write request unit", US_EAST_1, "https://aws.amazon.com/dynamodb/pricing/on-demand/",
            "airbyte.com/data-engineering-resources/dynamodb-pricing", READ);
    public static final Price DYNAMODB_READ_REQUEST_UNIT = new Price("DynamoDB on-demand read request unit",
            0.125 / 1e6, "read request unit", US_EAST_1, "https://aws.amazon.com/dynamodb/pricing/on-demand/",
            "airbyte.com/data-engineering-resources/dynamodb-pricing", READ);

    private Prices() {
    }

    /** Every price above, for the report's price table. */
    public static List<Price> all() {
        return List.of(LAMBDA_REQUEST, LAMBDA_GB_SECOND_X86, LAMBDA_GB_SECOND_ARM, LAMBDA_SNAPSTART_JAVA,
                LAMBDA_MI_REQUEST, LAMBDA_MI_MANAGEMENT_FEE, EC2_M7G_LARGE, HTTP_API_REQUEST, FUNCTION_URL_REQUEST,
                CLOUDFRONT_HTTPS_REQUEST, CLOUDFRONT_TRANSFER_OUT, ALB_HOUR, ALB_LCU_HOUR, NAT_GATEWAY_HOUR,
                NAT_GATEWAY_GB, PUBLIC_IPV4_HOUR, FARGATE_VCPU_HOUR_X86, FARGATE_GB_HOUR_X86, FARGATE_VCPU_HOUR_ARM,
                FARGATE_GB_HOUR_ARM, FARGATE_SPOT_MAX_DISCOUNT, EKS_CLUSTER_HOUR, GKE_CLUSTER_HOUR,
                GKE_AUTOPILOT_VCPU_HOUR, GKE_AUTOPILOT_GIB_HOUR, CLOUD_RUN_REQUEST_VCPU_SECOND,
                CLOUD_RUN_REQUEST_GIB_SECOND, CLOUD_RUN_REQUEST, CLOUD_RUN_INSTANCE_VCPU_SECOND,
                CLOUD_RUN_INSTANCE_GIB_SECOND, DYNAMODB_WRITE_REQUEST_UNIT, DYNAMODB_READ_REQUEST_UNIT);
    }
}
