package katas.threadsprocesses;

/**
 * A CPU-bound job: counts the primes {@code p} with {@code from <= p < to}, by trial division. Given.
 *
 * <p>Arguments: {@code from} and {@code to}, as text. Answer: the count, as text. Every part of a range can be
 * counted on its own, so the work splits into as many parts as there are cores (or processes).
 */
public final class CountPrimes implements Job {

    @Override
    public String run(String... args) {
        return Long.toString(count(Long.parseLong(args[0]), Long.parseLong(args[1])));
    }

    /** The number of primes in {@code [from, to)}. */
    public static long count(long from, long to) {
        long primes = 0;
        for (long n = from; n < to; n++) {
            if (isPrime(n)) {
                primes++;
            }
        }
        return primes;
    }

    static boolean isPrime(long n) {
        if (n < 4) {
            return n >= 2;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
