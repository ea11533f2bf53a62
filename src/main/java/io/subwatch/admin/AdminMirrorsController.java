package io.subwatch.admin;

import java.util.List;

import io.subwatch.mirror.MirrorOverview;
import io.subwatch.security.PageTime;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The NodeMan sources this instance mirrors and where their sync stands: read only, as the sources are configured in
 * the application's settings. Their credentials are never on the page (the overview does not carry them).
 */
@Controller
class AdminMirrorsController {

	private final MirrorOverview mirrors;

	private final PageTime.Format times;

	AdminMirrorsController(MirrorOverview mirrors, PageTime.Format times) {
		this.mirrors = mirrors;
		this.times = times;
	}

	/** A source's overview with its times formatted for the reader. */
	record SourceRow(MirrorOverview.SourceOverview source, PageTime lastSuccess, PageTime lastAttempt,
			PageTime nextAttempt) {
	}

	@GetMapping("/admin/mirrors")
	String list(Model model) {
		List<SourceRow> rows = this.mirrors.sources()
			.stream()
			.map((s) -> new SourceRow(s, this.times.of((s.state() != null) ? s.state().lastSuccess() : null),
					this.times.of((s.state() != null) ? s.state().lastAttempt() : null),
					this.times.of(s.nextAttempt())))
			.toList();
		model.addAttribute("sources", rows);
		return "admin/mirrors";
	}

}
