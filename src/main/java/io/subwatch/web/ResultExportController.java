package io.subwatch.web;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.subwatch.records.RecordScope;
import io.subwatch.security.Access;
import io.subwatch.subscription.Subscription;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * "Export": the current view (task, statuses, search; every page) as CSV or JSON, streamed as it is read. Scoped
 * like the page: business grants, share links of the subscription.
 */
@Controller
class ResultExportController {

	private static final List<String> HEADERS = List.of("export.col.instance", "export.col.ip", "results.col.cloud",
			"results.col.business", "results.col.status", "export.col.step", "export.col.subStep",
			"results.col.start", "results.col.finish", "export.col.duration", "export.col.error");

	private final PageAccess pageAccess;

	private final SubscriptionPages pages;

	private final ResultExport export;

	private final PageFormat format;

	private final MessageSource messages;

	private final JsonMapper json;

	ResultExportController(PageAccess pageAccess, SubscriptionPages pages, ResultExport export, PageFormat format,
			MessageSource messages, JsonMapper json) {
		this.pageAccess = pageAccess;
		this.pages = pages;
		this.export = export;
		this.format = format;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/subscriptions/{id}/hosts.csv")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String at,
			@RequestParam(required = false) String error, Access access) {
		return export(ExportFormat.CSV, id, ResultQuery.parse(id, task, status, q, null, null, at, error), access);
	}

	@GetMapping("/subscriptions/{id}/hosts.json")
	ResponseEntity<StreamingResponseBody> json(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String at,
			@RequestParam(required = false) String error, Access access) {
		return export(ExportFormat.JSON, id, ResultQuery.parse(id, task, status, q, null, null, at, error), access);
	}

	private ResponseEntity<StreamingResponseBody> export(ExportFormat exportFormat, long id, ResultQuery query,
			Access access) {
		Subscription subscription = this.pageAccess.readable(id, access);
		RecordScope scope = this.pages.scope(subscription, query.task());
		// The body is written on another thread: what depends on the request is resolved here.
		ExportFormat.Labels labels = labels();
		StreamingResponseBody body = (out) -> {
			ExportFormat.RowWriter writer = exportFormat.open(out, labels, this.json);
			try {
				this.export.forEach(scope, query, writer::write);
				writer.finish();
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		};
		String name = "subwatch-" + id + ((scope.taskId() != null) ? "-task-" + scope.taskId() : "-all-tasks")
				+ "." + exportFormat.extension();
		return ResponseEntity.ok()
			.contentType(exportFormat.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	private ExportFormat.Labels labels() {
		Locale locale = LocaleContextHolder.getLocale();
		String zone = this.format.zone();
		List<String> headers = HEADERS.stream()
			.map((key) -> this.messages.getMessage(key, new Object[] { zone }, locale))
			.toList();
		return new ExportFormat.Labels(headers,
				(s) -> this.messages.getMessage("status." + s.name(), null, s.name(), locale), this.format.currentZone());
	}

}
