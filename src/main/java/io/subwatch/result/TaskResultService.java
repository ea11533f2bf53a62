package io.subwatch.result;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.subwatch.records.RecordFilter;
import io.subwatch.records.RecordQueryDao;
import io.subwatch.records.RecordWindow;
import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import jakarta.annotation.PreDestroy;
import io.subwatch.system.SubwatchProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * task_result: resolves the request, then streams the envelope and rows to the output in one read-only,
 * repeatable-read transaction, so counters, totals and rows describe the same moment.
 */
@Service
class TaskResultService {

	/** Rows assembled at a time with need_detail: their logs may be long, so fewer at once. */
	static final int DETAIL_CHUNK = 100;

	private final SelectionResolver resolver;

	private final RecordQueryDao queries;

	private final RowAssembler assembler;

	private final JsonMapper json;

	private final SubwatchProperties properties;

	private final TransactionTemplate readTransaction;

	private final ApiStatuses statuses;

	/** Rows of complete task_result answers ({@code subwatch_task_result_rows_total} on /actuator/prometheus). */
	private final Counter rowsStreamed;

	/** Writer threads of long answers (one per answer being streamed; see {@link RowPipeline}). */
	private final ExecutorService writers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "task-result-writer");
		thread.setDaemon(true);
		return thread;
	});

	TaskResultService(SelectionResolver resolver, RecordQueryDao queries, RowAssembler assembler, JsonMapper json,
			SubwatchProperties properties, PlatformTransactionManager transactions, ApiStatuses statuses,
			MeterRegistry meters) {
		this.statuses = statuses;
		this.rowsStreamed = Counter.builder("subwatch.task_result.rows")
			.description("task_result rows written to answers")
			.register(meters);
		this.resolver = resolver;
		this.queries = queries;
		this.assembler = assembler;
		this.json = json;
		this.properties = properties;
		this.readTransaction = new TransactionTemplate(transactions);
		this.readTransaction.setReadOnly(true);
		this.readTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@PreDestroy
	void stop() {
		this.writers.shutdownNow();
	}

	/**
	 * The stored statuses the {@code statuses} filter names, without those the base set has none of: FAILED stands for
	 * FAILED and TERMINATED records, and while nothing was revoked it stays a single-status filter, which reads its
	 * window in index order however deep the page (see {@link RecordWindow}).
	 */
	private List<Status> storedStatuses(List<String> named, StatusCounts base) {
		if (named == null) {
			return null;
		}
		return this.statuses.storedAs(named).stream().filter((status) -> base.count(status) > 0).toList();
	}

	/**
	 * Validates and resolves the request (throwing {@code ApiException} before anything is written), then writes the
	 * whole response.
	 * @param output supplies the stream only once the request is known to be valid
	 */
	void write(TaskResultParams params, Access access, java.util.function.Supplier<OutputStream> output) {
		this.readTransaction.executeWithoutResult((status) -> {
			Selection selection = this.resolver.resolve(params, access);
			RecordFilter filter = new RecordFilter(storedStatuses(params.statuses(), selection.counter()),
					params.instanceIdList(), params.excludeInstanceIds());
			RecordWindow window = new RecordWindow(this.queries, selection.scope(), filter, selection.latest(),
					params.needDetail() ? DETAIL_CHUNK : RecordWindow.CHUNK);
			long total = params.bareList() ? 0 : window.total(selection.counter());
			try (JsonGenerator generator = this.json.createGenerator(output.get())) {
				ResultJsonWriter writer = new ResultJsonWriter(generator, this.properties.timeZone(), this.statuses);
				writer.startEnvelope();
				if (params.bareList()) {
					writer.startList();
				}
				else {
					writer.startDict(total);
				}
				// the resolved tasks came with their pipeline ids: a page of their rows reads no task again
				Map<Long, String> pipelineIds = RowAssembler.pipelineIdCache();
				selection.tasks().forEach((task) -> pipelineIds.put(task.id(), task.pipelineId()));
				long begin = params.paged() ? params.begin() : 0;
				long size = params.paged() ? params.pagesize() : -1;
				if (size > 0 && size <= RecordWindow.CHUNK) {
					window.forEachChunk(begin, size, (ids) -> this.assembler.assemble(ids, params.needDetail(),
							pipelineIds).forEach(writer::writeRow));
				}
				else {
					try (RowPipeline pipeline = new RowPipeline(this.writers, (rows) -> {
						rows.forEach(writer::writeRow);
						generator.flush();
					})) {
						window.forEachChunk(begin, size, (ids) -> pipeline.submit(this.assembler.assemble(ids,
								params.needDetail(), pipelineIds)));
						pipeline.finish();
					}
				}
				if (params.bareList()) {
					writer.endList();
				}
				else {
					writer.endDict(this.statuses.report(selection.counter()));
				}
				writer.endEnvelope();
				this.rowsStreamed.increment(writer.rows());
			}
		});
	}

}
