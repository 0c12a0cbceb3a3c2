package dev.kippu.load.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of each of Kippu's runtimes, assembled from the price table and what the stacks deploy
 * (docs/infrastructure.md, docs/kubernetes.md, docs/knative.md). Every runtime sits behind the
 * shared CloudFront distribution and uses the same DynamoDB table, so each request pays
 * CloudFront's request and transfer charges and its DynamoDB units on every runtime.
 */
public final class Runtimes {

    /** An internet-facing ALB has a public address in each zone; Kippu's VPC has two. */
    static final int INTERNET_FACING_ALB_ADDRESSES = 2;

    private Runtimes() {
    }

    /** java25 with SnapStart: on-demand Lambda; SnapStart adds no charge on the Java runtimes. */
    public static RuntimeCost lambdaSnapStart(LambdaFunction function, FrontDoor frontDoor, RequestProfile profile) {
        List<LineItem> perRequest = lambdaRequestCharges(frontDoor, profile);
        perRequest.add(item(Prices.LAMBDA_SNAPSTART_JAVA, Prices.LAMBDA_SNAPSTART_JAVA.usd()));
        return new RuntimeCost("lambda-snapstart", lambdaDuration(function), List.of(), perRequest);
    }

    /** The native executable on provided.al2023: the same prices, its own measured duration. */
    public static RuntimeCost lambdaNative(LambdaFunction function, FrontDoor frontDoor, RequestProfile profile) {
        return new RuntimeCost("lambda-native", lambdaDuration(function), List.of(),
                lambdaRequestCharges(frontDoor, profile));
    }

    /**
     * java25 on Managed Instances: EC2 instances that run whether or not requests come, plus
     * Lambda's management fee on them, plus Lambda's request charge; no duration charge.
     * {@code ec2InstanceHourly} is the on-demand price of the capacity provider's instance type.
     */
    public static RuntimeCost lambdaManagedInstances(Price ec2InstanceHourly, Scaling scaling, FrontDoor frontDoor,
                                                     AwsNetwork network, RequestProfile profile) {
        double hourly = ec2InstanceHourly.usd() * (1 + Prices.LAMBDA_MI_MANAGEMENT_FEE.usd());
        Compute fleet = new Compute.InstanceFleet(ec2InstanceHourly.item() + " + management fee", hourly,
                scaling.capacity(), scaling.minInstances());
        List<LineItem> perRequest = pathCharges(profile);
        perRequest.add(item(Prices.LAMBDA_MI_REQUEST, Prices.LAMBDA_MI_REQUEST.usd()));
        perRequest.add(item(frontDoor.perRequest(), frontDoor.perRequest().usd()));
        natPerRequest(network, perRequest);
        return new RuntimeCost("lambda-mi", fleet, natFixed(network, new ArrayList<>()), perRequest);
    }

    /**
     * The ECS service on Fargate behind an internal ALB that CloudFront reaches through a VPC origin
     * (deploy-fargate: arm64, 0.5 vCPU / 1 GiB, 2+ tasks): the ALB has no public address, and no
     * charge of the VPC origin itself was found.
     */
    public static RuntimeCost fargate(PodSize task, Architecture architecture, Scaling scaling, AwsNetwork network,
                                      RequestProfile profile) {
        double hourly = architecture == Architecture.ARM64
                ? task.hourlyUsd(Prices.FARGATE_VCPU_HOUR_ARM, Prices.FARGATE_GB_HOUR_ARM)
                : task.hourlyUsd(Prices.FARGATE_VCPU_HOUR_X86, Prices.FARGATE_GB_HOUR_X86);
        Compute fleet = new Compute.InstanceFleet("Fargate task", hourly, scaling.capacity(), scaling.minInstances());
        return albRuntime("fargate", fleet, new ArrayList<>(), network, profile);
    }

