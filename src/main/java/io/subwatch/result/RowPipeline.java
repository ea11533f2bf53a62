package io.subwatch.result;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Overlaps reading and writing a long answer: the request thread reads chunks of rows (inside its transaction) and
 * hands them over, a writer thread turns them into JSON. At most two chunks wait, so memory stays bounded; a failure
 * on either side stops both.
 */
final class RowPipeline implements AutoCloseable {

	private static final List<ResultRow> END = List.of();

	private final BlockingQueue<List<ResultRow>> queue = new ArrayBlockingQueue<>(2);

	private final Future<?> writer;

	RowPipeline(ExecutorService executor, Consumer<List<ResultRow>> write) {
		this.writer = executor.submit(() -> {
			try {
				for (List<ResultRow> chunk = this.queue.take(); chunk != END; chunk = this.queue.take()) {
					write.accept(chunk);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		});
	}

	/** Hands a chunk to the writer, waiting while two are pending; fails fast when the writer has failed. */
	void submit(List<ResultRow> chunk) {
		try {
			while (!this.queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
				if (this.writer.isDone()) {
					finish();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while streaming", ex);
		}
	}

	/** Waits until every chunk is written; rethrows what the writer failed with. */
	void finish() {
		try {
			if (!this.writer.isDone()) {
				this.queue.put(END);
			}
			this.writer.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while streaming", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("writing the answer failed", ex.getCause());
		}
	}

	@Override
	public void close() {
		this.writer.cancel(true);
	}

}
