package dev.kippu.load.users;

/** A user pool the virtual users of a run are created and signed in in: the stand-in's, or one deployed in AWS. */
public interface LoadUserPool {

    String userPoolId();

    /** Creates a confirmed user who can sign in at once, in the organizers group when {@code organizer}. */
    void createUser(String email, String displayName, boolean organizer);

    /** Signs the user in as the web front end does; returns the access token. */
    String signIn(String email);
}
