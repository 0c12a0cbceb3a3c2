package dev.kippu.load.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;

import dev.kippu.local.UserPool;
import tools.jackson.databind.json.JsonMapper;

/**
 * The virtual users of a run, minted before it in a user pool (the stand-in's or a
 * {@link DeployedPool}): one organizer and N attendees with fixed e-mails, kept with their access
 * tokens in {@code <folder>/<pool id>.json}. The next run against the same pool creates only the
 * users it lacks (cognito-local rewrites its whole user file on every change, so each creation slows
 * as the pool grows) and signs again only those whose token would expire before the run is over.
 */
public final class LoadUsers {

    /** What every load user's e-mail starts with: a pool lists its users by such a prefix. */
    public static final String EMAIL_PREFIX = "load-";
    private static final Pattern EMAIL = Pattern.compile(Pattern.quote(EMAIL_PREFIX) + "(organizer|attendee-[0-9]+)@example\\.test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LoadUserPool pool;
    private final Path file;

    public LoadUsers(LoadUserPool pool, Path folder) {
        this.pool = pool;
        this.file = folder.resolve(pool.userPoolId() + ".json");
    }

    /** In the stand-in's pool. */
    public LoadUsers(UserPool pool, Path folder) {
        this(new LocalPool(pool), folder);
    }

    /** Whether an e-mail is one that {@link #mint} gives its users (and no one else's: {@code example.test} is reserved). */
    public static boolean isLoadUser(String email) {
        return EMAIL.matcher(email).matches();
    }

    public record LoadUser(String email, boolean organizer, String accessToken) {
    }

    public record Minted(LoadUser organizer, List<LoadUser> attendees, int created, int signedIn) {
    }

    private record Saved(String poolId, List<LoadUser> users) {
    }

    /** The organizer and {@code attendees} attendees, each with a token valid for at least {@code runFor}. */
    public Minted mint(int attendees, Duration runFor) {
        List<LoadUser> saved = read();
        Instant validUntil = Instant.now().plus(runFor).plus(Duration.ofMinutes(5));
        int created = 0;
        int signedIn = 0;
        List<LoadUser> users = new ArrayList<>();
        for (int i = 0; i <= attendees; i++) {
            boolean organizer = i == 0;
            String email = EMAIL_PREFIX + (organizer ? "organizer" : "attendee-" + i) + "@example.test";
            LoadUser known = saved.stream().filter(user -> user.email().equals(email)).findFirst().orElse(null);
            if (known == null) {
                pool.createUser(email, organizer ? "Load Organizer" : "Load Attendee " + i, organizer);
                created++;
            }
            if (known == null || expiresAt(known.accessToken()).isBefore(validUntil)) {
                known = new LoadUser(email, organizer, pool.signIn(email));
                signedIn++;
            }
            users.add(known);
        }
        List<LoadUser> kept = new ArrayList<>(users);
        saved.stream().filter(user -> kept.stream().noneMatch(in -> in.email().equals(user.email()))).forEach(kept::add);
        write(kept);
        return new Minted(users.getFirst(), List.copyOf(users.subList(1, users.size())), created, signedIn);
    }

    /** Forgets the users kept for this pool, once they are deleted from it. */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant expiresAt(String accessToken) {
        try {
            Date expiry = SignedJWT.parse(accessToken).getJWTClaimsSet().getExpirationTime();
            return expiry == null ? Instant.EPOCH : expiry.toInstant();
        } catch (ParseException unreadable) {
            return Instant.EPOCH;
        }
    }

    private List<LoadUser> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(Files.readString(file), Saved.class).users();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<LoadUser> users) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Saved(pool.userPoolId(), users)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
