package dev.kippu.load.spike;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;

/**
 * One-second steps of an instance-based runtime: arrivals join a FIFO buffer, ready instances
 * serve up to their full-load capacity, requests that wait too long or find the buffer full are
 * refused, and the scaler's new instances take traffic once started. Instances are never removed:
 * every runtime here waits minutes before scaling in (ECS 5 min, the HPA 300 s, Knative 2 min,
 * Cloud Run keeps idle instances up to 15 min).
 */
final class FleetSimulation {

    private FleetSimulation() {
    }

    static SpikeOutcome run(String runtime, Spike spike, Scaler scaler, Instances instances, Buffer buffer,
                            Charges charges) {
        int seconds = spike.observedSeconds();
        Recorded history = new Recorded(seconds, clamp(scaler, scaler.instancesBefore(spike.baseRequestsPerSecond())));
        int[] becomingReady = new int[seconds + 1];
        int ready = history.initial;
        int total = history.initial;
        Deque<double[]> waiting = new ArrayDeque<>(); // {arrival second, requests}
        List<Second> timeline = new ArrayList<>(seconds);
        double maxQueued = 0;
        int maxWait = 0;
        long started = 0;
        double billedInstanceSeconds = 0;
        for (int t = 0; t < seconds; t++) {
            ready += becomingReady[t];
            double arrived = spike.demand(t);
            waiting.addLast(new double[] {t, arrived});
            double capacity = ready * instances.requestsPerSecondAtFullLoad();
            double room = capacity;
            while (room > 0 && !waiting.isEmpty()) {
                double[] head = waiting.peekFirst();
                double taken = Math.min(room, head[1]);
                room -= taken;
                head[1] -= taken;
                maxWait = Math.max(maxWait, t - (int) head[0]);
                if (head[1] <= 0) {
                    waiting.removeFirst();
                }
            }
            double served = capacity - room;
            double refused = 0;
            while (!waiting.isEmpty() && t + 1 - waiting.peekFirst()[0] > buffer.maxWaitSeconds()) {
                refused += waiting.removeFirst()[1];
            }
            double over = queued(waiting) - buffer.capacity(ready);
            while (over > 0) {
                double[] newest = waiting.peekLast();
                double dropped = Math.min(over, newest[1]);
                newest[1] -= dropped;
                over -= dropped;
                refused += dropped;
                if (newest[1] <= 0) {
                    waiting.removeLast();
                }
            }
            double queued = queued(waiting);
            history.record(t, arrived, served, capacity, queued, ready);
            OptionalInt wanted = scaler.desired(t, history);
            if (wanted.isPresent()) {
                int target = clamp(scaler, wanted.getAsInt());
                if (target > total) {
                    int readyAt = instances.readyAt(t);
                    if (readyAt < becomingReady.length) {
                        becomingReady[readyAt] += target - total;
                    }
                    started += target - total;
                    total = target;
                }
            }
            history.instances[t] = total;
            billedInstanceSeconds += charges.billedInstanceSeconds(total, ready, served);
            maxQueued = Math.max(maxQueued, queued);
            timeline.add(new Second(t, arrived, capacity, served, queued, refused, total));
        }
        double usd = SpikeOutcome.total(timeline, Second::served) * charges.usdPerServedRequest()
                + billedInstanceSeconds * charges.usdPerInstanceSecond();
        return SpikeOutcome.of(runtime, timeline, maxQueued, maxWait, started, usd);
    }

    private static int clamp(Scaler scaler, int instances) {
        return Math.clamp(instances, scaler.minInstances(), scaler.maxInstances());
    }

    private static double queued(Deque<double[]> waiting) {
        return waiting.stream().mapToDouble(bucket -> bucket[1]).sum();
    }

    private static final class Recorded implements History {
        private final double[] arrived;
        private final double[] served;
        private final double[] capacity;
        private final double[] queued;
        private final int[] ready;
        private final int[] instances;
        private final int initial;

        Recorded(int seconds, int initial) {
            arrived = new double[seconds];
            served = new double[seconds];
            capacity = new double[seconds];
            queued = new double[seconds];
            ready = new int[seconds];
            instances = new int[seconds];
            this.initial = initial;
        }

        void record(int t, double arrivedNow, double servedNow, double capacityNow, double queuedNow, int readyNow) {
            arrived[t] = arrivedNow;
            served[t] = servedNow;
            capacity[t] = capacityNow;
            queued[t] = queuedNow;
            ready[t] = readyNow;
            instances[t] = t == 0 ? initial : instances[t - 1];
        }

        @Override
        public double arrived(int second) {
            return arrived[second];
        }

        @Override
        public double served(int second) {
            return served[second];
        }

        @Override
        public double capacity(int second) {
            return capacity[second];
        }

        @Override
        public double queued(int second) {
            return queued[second];
        }

        @Override
        public int ready(int second) {
            return ready[second];
        }

        @Override
        public int instances(int second) {
            return second < 0 ? initial : instances[second];
        }
    }
}
