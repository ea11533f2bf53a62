package io.subwatch.result;

import java.io.OutputStream;
import java.util.Map;

import io.subwatch.security.Access;
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

	TaskResultService(SelectionResolver resolver, RecordQueryDao queries, RowAssembler assembler, JsonMapper json,
			SubwatchProperties properties, PlatformTransactionManager transactions) {
		this.resolver = resolver;
		this.queries = queries;
		this.assembler = assembler;
		this.json = json;
		this.properties = properties;
		this.readTransaction = new TransactionTemplate(transactions);
		this.readTransaction.setReadOnly(true);
		this.readTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Validates and resolves the request (throwing {@code ApiException} before anything is written), then writes the
	 * whole response.
	 * @param output supplies the stream only once the request is known to be valid
	 */
	void write(TaskResultParams params, Access access, java.util.function.Supplier<OutputStream> output) {
		this.readTransaction.executeWithoutResult((status) -> {
			Selection selection = this.resolver.resolve(params, access);
			RecordFilter filter = new RecordFilter(params.statuses(), params.instanceIdList(),
					params.excludeInstanceIds());
			RecordWindow window = new RecordWindow(this.queries, selection.scope(), filter, selection.latest(),
					params.needDetail() ? DETAIL_CHUNK : RecordWindow.CHUNK);
			long total = params.bareList() ? 0 : window.total(selection.counter());
			try (JsonGenerator generator = this.json.createGenerator(output.get())) {
				ResultJsonWriter writer = new ResultJsonWriter(generator, this.properties.timeZone());
				writer.startEnvelope();
				if (params.bareList()) {
					writer.startList();
				}
				else {
					writer.startDict(total);
				}
				Map<Long, String> pipelineIds = RowAssembler.pipelineIdCache();
				long begin = params.paged() ? params.begin() : 0;
				long size = params.paged() ? params.pagesize() : -1;
				window.forEachChunk(begin, size, (ids) -> {
					this.assembler.assemble(ids, params.needDetail(), pipelineIds).forEach(writer::writeRow);
					generator.flush();
				});
				if (params.bareList()) {
					writer.endList();
				}
				else {
					writer.endDict(selection.counter());
				}
				writer.endEnvelope();
			}
		});
	}

}
