package io.subwatch.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.subwatch.records.RecordScope;
import io.subwatch.records.RecordHostDao;
import io.subwatch.result.ResultRow;
import io.subwatch.result.RowAssembler;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.SubStepDao;

import org.springframework.stereotype.Component;

/**
 * The hosts of a view (the table's filter, every page) as export rows, a thousand at a time: ids by keyset walk
 * (or the search's matches), then the rows with a fixed number of queries per thousand, logs only for the hosts that
 * stopped at an error. 200,000 hosts never sit in memory together.
 */
@Component
class ResultExport {

	/** Rows assembled per round of queries. */
	static final int ROWS = 1000;

	private final RecordHostDao hosts;

	private final ResultTable table;

	private final RowAssembler assembler;

	private final SubStepDao subSteps;

	private final Clock clock;

	ResultExport(RecordHostDao hosts, ResultTable table, RowAssembler assembler, SubStepDao subSteps, Clock clock) {
		this.hosts = hosts;
		this.table = table;
		this.assembler = assembler;
		this.subSteps = subSteps;
		this.clock = clock;
	}

	/** Every row of the view, grouped by status (in the filter's order) and ascending record id within. */
	void forEach(RecordScope scope, ResultQuery query, Consumer<ExportRow> consumer) {
		Map<Long, String> pipelineIds = RowAssembler.pipelineIdCache();
		if (query.search().isEmpty()) {
			this.hosts.forEachAddressChunk(scope, query.filter(),
					(chunk) -> rows(chunk.stream().map(RecordHostDao.Address::id).toList(), pipelineIds, consumer));
		}
		else {
			rows(this.table.recordIds(scope, query, OperatorPages.MAX_MATCHING), pipelineIds, consumer);
		}
	}

	private void rows(List<Long> ids, Map<Long, String> pipelineIds, Consumer<ExportRow> consumer) {
		for (List<Long> part : InstanceRecordDao.chunks(ids, ROWS)) {
			List<ResultRow> rows = this.assembler.assemble(part, false, pipelineIds);
			List<Long> stopped = new ArrayList<>();
			for (ResultRow row : rows) {
				if (ExportRow.stoppedAtError(row)) {
					stopped.add(row.record().id());
				}
			}
			Map<Long, Map<Integer, String>> logs = stopped.isEmpty() ? Map.of() : this.subSteps.findLogs(stopped);
			var now = this.clock.instant();
			for (ResultRow row : rows) {
				consumer.accept(ExportRow.of(row, logs.get(row.record().id()), now));
			}
		}
	}

}
