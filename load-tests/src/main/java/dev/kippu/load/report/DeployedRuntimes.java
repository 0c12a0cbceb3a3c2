package dev.kippu.load.report;

import java.util.List;
import java.util.function.Function;

import dev.kippu.load.cost.Architecture;
import dev.kippu.load.cost.AwsNetwork;
import dev.kippu.load.cost.Capacity;
import dev.kippu.load.cost.FrontDoor;
import dev.kippu.load.cost.LambdaFunction;
import dev.kippu.load.cost.NamedPod;
import dev.kippu.load.cost.PodSize;
import dev.kippu.load.cost.Prices;
import dev.kippu.load.cost.RequestProfile;
import dev.kippu.load.cost.RuntimeCost;
import dev.kippu.load.cost.Runtimes;
import dev.kippu.load.cost.Scaling;
import dev.kippu.load.spike.CloudRunScaling;
import dev.kippu.load.spike.EcsScaling;
import dev.kippu.load.spike.HpaScaling;
import dev.kippu.load.spike.Instances;
import dev.kippu.load.spike.KpaScaling;
import dev.kippu.load.spike.LambdaScaling;
import dev.kippu.load.spike.ManagedInstancesScaling;
import dev.kippu.load.spike.Spike;
import dev.kippu.load.spike.SpikeModel;
import dev.kippu.load.spike.SpikeOutcome;

/**
 * Kippu's runtimes as its stacks deploy them (deploy-lambda, deploy-fargate, k8s/, deploy-knative),
 * priced by the cost model and, where the spike model has the runtime, simulated in a flash sale,
 * both with the measured or assumed {@link ModelInputs}.
 */
final class DeployedRuntimes {

    /** deploy-fargate's kippu:cpuTarget and k8s/base/hpa.yaml's CPU target: what an instance serves is priced at it. */
    static final double CPU_TARGET = 0.6;
    /** deploy-fargate: the ALB's two health checks, 10 s apart, before a new task takes traffic. */
    static final double ALB_HEALTH_CHECKS_SECONDS = 20;

    private static final PodSize HALF_VCPU_1_GIB = new PodSize(0.5, 1);
    /** Kippu's container (1 vCPU, 1 GiB) and its token sidecar (0.1 vCPU, 64 MiB): deploy-knative's cloudrun variant. */
    private static final PodSize CLOUD_RUN_INSTANCE = new PodSize(1.1, 1.0625);
    private static final double M7G_LARGE_VCPU = 2;

    /** One runtime: what it is as deployed, its cost, and its flash sale. */
    record Deployed(String configuration, RuntimeCost cost, Function<Spike, SpikeOutcome> spike) {

        String runtime() {
            return cost.runtime();
        }
    }

    private DeployedRuntimes() {
    }

