package dev.kippu.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.contract.EventInputs;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuLauncher;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.load.config.Profile;
import dev.kippu.load.config.Profiles;
import dev.kippu.load.config.Target;
import dev.kippu.load.config.Targets;
import dev.kippu.load.results.FlashSaleInvariants;
import dev.kippu.load.results.FlashSaleInvariants.ListedBooking;
import dev.kippu.load.results.Outcomes;
import dev.kippu.load.results.ResourceUse;
import dev.kippu.load.results.ResultJson;
import dev.kippu.load.users.DeployedPool;
import dev.kippu.load.users.DeployedPoolCleanup;
import dev.kippu.load.users.LoadUserPool;
import dev.kippu.load.users.LoadUsers;
import dev.kippu.load.users.LocalPool;
import io.gatling.app.Gatling$;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one load profile against one target: {@code LoadRun [testType] [target]} (or
 * {@code -DtestType}, {@code -Dtarget}; default smoke against local). Starts the local stand-ins
 * and the target when the target is a local packaging (or reaches one by URL), mints the users
 * (in the stand-ins' pool, or in the deployed pool of a cloud target: deleted after the run),
 * publishes the event the buyers book, runs Gatling in this JVM while sampling the target's
 * processes, reads the flash-sale invariants back, writes
 * {@code target/load-results/<time>-<target>-<testType>.json}, and stops what it started. Exits 0 when the run passed, 1 when Gatling's assertions or an invariant failed (or the
 * run broke), 2 when the profile or target was refused.
 */
