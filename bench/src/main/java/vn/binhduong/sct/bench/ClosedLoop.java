package vn.binhduong.sct.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one answered, for a bounded time.
 * Every client gets its own state (a JDBC connection, say) from {@link ClientFactory}. Requests are numbered from
 * one counter shared by all clients (a free client takes the next number), and request n is the same whichever path
 * is measured, so the mix of a path is the mix of the sequence, not skewed towards whatever answers fastest.
 */
final class ClosedLoop {
    private ClosedLoop() {
    }

    interface Client extends AutoCloseable {
        /** Sends request number {@code n}; returns false (or throws) when the answer is not the expected one. */
        boolean call(long n) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open(int clientNo) throws Exception;
    }

    record Result(String label, long requests, long errors, double seconds, double[] latenciesMs, String firstError, String cpu) {
        double perSecond() {
            return requests / seconds;
        }

        double p50() {
            return latenciesMs.length == 0 ? Double.NaN : Stats.percentile(latenciesMs, 50);
        }

        double p99() {
            return latenciesMs.length == 0 ? Double.NaN : Stats.percentile(latenciesMs, 99);
        }

        String line() {
            return String.format("%-44s %8.1f req/s  p50 %8s  p99 %8s  (%d requests, %d errors in %.0f s)", label,
                    perSecond(), Stats.ms(p50()), Stats.ms(p99()), requests, errors, seconds)
                    + (cpu == null ? "" : "\n      " + cpu)
                    + (firstError == null ? "" : "\n      first error: " + firstError);
        }
    }

    /** Runs {@code clients} clients for {@code seconds}; only requests answered within the window are counted. */
    static Result run(String label, int clients, double seconds, ClientFactory factory) throws Exception {
        return run(label, clients, seconds, factory, null);
    }

    /** As above, and where the CPU went over the measured window ({@code cpu} null: not measured). */
    static Result run(String label, int clients, double seconds, ClientFactory factory, CpuSplit cpu) throws Exception {
        List<Client> opened = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            opened.add(factory.open(i));
        }
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        String[] firstError = new String[1];
        List<List<Double>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CpuSplit.Sample cpuBefore = cpu == null ? null : cpu.take();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int i = 0; i < clients; i++) {
            Client client = opened.get(i);
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                while (true) {
                    long n = sequence.getAndIncrement();
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    boolean ok;
                    String error = null;
                    try {
                        ok = client.call(n);
                        if (!ok) {
                            error = "unexpected answer";
                        }
                    } catch (Exception e) {
                        ok = false;
                        error = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t1 > end) {
                        return;
                    }
                    if (ok) {
                        mine.add((t1 - t0) / 1e6);
                    } else {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = error;
                            }
                        }
                    }
                }
            }, "client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        CpuSplit.Sample cpuAfter = cpu == null ? null : cpu.take();
        for (Client c : opened) {
            c.close();
        }
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        return new Result(label, all.length, errors.get(), seconds, all, firstError[0],
                cpu == null ? null : CpuSplit.line(cpuBefore, cpuAfter, all.length));
    }
}
