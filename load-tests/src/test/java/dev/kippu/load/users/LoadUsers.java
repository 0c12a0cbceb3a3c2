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

import com.nimbusds.jwt.SignedJWT;

import dev.kippu.contract.TestUsers;
import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.UserPool;
import tools.jackson.databind.json.JsonMapper;

/**
 * The virtual users of a run, minted before it in a local user pool: one organizer and N attendees
 * with fixed e-mails, kept with their access tokens in {@code <folder>/<pool id>.json}. The next
 * run against the same pool creates only the users it lacks (cognito-local rewrites its whole user
 * file on every change, so each creation slows as the pool grows) and signs again only those whose
 * token would expire before the run is over.
 */
public final class LoadUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserPool pool;
    private final Path file;

    public LoadUsers(UserPool pool, Path folder) {
        this.pool = pool;
        this.file = folder.resolve(pool.userPoolId() + ".json");
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
            String email = organizer ? "load-organizer@example.test" : "load-attendee-" + i + "@example.test";
            LoadUser known = saved.stream().filter(user -> user.email().equals(email)).findFirst().orElse(null);
            if (known == null) {
                if (organizer) {
                    pool.createUser(email, TestUsers.PASSWORD, "Load Organizer", CognitoStandIn.ORGANIZERS);
                } else {
                    pool.createUser(email, TestUsers.PASSWORD, "Load Attendee " + i);
                }
                created++;
            }
            if (known == null || expiresAt(known.accessToken()).isBefore(validUntil)) {
                known = new LoadUser(email, organizer, pool.signIn(email, TestUsers.PASSWORD).accessToken());
                signedIn++;
            }
            users.add(known);
        }
        List<LoadUser> kept = new ArrayList<>(users);
        saved.stream().filter(user -> kept.stream().noneMatch(in -> in.email().equals(user.email()))).forEach(kept::add);
        write(kept);
        return new Minted(users.getFirst(), List.copyOf(users.subList(1, users.size())), created, signedIn);
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