public final class LoadRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GATLING_VERSION = "3.13.4";
    private static final Path RESULTS = Path.of("target/load-results");
    private static final Path GATLING_RUNS = Path.of("target/gatling");
    private static final Path USERS = DeployedPoolCleanup.USERS;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private LoadRun() {
    }

    public static void main(String[] args) {
        String testType = args.length > 0 ? args[0] : System.getProperty("testType", "smoke");
        String target = args.length > 1 ? args[1] : System.getProperty("target", "local");
        int status;
        try {
            status = run(Profiles.fromSystemProperties().named(testType), Targets.shipped().named(target)) ? 0 : 1;
        } catch (IllegalArgumentException refused) {
            System.err.println("load: " + refused.getMessage());
            status = 2;
        } catch (Exception broken) {
            System.err.println("load: the run broke");
            broken.printStackTrace();
            status = 1;
        }
        System.exit(status); // Gatling leaves threads behind; the shutdown hooks stop the stand-ins
    }

    static boolean run(Profile profile, Target target) throws IOException {
        if (target.users() == Target.Users.DEPLOYED_POOL) {
            try (DeployedPool pool = DeployedPool.fromEnvironment(); KippuLauncher.Running kippu = new Reached(target.url().orElseThrow())) {
                try {
                    return run(profile, target, kippu, Optional.empty(), pool);
                } finally {
                    System.out.printf("load: deleted the %d load users from pool %s%n", DeployedPoolCleanup.cleanUp(pool, USERS), pool.userPoolId());
                }
            }
        }
        if (target.users() == Target.Users.STACK_FILE) {
            // KippuStandIns then reads the stand-ins' coordinates from the stack file that ./kippu local wrote
            System.setProperty("kippu.test.base-url", target.url().orElseThrow().toString());
        }
        KippuStandIns standIns = KippuStandIns.shared();
        Instant launched = Instant.now();
        try (KippuLauncher.Running kippu = reach(target, standIns)) {
            Optional<Duration> start = target.launcher().map(started -> Duration.between(launched, Instant.now()));
            return run(profile, target, kippu, start, new LocalPool(standIns.cognito()));
        }
    }

    private static boolean run(Profile profile, Target target, KippuLauncher.Running kippu, Optional<Duration> start, LoadUserPool pool)
            throws IOException {
        URI baseUrl = kippu.baseUrl();
        Instant minting = Instant.now();
        LoadUsers.Minted users = new LoadUsers(pool, USERS).mint(profile.attendees(), profile.maxDuration());
        System.out.printf("load: %d attendees and an organizer (%d created, %d signed in, %.1f s) in pool %s%n", users.attendees().size(),
                users.created(), users.signedIn(), Duration.between(minting, Instant.now()).toMillis() / 1000.0, pool.userPoolId());
        GraphQlTester organizer = KippuApi.at(baseUrl).withToken(users.organizer().accessToken());
        String saleEventId = EventInputs.published(organizer, profile.seats());

        LoadPlan.set(new LoadPlan(baseUrl, profile, users.attendees().stream().map(LoadUsers.LoadUser::accessToken).toList(),
                users.organizer().accessToken(), saleEventId));
        Instant startedAt = Instant.now();
        Outcomes.reset(startedAt.toEpochMilli());
        int gatling;
        ResourceUse resources = ResourceUse.sampling(kippu::processes);
        try (resources) {
            gatling = Gatling$.MODULE$.fromArgs(new String[] {"-s", LoadSimulation.class.getName(), "-rf", GATLING_RUNS.toString()});
        }
        Instant endedAt = Instant.now();
        if (gatling != 0 && gatling != 2) { // 2: an assertion failed
            throw new IllegalStateException("Gatling ended with status " + gatling);
        }
        Optional<FlashSaleInvariants.Result> invariants = profile.checksFlashSale()
                ? Optional.of(readBack(organizer, saleEventId)) : Optional.empty();

        Path run = latestGatlingRun();
        JsonNode stats = JSON.readTree(Files.readString(run.resolve("js/stats.json")));
        ResultJson.Run described = new ResultJson.Run(target.name(), target.packaging(), baseUrl, profile.name(),
                System.getProperty("kippu.load.app-version", "unknown"), startedAt, endedAt, GATLING_VERSION, run.toString(), gatling == 0);
        long requests = stats.path("stats").path("numberOfRequests").path("total").asLong();
        ResultJson.Observed observed = new ResultJson.Observed(Outcomes.timeline().seconds(), Outcomes.timeline().drift(), start,
                resources.figures(requests), kippu.coldStarts());
        Map<String, Object> result = ResultJson.build(described, ResultJson.Machine.current(), stats, Outcomes.failures(), Outcomes.refusals(),
                invariants, observed);
        Path file = RESULTS.resolve(FILE_TIME.format(startedAt) + "-" + target.name() + "-" + profile.name() + ".json");
        Files.createDirectories(RESULTS);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");

        boolean passed = (Boolean) result.get("passed");
        System.out.printf("load: %s against %s %s (%s); failures %s, refusals %s%n", profile.name(), target.name(),
                passed ? "passed" : "FAILED", gatling == 0 ? "assertions held" : "assertions failed", Outcomes.failures(), Outcomes.refusals());
        invariants.ifPresent(checked -> System.out.println("load: flash-sale invariants " + (checked.passed() ? "held: " : "VIOLATED: ") + checked));
        System.out.println("load: result " + file.toAbsolutePath());
        return passed;
    }

    private static KippuLauncher.Running reach(Target target, KippuStandIns standIns) {
        if (target.url().isPresent()) {
            return new Reached(target.url().get());
        }
        return KippuLauncher.named(target.launcher().orElseThrow()).start(standIns.properties());
    }

    /** A Kippu that something else started: nothing to stop. */
    private record Reached(URI baseUrl) implements KippuLauncher.Running {

        @Override
        public void close() {
        }
    }

    private static FlashSaleInvariants.Result readBack(GraphQlTester organizer, String eventId) {
        GraphQlTester.Response event = organizer.documentName("event").variable("id", eventId).execute();
        int capacity = event.path("event.capacity").entity(Integer.class).get();
        int seatsRemaining = event.path("event.seatsRemaining").entity(Integer.class).get();
        List<ListedBooking> listed = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Request<?> page = organizer.documentName("eventBookings").variable("id", eventId).variable("first", 100);
            GraphQlTester.Response bookings = (after == null ? page : page.variable("after", after)).execute();
            listed.addAll(bookings.path("event.bookings.edges[*].node").entityList(ListedBooking.class).get());
            more = bookings.path("event.bookings.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more ? bookings.path("event.bookings.pageInfo.endCursor").entity(String.class).get() : null;
        }
        return FlashSaleInvariants.check(capacity, seatsRemaining, listed, Outcomes.confirmedBookings());
    }

    private static Path latestGatlingRun() throws IOException {
        try (Stream<Path> runs = Files.list(GATLING_RUNS)) {
            return runs.filter(Files::isDirectory).filter(dir -> dir.getFileName().toString().startsWith(LoadSimulation.class.getSimpleName().toLowerCase() + "-"))
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no run into " + GATLING_RUNS.toAbsolutePath()));
        }
    }
}
