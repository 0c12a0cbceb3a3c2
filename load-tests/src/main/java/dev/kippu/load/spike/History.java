package dev.kippu.load.spike;

/** What a scaler can have observed up to and including the current second. */
interface History {

    double arrived(int second);

    double served(int second);

    /** Requests a second the ready instances serve at full load (100 % of their CPU). */
    double capacity(int second);

    /** Requests waiting at the end of {@code second}. */
    double queued(int second);

    /** Instances taking traffic in {@code second}. */
    int ready(int second);

    /** Instances running or starting at the end of {@code second}; before 0, the initial ones. */
    int instances(int second);
}