    static List<Deployed> of(ModelInputs inputs) {
        RequestProfile profile = inputs.requestProfile();
        double cpuMillis = inputs.cpuMillisPerRequest().value();
        double lambdaMillis = inputs.lambdaMeanMillis().value();
        double startSeconds = inputs.provisioningSeconds().value() + inputs.startMillis().value() / 1000;
        Scaling twoHalfVcpu = new Scaling(Capacity.fromCpu(0.5, cpuMillis, CPU_TARGET), 2);
        Instances halfVcpu = new Instances(0.5 * 1000 / cpuMillis, startSeconds);

        RuntimeCost snapStart = Runtimes.lambdaSnapStart(new LambdaFunction(2048, Architecture.ARM64, lambdaMillis),
                FrontDoor.FUNCTION_URL, profile);
        RuntimeCost lambdaNative = Runtimes.lambdaNative(new LambdaFunction(1024, Architecture.ARM64, lambdaMillis),
                FrontDoor.FUNCTION_URL, profile);
        Capacity m7gLarge = Capacity.fromCpu(M7G_LARGE_VCPU, cpuMillis, CPU_TARGET);
        RuntimeCost managedInstances = Runtimes.lambdaManagedInstances(Prices.EC2_M7G_LARGE, new Scaling(m7gLarge, 3),
                FrontDoor.FUNCTION_URL, AwsNetwork.NONE, profile);
        RuntimeCost fargate = Runtimes.fargate(HALF_VCPU_1_GIB, Architecture.ARM64, twoHalfVcpu, new AwsNetwork(1, 0),
                profile);
        RuntimeCost eks = Runtimes.eks(HALF_VCPU_1_GIB, twoHalfVcpu, new AwsNetwork(1, 0), profile);
        RuntimeCost gke = Runtimes.gkeAutopilot(HALF_VCPU_1_GIB, twoHalfVcpu, profile);
        RuntimeCost knative = Runtimes.knativeOnGke(HALF_VCPU_1_GIB,
                new Scaling(Capacity.fromCpu(0.5, cpuMillis, CPU_TARGET), 0),
                List.of(new NamedPod("kippu-email-worker", new PodSize(0.25, 0.5))), profile);
        RuntimeCost cloudRun = Runtimes.cloudRun(CLOUD_RUN_INSTANCE, Capacity.fromCpu(1, cpuMillis, CPU_TARGET),
                inputs.cloudRunMeanMillis().value(), CLOUD_RUN_INSTANCE, profile);

        double initSeconds = inputs.lambdaInitMillis().value() / 1000;
        double knativeSeconds = inputs.knativeMeanMillis().value() / 1000;
        return List.of(
                new Deployed("SnapStart, 2,048 MB, arm64, function URL", snapStart, spike ->
                        SpikeModel.lambda(spike, LambdaScaling.stack(initSeconds, lambdaMillis / 1000), snapStart)),
                new Deployed("native executable, 1,024 MB, arm64, function URL", lambdaNative, spike ->
                        SpikeModel.lambda(spike, LambdaScaling.stack(initSeconds, lambdaMillis / 1000), lambdaNative)),
                new Deployed("m7g.large (2 vCPU), 3 to 6 instances, function URL", managedInstances, spike ->
                        SpikeModel.managedInstances(spike,
                                ManagedInstancesScaling.stack(m7gLarge.requestsPerSecondPerInstance()),
                                new Instances(M7G_LARGE_VCPU * 1000 / cpuMillis, startSeconds), managedInstances)),
                new Deployed("0.5 vCPU / 1 GiB arm64 tasks, 2 to 8, internal ALB, 1 NAT gateway", fargate,
                        spike -> SpikeModel.fargate(spike, EcsScaling.stack(),
                                new Instances(halfVcpu.requestsPerSecondAtFullLoad(),
                                        startSeconds + ALB_HEALTH_CHECKS_SECONDS), fargate)),
                new Deployed("pods of 0.5 vCPU / 1 GiB on Fargate (x86), HPA 2 to 10, ALB, 1 NAT gateway", eks,
                        spike -> SpikeModel.kubernetes(spike, HpaScaling.stack(), halfVcpu, eks)),
                new Deployed("Autopilot pods of 0.5 vCPU / 1 GiB, HPA 2 to 10", gke,
                        spike -> SpikeModel.kubernetes(spike, HpaScaling.stack(), halfVcpu, gke)),
                new Deployed("Autopilot pods of 0.5 vCPU / 1 GiB, 0 to 50, e-mail worker always on (Knative Serving's "
                        + "own pods not counted)", knative, spike -> SpikeModel.knative(spike,
                        KpaScaling.stack(knativeSeconds), halfVcpu, knative)),
                new Deployed("request-based, 1.1 vCPU / 1.0625 GiB an instance with its sidecar, 0 to 50; e-mail worker "
                        + "service always on", cloudRun, spike -> SpikeModel.cloudRun(spike,
                        CloudRunScaling.stack(inputs.cloudRunMeanMillis().value() / 1000),
                        new Instances(1000 / cpuMillis, startSeconds), cloudRun)));
    }
}