    /**
     * k8s/overlays/eks on an EKS cluster whose pods run on Fargate (Linux/x86, the only
     * architecture EKS on Fargate offers), priced by their requests, behind the AWS Load Balancer
     * Controller's ALB, taken as internet-facing (CloudFront's {@code https} origin type, a public name):
     * docs/kubernetes.md names no scheme, and an internal ALB behind a VPC origin would drop its addresses.
     */
    public static RuntimeCost eks(PodSize pod, Scaling scaling, AwsNetwork network, RequestProfile profile) {
        Compute fleet = new Compute.InstanceFleet("EKS pod on Fargate",
                pod.hourlyUsd(Prices.FARGATE_VCPU_HOUR_X86, Prices.FARGATE_GB_HOUR_X86),
                scaling.capacity(), scaling.minInstances());
        List<LineItem> fixed = new ArrayList<>();
        fixed.add(hourly(Prices.EKS_CLUSTER_HOUR, 1));
        fixed.add(publicAddresses(INTERNET_FACING_ALB_ADDRESSES, "ALB"));
        return albRuntime("eks", fleet, fixed, network, profile);
    }

    /** k8s/overlays/gke on an Autopilot cluster: the cluster fee and the pods' requests. */
    public static RuntimeCost gkeAutopilot(PodSize pod, Scaling scaling, RequestProfile profile) {
        return new RuntimeCost("gke-autopilot", autopilotPods("Autopilot pod", pod, scaling),
                List.of(hourly(Prices.GKE_CLUSTER_HOUR, 1)), pathCharges(profile));
    }

    /**
     * The Knative Service on an Autopilot cluster: the API's pods (scale to zero allowed), and the
     * pods that run whatever the traffic: Kippu's e-mail worker and Knative Serving's own
     * components, which on Autopilot are billed like any pod.
     */
    public static RuntimeCost knativeOnGke(PodSize pod, Scaling scaling, List<NamedPod> alwaysOn,
                                           RequestProfile profile) {
        List<LineItem> fixed = new ArrayList<>();
        fixed.add(hourly(Prices.GKE_CLUSTER_HOUR, 1));
        for (NamedPod always : alwaysOn) {
            fixed.add(new LineItem(always.name() + " (Autopilot pod, always on)", always.size()
                    .hourlyUsd(Prices.GKE_AUTOPILOT_VCPU_HOUR, Prices.GKE_AUTOPILOT_GIB_HOUR)
                    * CostModel.HOURS_PER_MONTH));
        }
        return new RuntimeCost("knative-on-gke", autopilotPods("Knative revision pod", pod, scaling), fixed,
                pathCharges(profile));
    }

    /**
     * The Cloud Run service with request-based billing and no minimum (deploy-knative's cloudrun
     * variant); {@code instance} includes every container of the instance (Kippu and its token
     * sidecar). The e-mail worker is a second service, one instance always on, instance-based.
     */
    public static RuntimeCost cloudRun(PodSize instance, Capacity capacity, double meanRequestMs, PodSize worker,
                                       RequestProfile profile) {
        CostModel.requirePositive("meanRequestMs", meanRequestMs);
        double instanceSecond = instance.vcpu() * Prices.CLOUD_RUN_REQUEST_VCPU_SECOND.usd()
                + instance.memoryGib() * Prices.CLOUD_RUN_REQUEST_GIB_SECOND.usd();
        Compute busy = new Compute.BusyTimeFleet("Cloud Run instance (request-based)", instanceSecond, capacity,
                meanRequestMs / 1000);
        double workerSecond = worker.vcpu() * Prices.CLOUD_RUN_INSTANCE_VCPU_SECOND.usd()
                + worker.memoryGib() * Prices.CLOUD_RUN_INSTANCE_GIB_SECOND.usd();
        List<LineItem> perRequest = pathCharges(profile);
        perRequest.add(item(Prices.CLOUD_RUN_REQUEST, Prices.CLOUD_RUN_REQUEST.usd()));
        return new RuntimeCost("cloudrun", busy,
                List.of(new LineItem("e-mail worker service (instance-based, 1 instance)",
                        workerSecond * CostModel.SECONDS_PER_MONTH)),
                perRequest);
    }

