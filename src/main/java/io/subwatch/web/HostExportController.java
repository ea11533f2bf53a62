package io.subwatch.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.subwatch.records.RecordScope;
import io.subwatch.records.RecordHostDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Subscription;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * "Copy hosts": the IPs (or {@code cloud:IP}) of a view as plain text, one per line, streamed as they are read, so
 * 200,000 hosts work as well as 20. The pages' Copy buttons fetch it into the clipboard; without JavaScript the link
 * opens it.
 */
@Controller
class HostExportController {

	private final PageAccess pageAccess;

	private final SubscriptionPages pages;

	private final ResultTable table;

	private final RecordHostDao hosts;

	HostExportController(PageAccess pageAccess, SubscriptionPages pages, ResultTable table,
			RecordHostDao hosts) {
		this.pageAccess = pageAccess;
		this.pages = pages;
		this.table = table;
		this.hosts = hosts;
	}

	@GetMapping("/subscriptions/{id}/hosts.txt")
	ResponseEntity<StreamingResponseBody> hosts(@PathVariable long id, @RequestParam(required = false) String task,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String format,
			@RequestParam(required = false) String at, @RequestParam(required = false) String error, Access access) {
		ResultQuery query = ResultQuery.parse(id, task, status, q, null, null, at, error);
		boolean cloud = "cloud".equals(format);
		Subscription subscription = this.pageAccess.readable(id, access);
		RecordScope scope = this.pages.scope(subscription, query.task());
		StreamingResponseBody body = (out) -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			try {
				if (query.search().isEmpty()) {
					this.hosts.forEachAddressChunk(scope, query.filter(),
							(chunk) -> chunk.forEach((address) -> write(writer, address, cloud)));
				}
				else {
					List<Long> ids = this.table.recordIds(scope, query, OperatorPages.MAX_MATCHING);
					for (List<Long> chunk : InstanceRecordDao.chunks(ids)) {
						this.hosts.findAddresses(chunk).forEach((address) -> write(writer, address, cloud));
					}
				}
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	private static void write(Writer writer, RecordHostDao.Address address, boolean cloud) {
		String ip = (address.ip() != null && !address.ip().isEmpty()) ? address.ip() : address.ipv6();
		if (ip == null || ip.isEmpty()) {
			return;
		}
		try {
			if (cloud) {
				writer.write(String.valueOf((address.cloudId() != null) ? address.cloudId() : 0));
				writer.write(':');
			}
			writer.write(ip);
			writer.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
