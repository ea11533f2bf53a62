package io.subwatch.mirror;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps requests to one source at most {@code perSecond} apart on average: each request takes the next free slot,
 * waiting for it when it lies ahead. One pacer per source, shared by every caller of its client.
 */
final class RequestPacer {

	private final long intervalNanos;

	private long nextSlot = System.nanoTime();

	RequestPacer(double perSecond) {
		this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
	}

	void acquire() {
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			long slot = Math.max(now, this.nextSlot);
			this.nextSlot = slot + this.intervalNanos;
			wait = slot - now;
		}
		// Pacing a live HTTP client, not waiting for a test condition: parking is the point here.
		while (wait > 0) {
			long start = System.nanoTime();
			LockSupport.parkNanos(wait);
			wait -= System.nanoTime() - start;
		}
	}

}