    private static Compute lambdaDuration(LambdaFunction function) {
        Price gbSecond = function.architecture() == Architecture.ARM64
                ? Prices.LAMBDA_GB_SECOND_ARM : Prices.LAMBDA_GB_SECOND_X86;
        return new Compute.PerRequest(gbSecond.item(), function.gbSecondsPerRequest() * gbSecond.usd());
    }

    private static List<LineItem> lambdaRequestCharges(FrontDoor frontDoor, RequestProfile profile) {
        List<LineItem> perRequest = pathCharges(profile);
        perRequest.add(item(Prices.LAMBDA_REQUEST, Prices.LAMBDA_REQUEST.usd()));
        perRequest.add(item(frontDoor.perRequest(), frontDoor.perRequest().usd()));
        return perRequest;
    }

    private static Compute autopilotPods(String what, PodSize pod, Scaling scaling) {
        return new Compute.InstanceFleet(what,
                pod.hourlyUsd(Prices.GKE_AUTOPILOT_VCPU_HOUR, Prices.GKE_AUTOPILOT_GIB_HOUR),
                scaling.capacity(), scaling.minInstances());
    }

    private static RuntimeCost albRuntime(String runtime, Compute fleet, List<LineItem> fixed, AwsNetwork network,
                                          RequestProfile profile) {
        fixed.add(hourly(Prices.ALB_HOUR, 1));
        natFixed(network, fixed);
        List<LineItem> perRequest = pathCharges(profile);
        // of an LCU's four dimensions only processed bytes (1 GB an hour) is counted: behind CloudFront
        // the ALB sees few, long-lived connections, and Kippu's listener has fewer than 10 rules
        perRequest.add(item(Prices.ALB_LCU_HOUR, profile.gigabytes() * Prices.ALB_LCU_HOUR.usd()));
        natPerRequest(network, perRequest);
        return new RuntimeCost(runtime, fleet, fixed, perRequest);
    }

    private static List<LineItem> pathCharges(RequestProfile profile) {
        List<LineItem> charges = new ArrayList<>();
        charges.add(item(Prices.CLOUDFRONT_HTTPS_REQUEST, Prices.CLOUDFRONT_HTTPS_REQUEST.usd()));
        charges.add(item(Prices.CLOUDFRONT_TRANSFER_OUT,
                profile.responseBytes() / 1e9 * Prices.CLOUDFRONT_TRANSFER_OUT.usd()));
        charges.add(item(Prices.DYNAMODB_READ_REQUEST_UNIT,
                profile.dynamoReadUnits() * Prices.DYNAMODB_READ_REQUEST_UNIT.usd()));
        charges.add(item(Prices.DYNAMODB_WRITE_REQUEST_UNIT,
                profile.dynamoWriteUnits() * Prices.DYNAMODB_WRITE_REQUEST_UNIT.usd()));
        return charges;
    }

    private static List<LineItem> natFixed(AwsNetwork network, List<LineItem> fixed) {
        if (network.natGateways() > 0) {
            fixed.add(hourly(Prices.NAT_GATEWAY_HOUR, network.natGateways()));
            fixed.add(publicAddresses(network.natGateways(), "NAT"));
        }
        return fixed;
    }

    private static void natPerRequest(AwsNetwork network, List<LineItem> perRequest) {
        if (network.natBytesPerRequest() > 0) {
            perRequest.add(item(Prices.NAT_GATEWAY_GB, network.natBytesPerRequest() / 1e9
                    * Prices.NAT_GATEWAY_GB.usd()));
        }
    }

    private static LineItem publicAddresses(int count, String holder) {
        return new LineItem(Prices.PUBLIC_IPV4_HOUR.item() + " × " + count + " (" + holder + ")",
                count * Prices.PUBLIC_IPV4_HOUR.usd() * CostModel.HOURS_PER_MONTH);
    }

    private static LineItem hourly(Price price, int count) {
        return new LineItem(price.item() + (count == 1 ? "" : " × " + count),
                count * price.usd() * CostModel.HOURS_PER_MONTH);
    }

    private static LineItem item(Price price, double usd) {
        return new LineItem(price.item(), usd);
    }
}
