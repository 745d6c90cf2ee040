/*
 * The clock, the pacing and the result line shared by the C latency clients of bench/latency.sh
 * (bench/usrsctp/fair_latency.c and bench/udp/udp_latency.c), so that both measure and report
 * exactly alike. The result line is a public format that scripts parse, the same as our
 * `latency` subcommand prints (LatencySummary.java):
 *   latency: samples=N length=L min_us=X p50_us=X p90_us=X p99_us=X p99.9_us=X max_us=X
 * Percentiles are by nearest rank, in thousandths of a percent as in LatencySummary.java.
 */
#ifndef JSCTP_BENCH_LATENCY_SAMPLES_H
#define JSCTP_BENCH_LATENCY_SAMPLES_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CLOCK_MONOTONIC in nanoseconds. */
static int64_t now_nanos(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Sleeps until the CLOCK_MONOTONIC time t (nanoseconds). */
static void sleep_until(int64_t t) {
    struct timespec ts = { (time_t) (t / 1000000000), (long) (t % 1000000000) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
    }
}

static int compare_nanos(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

/* The p-th percentile (nearest rank) of n sorted samples. */
static int64_t percentile(const int64_t *sorted, long n, double p) {
    long long milli = (long long) (p * 1000 + 0.5);
    long long rank = (milli * n + 100000 - 1) / 100000;
    return sorted[(rank < 1 ? 1 : rank) - 1];
}

/* Sorts the count round trips (nanoseconds) of length-byte messages and prints the result line. */
static void print_latency_line(int64_t *samples, long count, long length) {
    qsort(samples, (size_t) count, sizeof(int64_t), compare_nanos);
    printf("latency: samples=%ld length=%ld min_us=%.1f p50_us=%.1f p90_us=%.1f p99_us=%.1f p99.9_us=%.1f"
           " max_us=%.1f\n", count, length, samples[0] / 1e3, percentile(samples, count, 50) / 1e3,
           percentile(samples, count, 90) / 1e3, percentile(samples, count, 99) / 1e3,
           percentile(samples, count, 99.9) / 1e3, samples[count - 1] / 1e3);
    fflush(stdout);
}

#endif
