package dev.kippu.load.cost;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each runtime's monthly cost against arithmetic done by hand (a month is 2,592,000 s, 720 h). */
class RuntimesTest {

    private static final RequestProfile NOTHING_BUT_REQUESTS = new RequestProfile(0, 0, 0, 0);
    private static final double CENT = 0.01;

    @Test
    void lambdaArm64At10RequestsPerSecond() {
        // 10 req/s × 2,592,000 s = 25,920,000 requests
        // duration: 1 GB × 0.020 s = 0.02 GB-s each → 518,400 GB-s × $0.0000133334 = $6.9120
        // requests: 25.92 M × $0.20                                                = $5.1840
        // CloudFront HTTPS: 25.92 M × $0.01 / 10,000                               = $25.9200
        // total                                                                    = $38.0160
        RuntimeCost lambda = Runtimes.lambdaSnapStart(new LambdaFunction(1024, Architecture.ARM64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);

        assertThat(lambda.monthlyUsd(10)).isCloseTo(38.0160, within(CENT));
        assertThat(lambda.idleMonthlyUsd()).isZero();
        // $0.20 + 0.02 GB-s × $0.0000133334 × 1e6 ($0.266668) + CloudFront $1.00
        assertThat(lambda.usdPerMillionRequests()).isCloseTo(1.466668, within(1e-6));
    }

    @Test
    void x86CostsMoreThanArm64AndHttpApiAddsADollarAMillion() {
        LambdaFunction arm = new LambdaFunction(1024, Architecture.ARM64, 20);
        LambdaFunction x86 = new LambdaFunction(1024, Architecture.X86_64, 20);

        // x86: 0.02 GB-s × $0.0000166667 × 1e6 = $0.333334 instead of $0.266668
        assertThat(Runtimes.lambdaNative(x86, FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS).usdPerMillionRequests())
                .isCloseTo(1.533334, within(1e-6));
        assertThat(Runtimes.lambdaNative(arm, FrontDoor.HTTP_API, NOTHING_BUT_REQUESTS).usdPerMillionRequests())
                .isCloseTo(2.466668, within(1e-6));
    }

    @Test
    void fargateIdleIsTwoTasksAnInternalAlbAndANatGateway() {
        // task: 0.5 × $0.03238 + 1 × $0.00356 = $0.01975/h → $14.22 a month
        // ALB $0.0225 × 720 = $16.20; internal (CloudFront's VPC origin): no public IPv4
        // NAT $0.045 × 720 = $32.40; its IPv4 $0.005 × 720 = $3.60   fixed = $52.20
        // idle: 52.20 + 2 × 14.22                                          = $80.64
        RuntimeCost fargate = kippuFargate(NOTHING_BUT_REQUESTS);

        assertThat(fargate.idleMonthlyUsd()).isCloseTo(80.64, within(CENT));
        assertThat(fargate.fixedMonthly()).extracting(LineItem::what)
                .containsExactly("Application Load Balancer", "NAT gateway", "Public IPv4 address × 1 (NAT)");
        // 30 req/s: ceil(30 / 12) = 3 tasks = $42.66; CloudFront 30 × 2.592 = $77.76 → $172.62
        assertThat(fargate.monthlyUsd(30)).isCloseTo(172.62, within(CENT));
        // exactly 24 req/s is two tasks' worth, not three
        assertThat(fargate.monthlyUsd(24)).isCloseTo(52.20 + 28.44 + 24 * 2.592, within(CENT));
    }

    @Test
    void requestProfileAddsTransferAlbCapacityAndDynamoDbPerRequest() {
        // 1,000 B in + 9,000 B out; 2 read units, 1 write unit
        // CloudFront $1.00 + transfer out 9,000 B × $0.085/GB ($0.765) + DynamoDB 2 × $0.125 + $0.625 ($0.875)
        // + ALB 10,000 B = 1e-5 LCU-h × $0.008 ($0.08) + a task's hour over 12 req/s × 3,600 s ($0.457176)
        RuntimeCost fargate = kippuFargate(new RequestProfile(1_000, 9_000, 2, 1));

        assertThat(fargate.usdPerMillionRequests()).isCloseTo(3.177176, within(1e-6));
    }

    @Test
    void managedInstancesPayForThreeInstancesWithTheFeeEvenIdle() {
        // m7g.large $0.0816 × 1.15 = $0.09384/h → $67.5648 a month; 3 instances idle = $202.6944
        // capacity: 2 vCPU × 1000 × 0.5 / 10 CPU-ms = 100 req/s per instance
        RuntimeCost mi = Runtimes.lambdaManagedInstances(Prices.EC2_M7G_LARGE,
                new Scaling(Capacity.fromCpu(2, 10, 0.5), 3), FrontDoor.FUNCTION_URL, AwsNetwork.NONE,
                NOTHING_BUT_REQUESTS);

        assertThat(mi.idleMonthlyUsd()).isCloseTo(202.6944, within(CENT));
        // 350 req/s: 4 instances $270.2592 + (Lambda $0.20 + CloudFront $1.00)/M × 907.2 M ($1,088.64)
        assertThat(mi.monthlyUsd(350)).isCloseTo(1358.8992, within(CENT));
    }

    @Test
    void cloudRunBillsBusyTimeUpToTheInstancesRunning() {
        // instance: Kippu 1 vCPU / 1 GiB + sidecar 0.1 vCPU / 64 MiB
        //   1.1 × $0.000024 + 1.0625 × $0.0000025 = $0.00002905625 per instance-second
        // worker, instance-based: 1 × $0.000018 + 0.5 × $0.000002 = $0.000019/s × 2,592,000 = $49.248
        RuntimeCost cloudRun = Runtimes.cloudRun(new PodSize(1.1, 1.0625), new Capacity(40), 50,
                new PodSize(1, 0.5), NOTHING_BUT_REQUESTS);

        assertThat(cloudRun.idleMonthlyUsd()).isCloseTo(49.248, within(CENT));
        // 10 req/s: 1 instance, 10 × 0.05 s = 0.5 in flight → 0.5 × 2,592,000 × $0.00002905625 = $37.6569
        //           requests (Cloud Run $0.40 + CloudFront $1.00)/M × 25.92 M = $36.288 → $123.1929
        assertThat(cloudRun.monthlyUsd(10)).isCloseTo(123.1929, within(CENT));
        // 100 req/s: 5 in flight but only ceil(100 / 40) = 3 instances → 3 × $75.3138 = $225.9414
        //            requests $362.88 → $638.0694
        assertThat(cloudRun.monthlyUsd(100)).isCloseTo(638.0694, within(CENT));
    }

    @Test
    void kubernetesRuntimesPayTheirControlPlanes() {
        // EKS: pods on Fargate x86 0.5 × $0.04048 + 1 × $0.004445 = $0.024685/h → $17.7732; 3 pods $53.3196
        //      + EKS $72 + ALB $16.20 + its 2 public IPv4 (internet-facing) 2 × $0.005 × 720 = $7.20
        //      + NAT $32.40 + its IPv4 $3.60                                                 = $184.7196
        RuntimeCost eks = Runtimes.eks(new PodSize(0.5, 1), new Scaling(new Capacity(12), 3), new AwsNetwork(1, 0),
                NOTHING_BUT_REQUESTS);
        // GKE Autopilot: 1 × $0.0445 + 1 × $0.0049225 = $0.0494225/h → $35.5842; 2 pods + $72 fee = $143.1684
        RuntimeCost gke = Runtimes.gkeAutopilot(new PodSize(1, 1), new Scaling(new Capacity(20), 2),
                NOTHING_BUT_REQUESTS);
        // Knative at zero: $72 fee + e-mail worker 0.25 × $0.0445 + 0.5 × $0.0049225 = $0.01358625/h ($9.7821)
        RuntimeCost knative = Runtimes.knativeOnGke(new PodSize(0.5, 1), new Scaling(new Capacity(20), 0),
                List.of(new NamedPod("kippu-email-worker", new PodSize(0.25, 0.5))), NOTHING_BUT_REQUESTS);

        assertThat(eks.idleMonthlyUsd()).isCloseTo(184.7196, within(CENT));
        assertThat(eks.fixedMonthly()).extracting(LineItem::what)
                .contains("Public IPv4 address × 2 (ALB)", "Public IPv4 address × 1 (NAT)");
        assertThat(gke.idleMonthlyUsd()).isCloseTo(143.1684, within(CENT));
        assertThat(knative.idleMonthlyUsd()).isCloseTo(81.7821, within(CENT));
        // the first request starts a pod: 0.5 × $0.0445 + 1 × $0.0049225 = $0.0271725/h, plus CloudFront
        assertThat(knative.monthlyUsd(1) - knative.idleMonthlyUsd())
                .isCloseTo(0.0271725 * 720 + 2.592, within(CENT));
    }

    @Test
    void refusesInputsOutsideWhatTheModelMeans() {
        assertThatThrownBy(() -> new LambdaFunction(64, Architecture.ARM64, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128 to 10240 MB");
        assertThatThrownBy(() -> new LambdaFunction(1024, Architecture.ARM64, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meanBilledDurationMs");
        assertThatThrownBy(() -> Capacity.fromCpu(0.5, 25, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetUtilisation");
        assertThatThrownBy(() -> new PodSize(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vcpu");
        assertThatThrownBy(() -> new AwsNetwork(0, 2_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a NAT gateway");
        assertThatThrownBy(() -> new Scaling(new Capacity(10), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minInstances");
        assertThatThrownBy(() -> kippuFargate(NOTHING_BUT_REQUESTS).monthlyUsd(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> kippuFargate(NOTHING_BUT_REQUESTS).monthlyUsd(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
    }

    /** deploy-fargate's defaults: arm64 0.5 vCPU / 1 GiB, 2 tasks, one NAT gateway; 12 req/s a task. */
    static RuntimeCost kippuFargate(RequestProfile profile) {
        // 0.5 vCPU × 1000 × 0.6 target / 25 CPU-ms = 12 req/s per task
        return Runtimes.fargate(new PodSize(0.5, 1), Architecture.ARM64,
                new Scaling(Capacity.fromCpu(0.5, 25, 0.6), 2), new AwsNetwork(1, 0), profile);
    }
}
